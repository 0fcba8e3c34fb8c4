package com.hirerelay.host.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What operators and browsers see of the host's own measurements: the {@code Server-Timing} header of an export,
 * the management port's {@code /metrics} after real exports through the plugin and the sandbox, its health
 * answers, and that none of it is served on the users' port. No timing is asserted: only that the figures are
 * there and add up.
 */
class ObservabilityApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // A host per test: the metrics asserted are counts since the host started.
    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perTest().connected();

    private static long firstHired() {
        return host.hiredCandidates(1).get(0).get("id").asLong();
    }

    private HttpResponse<String> management(String method, String path) throws IOException, InterruptedException {
        URI base = host.managementUri();
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** @return the Server-Timing header's entries: name to duration in milliseconds */
    private static Map<String, Double> serverTiming(ApiClient.Answer answer) {
        String header = answer.headers().entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase("server-timing"))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Server-Timing header in " + answer.headers()));
        return Arrays.stream(header.split(",\\s*"))
                .collect(Collectors.toMap(
                        entry -> entry.substring(0, entry.indexOf(';')),
                        entry -> Double.parseDouble(entry.substring(entry.indexOf("dur=") + 4))));
    }

    /** @return the requests to HR systems that /metrics counts */
    private static double reported(String metrics) {
        return metrics.lines()
                .filter(line -> line.startsWith("hirerelay_hris_requests_seconds_count{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void anExportAnswersWithItsPhasesInServerTimingAndThePhasesAddUpToTheTotal() {
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        long id = firstHired();

        ApiClient.Answer export =
                recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        Map<String, Double> timing = serverTiming(export);
        assertThat(timing.keySet())
                .as("the export's phases, own time and total")
                .containsExactlyInAnyOrder(
                        "http",
                        "checks",
                        "draft",
                        "attempt",
                        "plugin",
                        "hris",
                        "own",
                        "total",
                        "http-cpu",
                        "checks-cpu",
                        "draft-cpu",
                        "attempt-cpu",
                        "plugin-cpu",
                        "cpu");
        assertThat(timing.values()).allSatisfy(millis -> assertThat(millis).isNotNegative());
        assertThat(timing.get("hris"))
                .as("the plugin reported its requests to the sandbox: some time was spent waiting on them")
                .isPositive();
        double phases = timing.get("http")
                + timing.get("checks")
                + timing.get("draft")
                + timing.get("attempt")
                + timing.get("plugin")
                + timing.get("hris");
        assertThat(phases)
                .as("the phases leave no gap: together they are the total (rounding aside)")
                .isCloseTo(timing.get("total"), org.assertj.core.data.Offset.offset(0.01));
        assertThat(timing.get("own"))
                .as("own time is the total less the time on the HR system")
                .isCloseTo(timing.get("total") - timing.get("hris"), org.assertj.core.data.Offset.offset(0.01));
        assertThat(timing.get("plugin-cpu"))
                .as("the plugin's thread worked for the export (validation, mapping, its requests)")
                .isPositive();
        double cpuPhases = timing.get("http-cpu")
                + timing.get("checks-cpu")
                + timing.get("draft-cpu")
                + timing.get("attempt-cpu")
                + timing.get("plugin-cpu");
        assertThat(timing.get("cpu"))
                .as("the CPU time is the sum of the phases' CPU times")
                .isCloseTo(cpuPhases, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void otherApiAnswersCarryTheirTotalAndCpuTimeOnly() {
        ApiClient.Answer session = host.signIn(UserRole.RECRUITER).get("/api/session");

        Map<String, Double> timing = serverTiming(session);
        assertThat(timing.keySet()).containsExactlyInAnyOrder("total", "cpu");
        assertThat(timing.get("cpu"))
                .as("the request's thread worked on it (session look-up, JSON)")
                .isPositive();
    }

    @Test
    void metricsCountExportsByOutcomeAndTheSandboxRequestsByEndpointAndStatus() throws Exception {
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        long id = firstHired();
        recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        recruiter.post("/api/candidates/" + id + "/exports/no-such-connector", Map.of("values", Map.of()));
        int sandboxRequests = host.sandbox().requests().size();

        // A look-up nobody waited for (the second export found the employee by e-mail) reports when it ends.
        HttpResponse<String> metrics = management("GET", "/metrics");
        for (int tries = 0; tries < 50 && reported(metrics.body()) < sandboxRequests; tries++) {
            Thread.sleep(100);
            metrics = management("GET", "/metrics");
        }

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        String text = metrics.body();
        assertThat(text)
                .contains("hirerelay_exports_seconds_count{connector=\"factorial\",outcome=\"created\"} 1")
                .contains("hirerelay_exports_seconds_count{connector=\"factorial\",outcome=\"already_exists\"} 1")
                .as("a connector nobody installed is not a label of its own")
                .contains("hirerelay_exports_seconds_count{connector=\"other\",outcome=\"refused\"} 1")
                .doesNotContain("no-such-connector")
                .contains("hirerelay_exports_seconds_bucket{connector=\"factorial\",outcome=\"created\",le=")
                .contains("hirerelay_export_phase_seconds_count{connector=\"factorial\",phase=\"plugin\"}")
                .contains("hirerelay_hris_rate_limited_total{connector=\"factorial\"} 0")
                .contains("hirerelay_plugin_calls_queued{plugin=\"factorial\"}")
                .contains("hirerelay_bulk_exports_running")
                .contains("jvm_memory_used_bytes");
        assertThat(reported(text))
                .as("every request the sandbox received was reported by the plugin: connect, draft and exports")
                .isEqualTo(sandboxRequests);
        assertThat(text)
                .contains(
                        "hirerelay_hris_requests_seconds_count{connector=\"factorial\",endpoint=\"employees/employees\","
                                + "method=\"GET\",status=\"200\"}");
        assertThat(text)
                .as("no secret reaches the metrics")
                .doesNotContain(host.sandbox().apiKey());
    }

    @Test
    void aRateLimitedAnswerIsCountedAndItsPauseIsAWaitForTheRateBudget() throws Exception {
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        long id = firstHired();
        host.sandbox().inject(Fault.rateLimited(0).on("POST", "employees/employees/create_with_contract"));

        ApiClient.Answer export =
                recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        String text = management("GET", "/metrics").body();
        assertThat(text)
                .contains("hirerelay_hris_rate_limited_total{connector=\"factorial\"} 1")
                .contains("hirerelay_hris_rate_budget_wait_seconds_count{connector=\"factorial\"} 1");
    }

    @Test
    void healthSaysLiveAndReadyWithTheDatabaseAndPluginChecks() throws Exception {
        HttpResponse<String> live = management("GET", "/health/live");
        HttpResponse<String> ready = management("GET", "/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("UP");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode checks = JSON.readTree(ready.body());
        assertThat(checks.get("status").asText()).isEqualTo("UP");
        assertThat(checks.get("checks").get("database").get("status").asText()).isEqualTo("UP");
        assertThat(checks.get("checks").get("plugins").get("status").asText()).isEqualTo("UP");
        assertThat(checks.get("checks").get("plugins").get("detail").asText()).contains("started");
    }

    @Test
    void aRestartedHostIsReadyAsSoonAsItServes() throws Exception {
        host.restart();

        // no background seeding left to wait for: a restart knows at start that the database holds its users
        HttpResponse<String> ready = management("GET", "/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body())
                        .get("checks")
                        .get("database")
                        .get("status")
                        .asText())
                .as(ready.body())
                .isEqualTo("UP");
    }

    @Test
    void aPluginThatIsNotRunningMakesTheHostNotReadyButStillLive() throws Exception {
        java.nio.file.Files.writeString(host.pluginsDir().resolve("broken.jar"), "not a jar");
        host.restart();

        HttpResponse<String> ready = management("GET", "/health/ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        JsonNode checks = JSON.readTree(ready.body());
        assertThat(checks.get("status").asText()).isEqualTo("DOWN");
        assertThat(checks.get("checks").get("plugins").get("status").asText()).isEqualTo("DOWN");
        assertThat(checks.get("checks").get("database").get("status").asText())
                .as(ready.body())
                .isEqualTo("UP");
        assertThat(management("GET", "/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void theUsersPortServesNeitherMetricsNorHealthAndTheManagementPortOnlyReads() throws Exception {
        ApiClient admin = host.signIn(UserRole.ADMIN);

        for (String path : Set.of("/metrics", "/health", "/api/metrics", "/api/health")) {
            ApiClient.Answer answer = admin.get(path);
            assertThat(answer.status())
                    .as(path + " on the users' port, even for an admin: " + answer)
                    .isEqualTo(404);
            assertThat(answer.body()).doesNotContain("hirerelay_exports");
        }
        HttpResponse<String> post = management("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(post.body()).get("code").asText()).isEqualTo("method_not_allowed");
        HttpResponse<String> unknown = management("GET", "/api/session");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).has("fieldErrors"))
                .as("the one error shape")
                .isTrue();
        assertThat(host.managementUri().getHost())
                .as("loopback unless an operator binds it elsewhere")
                .isEqualTo("127.0.0.1");
    }
}
