package com.hirerelay.host.instances;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.HostProcess;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.host.testing.TestPostgres;
import com.hirerelay.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three host processes on one PostgreSQL database and one Factorial sandbox, as behind a load balancer: a
 * session opened on one is valid on all, and concurrent exports of the same candidates sent to all three create
 * each employee once, with exactly one CREATED attempt per candidate; the instance that did not export answers
 * with the one that did. Runs in the build's PostgreSQL test run ({@link TestPostgres#selected()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralInstancesTest {

    // Latency widens the window in which the exports overlap.
    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass()
            .sandbox(SandboxConfig.defaults().withLatency(Duration.ofMillis(150)))
            .connected();

    private final List<HostProcess> instances = new ArrayList<>();

    @BeforeAll
    void startThreeInstances() {
        assumeTrue(TestPostgres.selected(), "several instances need the PostgreSQL store");
        host.stopHost();
        for (int i = 0; i < 3; i++) {
            // One data folder (its master key) and one plugins folder for all: what the README asks of each instance.
            instances.add(host.launchProcess());
        }
    }

    @AfterAll
    void stopInstances() {
        instances.forEach(HostProcess::close);
    }

    @Test
    void aUserSignedInOnOneInstanceIsSignedInOnAll() {
        ApiClient recruiter = instances.get(0).signIn(RECRUITER);
        for (HostProcess other : instances.subList(1, 3)) {
            ApiClient elsewhere = recruiter.sameSessionAt(other.baseUri());
            assertThat(elsewhere.get("/api/candidates?page=1&pageSize=1").status())
                    .as("the session cookie of instance 1 at " + other.baseUri())
                    .isEqualTo(200);
        }
    }

    @Test
    void concurrentOverlappingExportsOnThreeInstancesCreateEachEmployeeOnce() throws Exception {
        ApiClient admin = instances.get(0).signIn(ADMIN);
        JsonNode page =
                admin.get("/api/candidates?status=HIRED&page=1&pageSize=6").json();
        List<JsonNode> hired = new ArrayList<>();
        page.get("items").forEach(hired::add);
        assertThat(hired).hasSize(6);
        List<ApiClient> clients = new ArrayList<>();
        for (HostProcess instance : instances) {
            clients.add(instance.signIn(RECRUITER));
        }
        ExecutorService pool = Executors.newFixedThreadPool(hired.size() * clients.size());
        CountDownLatch go = new CountDownLatch(1);
        Map<Long, List<Future<ApiClient.Answer>>> answers = new HashMap<>();
        try {
            for (JsonNode candidate : hired) {
                long id = candidate.get("id").asLong();
                for (ApiClient client : clients) {
                    answers.computeIfAbsent(id, k -> new ArrayList<>()).add(pool.submit(() -> {
                        go.await();
                        return client.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
                    }));
                }
            }
            go.countDown();
            for (JsonNode candidate : hired) {
                long id = candidate.get("id").asLong();
                Set<String> employeeIds = new HashSet<>();
                for (Future<ApiClient.Answer> answer : answers.get(id)) {
                    ApiClient.Answer result = answer.get();
                    assertThat(result.status())
                            .as("each instance answers with the export, its own or the one another instance made: "
                                    + result)
                            .isEqualTo(200);
                    employeeIds.add(result.json().get("employeeId").asText());
                }
                assertThat(employeeIds)
                        .as("the three answers for candidate " + id + " name one employee")
                        .hasSize(1);
                String email = candidate.get("email").asText();
                assertThat(host.sandbox().employees().stream()
                                .filter(employee -> email.equalsIgnoreCase(String.valueOf(employee.get("email"))))
                                .count())
                        .as("employees in Factorial with " + email)
                        .isEqualTo(1);
                JsonNode history = admin.get("/api/exports?candidateId=" + id).json();
                List<String> states = new ArrayList<>();
                history.get("items")
                        .forEach(item -> states.add(item.get("state").asText()));
                assertThat(states)
                        .as("export history of candidate " + id)
                        .containsOnlyOnce("CREATED")
                        .doesNotContain("IN_PROGRESS", "UNFINISHED");
            }
        } finally {
            pool.shutdownNow();
        }
        long creates = host.sandbox().requests().stream()
                .filter(request ->
                        request.method().equals("POST") && request.resource().endsWith("create_with_contract"))
                .count();
        assertThat(creates)
                .as("create requests sent to Factorial by the three instances")
                .isEqualTo(hired.size());
    }
}
