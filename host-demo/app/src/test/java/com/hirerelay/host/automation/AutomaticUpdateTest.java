package com.hirerelay.host.automation;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.EmployeeUpdates.changedSinceExport;
import static com.hirerelay.host.testing.EmployeeUpdates.editInFactorial;
import static com.hirerelay.host.testing.EmployeeUpdates.editedInAts;
import static com.hirerelay.host.testing.EmployeeUpdates.exported;
import static com.hirerelay.host.testing.EmployeeUpdates.writesSince;
import static com.hirerelay.host.testing.Hiring.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.MovableClock;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, point 2: "send updates automatically", run by the persistent job engine against the Factorial sandbox
 * over real HTTP and real SQLite. Each test uses its own hired candidates.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutomaticUpdateTest {

    static final MovableClock clock = new MovableClock();

    @RegisterExtension
    static final RunningHostExtension host =
            RunningHostExtension.perClass().connected().hostOptions(options -> options.withClock(clock));

    @Test
    @Order(1)
    void offByDefaultAnEditIsOnlyMarkedChangedAndNothingIsSent() throws InterruptedException {
        assertThat(host.signIn(ADMIN)
                        .get("/api/integrations/factorial/automatic-updates")
                        .json()
                        .get("sendAutomatically")
                        .asBoolean())
                .as("off unless an admin turns it on")
                .isFalse();
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(0);
        exported(recruiter, id);
        int mark = host.sandbox().requests().size();

        editedInAts(recruiter, id, Map.of("offerJobTitle", "Route Planner"));
        pollsPass();

        assertThat(writesSince(host.sandbox(), mark)).as("nothing sent").isEmpty();
        assertThat(changedSinceExport(recruiter, id).toString()).contains("Job title");
    }

    @Test
    @Order(2)
    void anEditAfterTheExportReachesTheEmployeeAndItsContractVersionExactlyOnce() throws Exception {
        sendAutomatically(true);
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(1);
        String employeeId = exported(recruiter, id);
        JsonNode offer = recruiter.get("/api/candidates/" + id).json().get("offer");
        String newStart =
                LocalDate.parse(offer.get("startDate").asText()).plusDays(21).toString();
        String newSalary = new BigDecimal(offer.get("salaryAmount").asText())
                .add(new BigDecimal("1500"))
                .toPlainString();
        int mark = host.sandbox().requests().size();

        editedInAts(
                recruiter, id, Map.of("offerStartDate", newStart, "salaryAmount", newSalary, "phone", "+34600111222"));

        waitUntil(
                "the contract version holds the new start date",
                () -> newStart.equals(
                        host.sandbox().contractVersions(employeeId).get(0).get("starts_on")));
        waitUntil(
                "the candidate is no longer changed",
                () -> changedSinceExport(recruiter, id).isEmpty());
        clock.advance(Duration.ofMinutes(30));
        pollsPass();
        List<Map<String, Object>> versions = host.sandbox().contractVersions(employeeId);
        assertThat(versions).as("corrected, not a new version").hasSize(1);
        assertThat(((Number) versions.get(0).get("salary_amount")).longValue())
                .isEqualTo(new BigDecimal(newSalary).movePointRight(2).longValueExact());
        assertThat(employee(employeeId)).containsEntry("phone_number", "+34600111222");
        assertThat(writesSince(host.sandbox(), mark).stream()
                        .map(request -> request.method() + " " + request.resource())
                        .toList())
                .as("one employee write and one contract correction, once")
                .containsExactlyInAnyOrder(
                        "PUT employees/employees/" + employeeId,
                        "PUT contracts/contract_versions/" + versions.get(0).get("id"));
        JsonNode history =
                recruiter.get("/api/candidates/" + id + "/exports/updates").json();
        assertThat(history).as("one update, recorded as automatic: " + history).hasSize(1);
        assertThat(history.get(0).get("automatic").asBoolean()).isTrue();
        assertThat(history.get(0).get("state").asText()).isEqualTo("UPDATED");
        assertThat(history.get(0).get("user").asText())
                .as("recorded as the edit of the person who made it")
                .isEqualTo("Rita Recruiter");
        assertThat(history.get(0).get("fields").toString()).contains("contract_starts_on", newStart, "phone_number");
        JsonNode listed = host.signIn(ADMIN)
                .get("/api/exports/updates?automatic=true&connectorId=factorial&candidateId=" + id)
                .json();
        assertThat(listed.get("total").asLong())
                .as("in the admins' history, filtered as sent automatically: " + listed)
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void aFieldChangedInFactorialTooIsNeverOverwrittenAndTheAdminsAreTold() throws Exception {
        sendAutomatically(true);
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(2);
        String employeeId = exported(recruiter, id);
        Object version = host.sandbox().contractVersions(employeeId).get(0).get("id");
        editInFactorial(
                host.sandbox(),
                "contracts/contract_versions/" + version,
                Map.of("id", Long.parseLong(String.valueOf(version)), "job_title", "Warehouse Lead"));
        long unreadBefore = unread(ADMIN);
        int mark = host.sandbox().requests().size();

        editedInAts(recruiter, id, Map.of("offerJobTitle", "Logistics Coordinator"));

        waitUntil("the admins are told", () -> unread(ADMIN) > unreadBefore);
        clock.advance(Duration.ofMinutes(30));
        pollsPass();
        assertThat(writesSince(host.sandbox(), mark))
                .as("nothing sent over Factorial's edit")
                .isEmpty();
        assertThat(host.sandbox().contractVersions(employeeId).get(0)).containsEntry("job_title", "Warehouse Lead");
        assertThat(changedSinceExport(recruiter, id).toString())
                .as("still waiting for a person")
                .contains("Job title");
        JsonNode told = host.signIn(ADMIN).get("/api/notifications").json().get("items");
        assertThat(told.toString()).contains("Job title", "choose the value to keep");
        JsonNode line = lines(recruiter
                        .get("/api/candidates/" + id + "/exports/factorial/update")
                        .json())
                .get("job_title");
        assertThat(line.get("changedInHr").asBoolean()
                        && line.get("changedInAts").asBoolean())
                .as("the update dialog shows the conflict: " + line)
                .isTrue();
    }

    @Test
    @Order(4)
    void anAutomaticUpdateWaitsForASingleUpdateRunningOnTheSameCandidate() throws Exception {
        sendAutomatically(false);
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(3);
        String employeeId = exported(recruiter, id);
        editedInAts(recruiter, id, Map.of("offerJobTitle", "Fleet Planner"));
        host.sandbox().inject(Fault.delay(Duration.ofSeconds(4)).on("PUT", "contracts/contract_versions"));
        int mark = host.sandbox().requests().size();
        CompletableFuture<ApiClient.Answer> single = CompletableFuture.supplyAsync(() -> recruiter.post(
                "/api/candidates/" + id + "/exports/factorial/update",
                Map.of("values", Map.of(), "fields", List.of("job_title"), "contractChange", "CORRECT_CURRENT")));
        waitUntil("the single update is held in Factorial", () -> host.sandbox().pendingFaults() == 0);
        sendAutomatically(true);
        int beforeAutomatic = host.sandbox().requests().size();
        String newSalary = new BigDecimal(recruiter
                        .get("/api/candidates/" + id)
                        .json()
                        .get("offer")
                        .get("salaryAmount")
                        .asText())
                .add(new BigDecimal("700"))
                .toPlainString();

        editedInAts(recruiter, id, Map.of("salaryAmount", newSalary));
        waitUntil(
                "the automatic update has read Factorial",
                () -> host.sandbox().requests().size() > beforeAutomatic);
        pollsPass();

        ApiClient.Answer done = single.get(30, TimeUnit.SECONDS);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(writesSince(host.sandbox(), mark))
                .as("only the single update wrote while it ran")
                .hasSize(1);
        clock.advance(AutomationService.FIRST_RETRY.plusSeconds(1));
        waitUntil(
                "the retried automatic update sent the salary",
                () -> writesSince(host.sandbox(), mark).size() == 2);
        clock.advance(Duration.ofMinutes(30));
        pollsPass();
        List<RecordedRequest> writes = writesSince(host.sandbox(), mark);
        assertThat(writes).as("one write each, one after the other").hasSize(2);
        assertThat(writes.get(0).body()).contains("Fleet Planner").doesNotContain("salary_amount");
        assertThat(writes.get(1).body()).contains("salary_amount").doesNotContain("Fleet Planner");
        Map<String, Object> version =
                host.sandbox().contractVersions(employeeId).get(0);
        assertThat(version).containsEntry("job_title", "Fleet Planner");
        assertThat(((Number) version.get("salary_amount")).longValue())
                .isEqualTo(new BigDecimal(newSalary).movePointRight(2).longValueExact());
        assertThat(changedSinceExport(recruiter, id)).isEmpty();
        assertThat(host.signIn(ADMIN)
                        .get("/api/automation/failures")
                        .json()
                        .get("items")
                        .toString())
                .as("the wait was a retry, not a failure")
                .doesNotContain("\"candidateId\":" + id + ",");
    }

    @Test
    @Order(5)
    void onlyAdminsMayTurnAutomaticUpdatesOnAndAMissingChoiceIsRefused() {
        ApiClient.Answer recruiter = host.signIn(RECRUITER)
                .put("/api/integrations/factorial/automatic-updates", Map.of("sendAutomatically", true));
        assertThat(recruiter.status()).as(recruiter.toString()).isEqualTo(403);
        ApiClient.Answer refused = host.signIn(ADMIN).put("/api/integrations/factorial/automatic-updates", Map.of());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("fieldErrors").get(0).get("field").asText())
                .isEqualTo("sendAutomatically");
    }

    private static void sendAutomatically(boolean on) {
        ApiClient.Answer saved = host.signIn(ADMIN)
                .put("/api/integrations/factorial/automatic-updates", Map.of("sendAutomatically", on));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("sendAutomatically").asBoolean()).isEqualTo(on);
    }

    private static Map<String, Object> employee(String employeeId) {
        return host.sandbox().employees().stream()
                .filter(employee -> String.valueOf(employee.get("id")).equals(employeeId))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, JsonNode> lines(JsonNode view) {
        Map<String, JsonNode> lines = new java.util.HashMap<>();
        view.get("fields")
                .forEach(line -> lines.put(line.get("field").get("key").asText(), line));
        return lines;
    }

    private static long unread(com.hirerelay.api.UserRole role) {
        return host.signIn(role).get("/api/notifications").json().get("unread").asLong();
    }

    /** Gives the job engine a few polls to run whatever became due. */
    private static void pollsPass() throws InterruptedException {
        Thread.sleep(3 * AutomationService.POLLING.toMillis());
    }
}
