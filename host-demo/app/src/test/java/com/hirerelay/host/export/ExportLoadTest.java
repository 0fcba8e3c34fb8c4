package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.demo.DemoSeed;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ten clients export 200 times across 50 hired candidates, overlapping, while another client edits
 * candidates and reads pages: one employee per candidate, a history that matches Factorial one to one,
 * and no failed request.
 */
class ExportLoadTest {

    private static final int CLIENTS = 10;
    private static final int EXPORTS = 200;
    private static final int CANDIDATES = 50;

    @RegisterExtension
    final RunningHostExtension host =
            RunningHostExtension.perTest().sandbox(SandboxConfig.defaults().withLatency(Duration.ofMillis(10)));

    @Test
    void twoHundredOverlappingExportsLeaveOneEmployeePerCandidateAndAMatchingHistory() throws Exception {
        DemoSeed.addGeneratedCandidates(host.jdbi(), 400, 7);
        host.connectFactorial();
        ApiClient reader = host.signIn(ADMIN);
        List<JsonNode> hired = new ArrayList<>();
        reader.get("/api/candidates?status=HIRED&pageSize=" + CANDIDATES)
                .json()
                .get("items")
                .forEach(hired::add);
        assertThat(hired).as("hired candidates to export").hasSize(CANDIDATES);

        List<String> unexpected = new CopyOnWriteArrayList<>();
        Map<Long, String> employeeIdSeen = new ConcurrentHashMap<>();
        AtomicInteger inProgressAnswers = new AtomicInteger();
        AtomicInteger sideRequests = new AtomicInteger();
        AtomicBoolean exporting = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        Future<?> sideTraffic = pool.submit(() -> {
            ApiClient recruiter = host.signIn(RECRUITER);
            Random random = new Random(1);
            while (exporting.get()) {
                JsonNode candidate = hired.get(random.nextInt(hired.size()));
                var edit = recruiter.put(
                        "/api/candidates/" + candidate.get("id").asLong(),
                        Map.of("phone", "+34 600 " + String.format("%06d", random.nextInt(1_000_000))));
                var list = recruiter.get("/api/candidates?status=HIRED&page=" + (1 + random.nextInt(3)));
                var pipeline = recruiter.get("/api/jobs/" + (1 + random.nextInt(4)) + "/pipeline");
                for (var answer : List.of(edit, list, pipeline)) {
                    sideRequests.incrementAndGet();
                    if (answer.status() != 200) {
                        unexpected.add("side request -> " + answer);
                    }
                }
            }
        });
        List<Future<?>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int seed = client;
            clients.add(pool.submit(() -> {
                ApiClient exporter =
                        host.signIn(List.of(ADMIN, HIRING_MANAGER, RECRUITER).get(seed % 3));
                List<JsonNode> order = new ArrayList<>(hired);
                Collections.shuffle(order, new Random(seed));
                for (int i = 0; i < EXPORTS / CLIENTS; i++) {
                    long id = order.get(i % order.size()).get("id").asLong();
                    var answer =
                            exporter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
                    if (answer.status() == 200) {
                        String employeeId = answer.json().get("employeeId").asText();
                        String earlier = employeeIdSeen.putIfAbsent(id, employeeId);
                        if (earlier != null && !earlier.equals(employeeId)) {
                            unexpected.add("candidate " + id + " got two employees: " + earlier + " and " + employeeId);
                        }
                    } else if (answer.status() == 409
                            && answer.json().get("code").asText().equals("export_in_progress")) {
                        inProgressAnswers.incrementAndGet();
                    } else {
                        unexpected.add("export of " + id + " -> " + answer);
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        exporting.set(false);
        sideTraffic.get();
        pool.shutdown();

        assertThat(unexpected)
                .as("requests that failed although nothing was meant to fail")
                .isEmpty();
        assertThat(sideRequests.get())
                .as("edits and page reads during the exports")
                .isPositive();
        ApiClient admin = host.signIn(ADMIN);
        for (JsonNode candidate : hired) {
            long id = candidate.get("id").asLong();
            String email = candidate.get("email").asText();
            List<Map<String, Object>> employees = host.sandbox().employees().stream()
                    .filter(employee -> email.equalsIgnoreCase(String.valueOf(employee.get("email"))))
                    .toList();
            JsonNode history = admin.get("/api/exports?candidateId=" + id + "&pageSize=100")
                    .json()
                    .get("items");
            long created = 0;
            for (JsonNode attempt : history) {
                assertThat(attempt.get("state").asText())
                        .as("attempt of " + email)
                        .isIn("CREATED", "ALREADY_EXISTS");
                created += attempt.get("state").asText().equals("CREATED") ? 1 : 0;
                assertThat(attempt.get("employeeId").asText())
                        .as("recorded employee of " + email)
                        .isEqualTo(String.valueOf(employees.get(0).get("id")));
            }
            if (employeeIdSeen.containsKey(id)) {
                assertThat(employees).as("employees in Factorial for " + email).hasSize(1);
                assertThat(created).as("CREATED attempts of " + email).isEqualTo(1);
            } else {
                assertThat(employees)
                        .as("employees for a candidate never exported")
                        .isEmpty();
            }
        }
        System.out.printf(
                "Load: %d exports by %d clients over %d candidates, %d side requests, %d told 'in progress',"
                        + " %d employees created, %d 429s from the sandbox%n",
                EXPORTS,
                CLIENTS,
                CANDIDATES,
                sideRequests.get(),
                inProgressAnswers.get(),
                employeeIdSeen.size(),
                host.sandbox().rateLimitedResponses());
    }
}
