package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.INTERVIEWER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.EmployeeUpdates.byCandidate;
import static com.hirerelay.host.testing.EmployeeUpdates.changedSinceExport;
import static com.hirerelay.host.testing.EmployeeUpdates.editInFactorial;
import static com.hirerelay.host.testing.EmployeeUpdates.editedInAts;
import static com.hirerelay.host.testing.EmployeeUpdates.exported;
import static com.hirerelay.host.testing.EmployeeUpdates.writesSince;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import com.hirerelay.sandbox.RecordedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bulk updates of "Changed since export" candidates through the JSON API, against the Factorial sandbox over real
 * HTTP and real SQLite: exactly the fields the ATS changed arrive, nothing else, and each candidate says what
 * became of it.
 */
class BulkUpdateApiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    private static void editInAts(ApiClient client, long id, Map<String, String> edit) {
        assertThat(editedInAts(client, id, edit).get("changedSinceExport"))
                .as("the edit marks it")
                .isNotEmpty();
    }

    @Test
    void exactlyTheFieldsChangedInTheAtsArriveAndUnchangedOrUnexportedCandidatesAreSkipped() throws Exception {
        ApiClient recruiter = host.signIn(RECRUITER);
        long moved = host.hiredCandidateId(0);
        long promoted = host.hiredCandidateId(1);
        long unchanged = host.hiredCandidateId(2);
        long neverExported = host.hiredCandidateId(3);
        String movedEmployee = exported(recruiter, moved);
        String promotedEmployee = exported(recruiter, promoted);
        exported(recruiter, unchanged);
        JsonNode offer = recruiter.get("/api/candidates/" + moved).json().get("offer");
        String newStart =
                LocalDate.parse(offer.get("startDate").asText()).plusDays(14).toString();
        String newSalary = new BigDecimal(offer.get("salaryAmount").asText())
                .add(new BigDecimal("2500"))
                .toPlainString();
        editInAts(recruiter, moved, Map.of("offerStartDate", newStart, "salaryAmount", newSalary));
        editInAts(recruiter, promoted, Map.of("offerJobTitle", "Head of Logistics"));
        // changed in Factorial alone: a bulk update must never send the ATS's old value over it
        editInFactorial(
                host.sandbox(),
                "employees/employees/" + promotedEmployee,
                Map.of("id", Long.parseLong(promotedEmployee), "city", "Tarragona"));
        int mark = host.sandbox().requests().size();

        ApiClient.Answer answer = recruiter.post(
                "/api/exports/bulk-update",
                Map.of("connectorId", "factorial", "candidateIds", List.of(moved, promoted, unchanged, neverExported)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode bulk = answer.json();
        Map<Long, JsonNode> results = byCandidate(bulk);
        assertThat(results.get(moved).get("state").asText())
                .as(results.get(moved).toString())
                .isEqualTo("UPDATED");
        assertThat(results.get(moved).get("fields").toString())
                .contains("contract_starts_on", "salary_amount", "UPDATED")
                .doesNotContain("job_title");
        assertThat(results.get(promoted).get("state").asText())
                .as(results.get(promoted).toString())
                .isEqualTo("UPDATED");
        assertThat(results.get(unchanged).get("state").asText()).isEqualTo("SKIPPED");
        assertThat(results.get(unchanged).get("message").asText()).contains("Nothing changed");
        assertThat(results.get(neverExported).get("state").asText()).isEqualTo("SKIPPED");
        assertThat(results.get(neverExported).get("message").asText()).contains("export first");
        assertThat(bulk.get("updated").asInt()).isEqualTo(2);
        assertThat(bulk.get("skipped").asInt()).isEqualTo(2);
        assertThat(bulk.get("total").asInt()).isEqualTo(4);

        List<Map<String, Object>> movedVersions = host.sandbox().contractVersions(movedEmployee);
        List<Map<String, Object>> promotedVersions = host.sandbox().contractVersions(promotedEmployee);
        List<RecordedRequest> writes = writesSince(host.sandbox(), mark);
        assertThat(writes.stream()
                        .map(request -> request.method() + " " + request.resource())
                        .toList())
                .as("one contract correction each, no employee write (the city changed in Factorial alone)")
                .containsExactlyInAnyOrder(
                        "PUT contracts/contract_versions/"
                                + movedVersions.get(0).get("id"),
                        "PUT contracts/contract_versions/"
                                + promotedVersions.get(0).get("id"));
        String movedBody = writes.stream()
                .filter(request ->
                        request.resource().endsWith("/" + movedVersions.get(0).get("id")))
                .findFirst()
                .orElseThrow()
                .body();
        assertThat(movedBody)
                .as("exactly the changed fields")
                .contains("starts_on", "salary_amount")
                .doesNotContain("job_title");
        String promotedBody = writes.stream()
                .filter(request -> request.resource()
                        .endsWith("/" + promotedVersions.get(0).get("id")))
                .findFirst()
                .orElseThrow()
                .body();
        assertThat(promotedBody).contains("Head of Logistics").doesNotContain("salary_amount", "starts_on");
        assertThat(movedVersions).as("corrected, not a new version").hasSize(1);
        assertThat(movedVersions.get(0)).containsEntry("starts_on", newStart);
        assertThat(promotedVersions.get(0)).containsEntry("job_title", "Head of Logistics");
        assertThat(host.sandbox().employees().stream()
                        .filter(employee -> String.valueOf(employee.get("id")).equals(promotedEmployee))
                        .findFirst()
                        .orElseThrow())
                .as("Factorial's own edit stays")
                .containsEntry("city", "Tarragona");
        assertThat(changedSinceExport(recruiter, moved)).as("sent").isEmpty();
        assertThat(changedSinceExport(recruiter, promoted)).as("sent").isEmpty();
        assertThat(recruiter
                        .get("/api/candidates/" + moved + "/exports/updates")
                        .json())
                .as("recorded like a single update")
                .hasSize(1);
    }

    @Test
    void aFieldChangedInFactorialTooIsLeftForAPersonAndTheCandidateStaysChanged() throws Exception {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(4);
        String employeeId = exported(recruiter, id);
        Object version = host.sandbox().contractVersions(employeeId).get(0).get("id");
        editInFactorial(
                host.sandbox(),
                "contracts/contract_versions/" + version,
                Map.of("id", Long.parseLong(String.valueOf(version)), "job_title", "Warehouse Lead"));
        editInAts(recruiter, id, Map.of("offerJobTitle", "Logistics Coordinator"));
        int mark = host.sandbox().requests().size();

        JsonNode result = byCandidate(recruiter
                        .post(
                                "/api/exports/bulk-update",
                                Map.of("connectorId", "factorial", "candidateIds", List.of(id)))
                        .json())
                .get(id);

        assertThat(result.get("state").asText()).as(result.toString()).isEqualTo("SKIPPED");
        assertThat(result.get("message").asText()).contains("Job title", "too");
        assertThat(result.get("leftOut").get(0).get("conflict").asBoolean()).isTrue();
        assertThat(writesSince(host.sandbox(), mark)).as("nothing sent").isEmpty();
        assertThat(host.sandbox().contractVersions(employeeId).get(0)).containsEntry("job_title", "Warehouse Lead");
        assertThat(changedSinceExport(recruiter, id).toString())
                .as("still waiting for a person")
                .contains("Job title");
    }

    @Test
    void aUserSendsOneBulkUpdateAtATimeAndTheSecondIsRefusedWithWhenToRetry() throws Exception {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(5);
        exported(recruiter, id);
        editInAts(recruiter, id, Map.of("offerJobTitle", "Fleet Planner"));
        host.sandbox().inject(Fault.delay(Duration.ofSeconds(3)).on("PUT", "contracts/contract_versions"));
        Map<String, Object> body = Map.of("connectorId", "factorial", "candidateIds", List.of(id));
        CompletableFuture<ApiClient.Answer> first =
                CompletableFuture.supplyAsync(() -> recruiter.post("/api/exports/bulk-update", body));
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (host.sandbox().pendingFaults() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(50); // until the first one's contract correction is held in Factorial
        }

        ApiClient.Answer second = host.signIn(RECRUITER).post("/api/exports/bulk-update", body);

        assertThat(second.status()).as(second.toString()).isEqualTo(429);
        assertThat(second.json().get("code").asText()).isEqualTo("limit_reached");
        assertThat(second.json().get("retryAfterSeconds").asLong()).isPositive();
        ApiClient.Answer done = first.get(30, TimeUnit.SECONDS);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(byCandidate(done.json()).get(id).get("state").asText()).isEqualTo("UPDATED");
    }

    @Test
    void anExportFromBeforeTheHostKeptBaselinesIsShownUntrackedComparedInTheDialogAndNeverSentInBulk() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(6);
        exported(recruiter, id);
        // what an export made before migration V27 left: the attempt, no baseline
        host.jdbi().useHandle(handle -> handle.execute("DELETE FROM export_baselines WHERE candidate_id = ?", id));
        ApiClient.Answer edited = recruiter.put("/api/candidates/" + id, Map.of("offerJobTitle", "Depot Manager"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        JsonNode page = recruiter.get("/api/candidates/" + id).json();
        assertThat(page.get("changedSinceExport")).as("not guessed").isEmpty();
        assertThat(page.get("untrackedExports").toString()).as("said instead").contains("FactorialHr");
        JsonNode title = null;
        for (JsonNode line : recruiter
                .get("/api/candidates/" + id + "/exports/factorial/update")
                .json()
                .get("fields")) {
            if (line.get("field").get("key").asText().equals("job_title")) {
                title = line;
            }
        }
        assertThat(title).isNotNull();
        assertThat(title.get("changedInAts").asBoolean()
                        && title.get("preselected").asBoolean())
                .as("the dialog compares with the export's recorded fields: " + title)
                .isTrue();
        int mark = host.sandbox().requests().size();

        JsonNode result = byCandidate(recruiter
                        .post(
                                "/api/exports/bulk-update",
                                Map.of("connectorId", "factorial", "candidateIds", List.of(id)))
                        .json())
                .get(id);

        assertThat(result.get("state").asText()).as(result.toString()).isEqualTo("SKIPPED");
        assertThat(result.get("message").asText()).contains("before the ATS kept what it sent");
        assertThat(writesSince(host.sandbox(), mark)).as("nothing sent").isEmpty();
    }

    @Test
    void anInterviewerMayNotSendABulkUpdate() {
        ApiClient.Answer refused = host.signIn(INTERVIEWER)
                .post(
                        "/api/exports/bulk-update",
                        Map.of("connectorId", "factorial", "candidateIds", List.of(host.hiredCandidateId(0))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    }

    @Test
    void tooManyCandidatesAreRefusedNamingTheLimitAndNothingIsRead() {
        int mark = host.sandbox().requests().size();
        List<Long> ids = LongStream.rangeClosed(1, BulkUpdateService.MAX_CANDIDATES + 1)
                .boxed()
                .toList();

        ApiClient.Answer refused = host.signIn(RECRUITER)
                .post("/api/exports/bulk-update", Map.of("connectorId", "factorial", "candidateIds", ids));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("fieldErrors").toString())
                .contains("candidateIds", "at most " + BulkUpdateService.MAX_CANDIDATES);
        assertThat(host.sandbox().requests()).hasSize(mark);
    }
}
