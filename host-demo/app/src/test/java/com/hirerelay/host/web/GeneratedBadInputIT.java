package com.hirerelay.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.BadRequests;
import com.hirerelay.host.testing.PackagedHost;
import com.hirerelay.host.testing.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Ten thousand generated bad requests ({@link BadRequests}) against the packaged host
 * ({@code java -jar host-demo.jar}), to every endpoint, as every role and as an anonymous client: no
 * answer is a 5xx, every error answer is the API's one error shape with a correlation id and no stack
 * trace or server version, and the host still answers afterwards.
 */
class GeneratedBadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES =
            List.of("ANONYMOUS", "INTERVIEWER", "RECRUITER", "HIRING_MANAGER", "ADMIN");

    private static Path folder;
    private static PackagedHost host;
    private static BadRequests.KnownIds ids;
    private static final Map<String, ApiClient> clients = new LinkedHashMap<>();
    private static final Map<String, RawHttp> connections = new LinkedHashMap<>();
    private static final Map<Integer, AtomicInteger> statuses = new TreeMap<>();
    private static final AtomicInteger sent = new AtomicInteger();
    /** The request sent before on each role's connection: an answer out of step is usually its fault. */
    private static final Map<String, String> previous = new LinkedHashMap<>();
    /** With -Dbadinput.collect=true every failure is collected and printed at the end instead of stopping at the first. */
    private static final boolean COLLECT = Boolean.getBoolean("badinput.collect");

    private static final Map<String, List<String>> collected = new TreeMap<>();
    /** With -Dbadinput.limit=N only the first N generated requests are sent (quicker runs while developing). */
    private static final int LIMIT = Integer.getInteger("badinput.limit", Integer.MAX_VALUE);

    @BeforeContainer
    static void startPackagedHost() throws IOException {
        folder = Files.createTempDirectory("bad-input-");
        host = PackagedHost.start(folder);
        host.connectFactorial();
        for (String role : ROLES) {
            clients.put(role, role.equals("ANONYMOUS") ? ApiClient.to(host.baseUri()) : host.signIn(role));
            connections.put(role, new RawHttp(host.baseUri()));
        }
        ApiClient admin = clients.get("ADMIN");
        List<Long> candidates = new ArrayList<>();
        admin.get("/api/candidates?status=HIRED&pageSize=5")
                .json()
                .get("items")
                .forEach(c -> candidates.add(c.get("id").asLong()));
        admin.get("/api/candidates?status=ACTIVE&pageSize=3")
                .json()
                .get("items")
                .forEach(c -> candidates.add(c.get("id").asLong()));
        List<Long> jobs = new ArrayList<>();
        admin.get("/api/jobs").json().forEach(job -> jobs.add(job.get("id").asLong()));
        ids = new BadRequests.KnownIds(candidates, jobs, List.of());
    }

    /** After every property: the host still runs and answers, and logged no unexpected failure. */
    @AfterContainer
    static void theHostStillAnswersAfterwards() {
        try {
            System.out.println("Generated bad requests sent: " + sent.get() + ", answers by status: " + statuses);
            collected.forEach((problem, requests) -> {
                System.out.println("== " + problem + ": " + requests.size());
                requests.stream().limit(8).forEach(request -> System.out.println("   " + request));
            });
            if (LIMIT == Integer.MAX_VALUE) {
                assertThat(sent.get())
                        .as("generated bad requests sent and answered (the issue's bar is 10,000)")
                        .isGreaterThanOrEqualTo(MIN_REQUESTS);
            }
            assertThat(host.isAlive()).as("the host process").isTrue();
            var answer = clients.get("RECRUITER").get("/api/candidates?pageSize=1");
            assertThat(answer.status())
                    .as("a recruiter's request after the bad ones: " + answer)
                    .isEqualTo(200);
            assertThat(host.log())
                    .as("no unexpected failure was logged")
                    .doesNotContain("Unexpected failure")
                    .doesNotContain("OutOfMemoryError");
        } finally {
            connections.values().forEach(RawHttp::close);
            host.close();
        }
    }

    @Provide
    Arbitrary<BadRequests.Spec> badRequests() {
        return BadRequests.any(ids);
    }

    @Provide
    Arbitrary<String> roles() {
        return net.jqwik.api.Arbitraries.of(ROLES);
    }

    /** The bar: at least this many generated requests, each answered. */
    private static final int MIN_REQUESTS = 10_000;

    @Property(tries = 10_100, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void everyBadRequestGetsA4xxInTheErrorShape(
            @ForAll("roles") String role, @ForAll("badRequests") BadRequests.Spec request) {
        if (sent.get() >= LIMIT) {
            return;
        }
        ApiClient client = clients.get(role);
        byte[] bytes = request.bytes(client.cookieHeader(), client.csrfToken());
        RawHttp.Answer answer;
        try {
            long started = System.nanoTime();
            answer = connections.get(role).send(bytes);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (COLLECT && millis > 2_000) {
                collected
                        .computeIfAbsent("slow (over 2 s)", k -> new ArrayList<>())
                        .add(millis + " ms " + role + " " + request.describe());
            }
        } catch (UncheckedIOException noAnswer) {
            String before = previous.put(role, request.describe());
            if (COLLECT) {
                collected
                        .computeIfAbsent("no answer", k -> new ArrayList<>())
                        .add(role + " " + request.describe() + " -> " + noAnswer.getMessage()
                                + " (the request before on this connection: " + before + ")");
                return;
            }
            throw new AssertionError("No answer as " + role + " to " + request.describe() + ": " + noAnswer.getMessage()
                    + " (the request before on this connection: " + before + ")");
        }
        previous.put(role, request.describe());
        sent.incrementAndGet();
        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        String problem = ErrorShape.problem(answer, request.method().equals("HEAD"));
        if (COLLECT) {
            if (problem != null) {
                collected
                        .computeIfAbsent(problem + " (" + answer.status() + ")", k -> new ArrayList<>())
                        .add(role + " " + request.describe() + " -> " + answer);
            }
            return;
        }
        assertThat(problem)
                .as("as %s: %s -> %s", role, request.describe(), answer)
                .isNull();
    }

    /** The checks every answer must pass. */
    static final class ErrorShape {

        private ErrorShape() {}

        /** @return what is wrong with the answer, or null */
        static String problem(RawHttp.Answer answer, boolean head) {
            if (answer.status() >= 500) {
                return "a server error";
            }
            if (answer.header("server") != null) {
                return "a Server header: " + answer.header("server");
            }
            String text = answer.text();
            if (text.contains(".java:") || text.contains("\tat ") || text.contains("Exception:")) {
                return "a stack trace in the body";
            }
            if (answer.status() < 400 || head) {
                return null;
            }
            String type = answer.header("content-type");
            if (type == null || !type.startsWith("application/json")) {
                return "an error that is not JSON: " + type;
            }
            JsonNode body;
            try {
                body = JSON.readTree(text);
            } catch (IOException e) {
                return "an error body that does not parse";
            }
            if (body == null || !body.isObject()) {
                return "an error body that is not an object";
            }
            if (!body.path("code").isTextual() || body.get("code").asText().isBlank()) {
                return "no code";
            }
            if (!body.path("message").isTextual()
                    || body.get("message").asText().isBlank()) {
                return "no message";
            }
            if (!body.path("fieldErrors").isArray()) {
                return "no fieldErrors array";
            }
            for (JsonNode fieldError : body.get("fieldErrors")) {
                if (!fieldError.path("field").isTextual()
                        || !fieldError.path("message").isTextual()) {
                    return "a field error without field or message";
                }
            }
            if (!body.has("retryAfterSeconds")
                    || !(body.get("retryAfterSeconds").isNull()
                            || body.get("retryAfterSeconds").isNumber())) {
                return "no retryAfterSeconds";
            }
            if (!body.path("correlationId").isTextual()
                    || body.get("correlationId").asText().isBlank()) {
                return "no correlationId";
            }
            return null;
        }
    }
}
