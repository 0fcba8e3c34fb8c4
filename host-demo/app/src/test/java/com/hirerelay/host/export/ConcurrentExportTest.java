package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.ExportRecords.createsSent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.SandboxConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Double clicks, two recruiters, two tabs, bulk over single: one employee per hire, always.
 */
class ConcurrentExportTest {

    // Latency widens the window in which the exports overlap.
    @RegisterExtension
    final RunningHostExtension host = RunningHostExtension.perTest()
            .sandbox(SandboxConfig.defaults().withLatency(Duration.ofMillis(150)))
            .connected();

    @Test
    void eightSimultaneousExportsOfOneCandidateCreateExactlyOneEmployee() throws Exception {
        JsonNode candidate = host.hiredCandidates(1).get(0);
        long id = candidate.get("id").asLong();
        List<ApiClient> clients = new ArrayList<>();
        for (UserRole role :
                List.of(ADMIN, HIRING_MANAGER, RECRUITER, RECRUITER, ADMIN, RECRUITER, HIRING_MANAGER, ADMIN)) {
            clients.add(host.signIn(role));
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Answer>> answers = new ArrayList<>();
        for (ApiClient client : clients) {
            answers.add(pool.submit(() -> {
                go.await();
                return client.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
            }));
        }
        go.countDown();
        Set<String> employeeIds = new HashSet<>();
        for (Future<ApiClient.Answer> answer : answers) {
            ApiClient.Answer result = answer.get();
            assertThat(result.status())
                    .as("every concurrent export succeeds or is told one is running: " + result)
                    .isIn(200, 409);
            if (result.status() == 200) {
                employeeIds.add(result.json().get("employeeId").asText());
            } else {
                assertThat(result.json().get("code").asText()).isEqualTo("export_in_progress");
            }
        }
        pool.shutdown();
        String email = candidate.get("email").asText();
        assertThat(employeesWithEmail(email))
                .as("employees in Factorial with the candidate's e-mail")
                .isEqualTo(1);
        assertThat(employeeIds)
                .as("every successful answer names the same employee")
                .hasSize(1);
        long creates = createsSent(host.sandbox());
        assertThat(creates).as("create requests sent to Factorial").isEqualTo(1);
    }

    @Test
    void aBulkExportOverlappingSingleExportsCreatesOneEmployeePerHire() throws Exception {
        ApiClient recruiter = host.signIn(RECRUITER);
        ApiClient manager = host.signIn(HIRING_MANAGER);
        List<JsonNode> hired = host.hiredCandidates(10);
        List<Long> ids = new ArrayList<>();
        hired.forEach(row -> ids.add(row.get("id").asLong()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        var bulk = recruiter.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", ids));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(202);
        List<Future<ApiClient.Answer>> singles = new ArrayList<>();
        for (Long id : ids) {
            singles.add(pool.submit(
                    () -> manager.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()))));
        }
        for (Future<ApiClient.Answer> single : singles) {
            assertThat(single.get().status()).as(single.get().toString()).isIn(200, 409);
        }
        String bulkId = bulk.json().get("id").asText();
        JsonNode progress = recruiter.get("/api/exports/bulk/" + bulkId).json();
        for (int i = 0; i < 200 && !progress.get("finished").asBoolean(); i++) {
            Thread.sleep(100);
            progress = recruiter.get("/api/exports/bulk/" + bulkId).json();
        }
        pool.shutdown();
        assertThat(progress.get("finished").asBoolean())
                .as("bulk finished: " + progress)
                .isTrue();
        for (JsonNode row : hired) {
            assertThat(employeesWithEmail(row.get("email").asText()))
                    .as("employees for " + row.get("email"))
                    .isEqualTo(1);
        }
    }

    private long employeesWithEmail(String email) {
        return host.sandbox().employees().stream()
                .filter(employee -> email.equalsIgnoreCase(String.valueOf(employee.get("email"))))
                .count();
    }
}
