package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.EmployeeUpdates.byCandidate;
import static com.hirerelay.host.testing.EmployeeUpdates.changedSinceExport;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import com.hirerelay.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a bulk update may hold of the host, against the Factorial sandbox: at most {@value
 * BulkUpdateService#MAX_RUNNING} at once on the host, and a time budget (made small here through the host's
 * options) after which the candidates not reached are answered as not sent, nothing lost.
 */
class BulkUpdateBoundsTest {

    static final Duration BUDGET = Duration.ofSeconds(2);
    /** Candidate id to its employee in the sandbox. */
    static final Map<Long, String> EMPLOYEES = new java.util.concurrent.ConcurrentHashMap<>();

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass()
            .connected()
            .hostOptions(options -> options.withBulkLimits(options.bulkLimits().withBulkUpdateBudget(BUDGET)));

    @Test
    void candidatesNotReachedWithinTheTimeBudgetAreListedAsNotSentAndStayChanged() throws Exception {
        ApiClient recruiter = host.signIn(RECRUITER);
        long first = changedCandidate(recruiter, 0, "Yard Supervisor");
        long second = changedCandidate(recruiter, 1, "Dock Coordinator");
        // the first candidate's correction outlasts the whole budget
        host.sandbox().inject(Fault.delay(BUDGET.plusSeconds(1)).on("PUT", "contracts/contract_versions"));
        int mark = host.sandbox().requests().size();

        ApiClient.Answer answer = recruiter.post(
                "/api/exports/bulk-update", Map.of("connectorId", "factorial", "candidateIds", List.of(first, second)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        Map<Long, JsonNode> results = byCandidate(answer.json());
        assertThat(results.get(first).get("state").asText()).isEqualTo("UPDATED");
        JsonNode notReached = results.get(second);
        assertThat(notReached.get("state").asText()).as(notReached.toString()).isEqualTo("NOT_SENT");
        assertThat(notReached.get("message").asText())
                .contains("Not sent", "2 seconds", "Changed since export", "send it again");
        assertThat(answer.json().get("notSent").asInt()).isEqualTo(1);
        assertThat(answer.json().get("updated").asInt()).isEqualTo(1);
        assertThat(requestsSince(mark).stream()
                        .filter(request -> !request.method().equals("GET"))
                        .toList())
                .as("one write: the first candidate's correction")
                .hasSize(1);
        assertThat(host.sandbox().contractVersions(EMPLOYEES.get(second)).get(0).get("job_title"))
                .as("nothing sent for the candidate not reached")
                .isNotEqualTo("Dock Coordinator");
        assertThat(changedSinceExport(recruiter, second).toString())
                .as("nothing lost: still waiting to be sent")
                .contains("Job title");

        ApiClient.Answer again = recruiter.post(
                "/api/exports/bulk-update", Map.of("connectorId", "factorial", "candidateIds", List.of(second)));
        assertThat(byCandidate(again.json()).get(second).get("state").asText()).isEqualTo("UPDATED");
        assertThat(changedSinceExport(recruiter, second)).isEmpty();
    }

    @Test
    void aThirdBulkUpdateWhileTwoRunOnTheHostIsRefusedBusyAndSendsNothing() throws Exception {
        ApiClient recruiter = host.signIn(RECRUITER);
        ApiClient admin = host.signIn(ADMIN);
        long a = changedCandidate(recruiter, 2, "Shift Lead");
        long b = changedCandidate(recruiter, 3, "Inventory Analyst");
        long c = changedCandidate(recruiter, 4, "Forklift Trainer");
        host.sandbox()
                .inject(Fault.delay(Duration.ofSeconds(4))
                        .on("PUT", "contracts/contract_versions")
                        .times(2));
        CompletableFuture<ApiClient.Answer> first = CompletableFuture.supplyAsync(() -> recruiter.post(
                "/api/exports/bulk-update", Map.of("connectorId", "factorial", "candidateIds", List.of(a))));
        CompletableFuture<ApiClient.Answer> second = CompletableFuture.supplyAsync(() ->
                admin.post("/api/exports/bulk-update", Map.of("connectorId", "factorial", "candidateIds", List.of(b))));
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (host.sandbox().pendingFaults() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(50); // until both corrections are held in Factorial
        }
        assertThat(host.sandbox().pendingFaults())
                .as("both bulk updates are running")
                .isZero();
        int mark = host.sandbox().requests().size();

        ApiClient.Answer third = host.signIn(HIRING_MANAGER)
                .post("/api/exports/bulk-update", Map.of("connectorId", "factorial", "candidateIds", List.of(c)));

        assertThat(third.status()).as(third.toString()).isEqualTo(503);
        assertThat(third.json().get("code").asText()).isEqualTo("busy");
        assertThat(third.json().get("message").asText()).contains("Nothing was sent");
        assertThat(third.json().get("retryAfterSeconds").asLong()).isPositive();
        assertThat(requestsSince(mark)).as("the refused one read nothing").isEmpty();
        assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(second.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(changedSinceExport(recruiter, c).toString())
                .as("still to send")
                .contains("Job title");
    }

    /** A hired candidate exported and then given another job title in the ATS. */
    private static long changedCandidate(ApiClient recruiter, int index, String title) {
        long id = host.hiredCandidateId(index);
        ApiClient.Answer exported =
                recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        EMPLOYEES.put(id, exported.json().get("employeeId").asText());
        assertThat(recruiter
                        .put("/api/candidates/" + id, Map.of("offerJobTitle", title))
                        .status())
                .isEqualTo(200);
        return id;
    }

    private static List<RecordedRequest> requestsSince(int mark) {
        List<RecordedRequest> requests = host.sandbox().requests();
        return List.copyOf(requests.subList(mark, requests.size()));
    }
}
