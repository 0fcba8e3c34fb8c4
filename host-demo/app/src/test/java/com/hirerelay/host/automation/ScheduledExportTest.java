package com.hirerelay.host.automation;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.INTERVIEWER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.Hiring.employeesWithEmail;
import static com.hirerelay.host.testing.Hiring.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.Hiring;
import com.hirerelay.host.testing.MovableClock;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 16, point 4: exports scheduled for a day, per candidate and per integration, on the job engine. */
class ScheduledExportTest {

    final MovableClock clock = new MovableClock();

    @RegisterExtension
    final RunningHostExtension host =
            RunningHostExtension.perTest().connected().hostOptions(options -> options.withClock(clock));

    ApiClient recruiter;
    Hiring.Pick pick;

    @BeforeEach
    void aHiredCandidateNotExportedYet() {
        recruiter = host.signIn(RECRUITER);
        pick = Hiring.hireAnActiveCandidate(recruiter);
    }

    @Test
    void aScheduledExportFiresOnItsDayAndSurvivesARestartInBetween() {
        LocalDate day = today().plusDays(3);
        var scheduled = schedule(day.toString());
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.json().get("exportOn").asText()).isEqualTo(day.toString());
        assertThat(scheduled.json().get("origin").asText()).isEqualTo("CHOSEN");
        assertThat(upcoming("?candidateId=" + pick.id()))
                .as("shown on the candidate")
                .hasSize(1);

        host.restart();
        advanceAndWait(Duration.ofDays(2));
        assertThat(employeesWithEmail(host, pick.email()))
                .as("not before its day")
                .isZero();
        assertThat(upcoming("")).as("still upcoming after the restart").hasSize(1);

        clock.advance(Duration.ofDays(1));
        waitUntil("the scheduled export created the employee", () -> employeesWithEmail(host, pick.email()) == 1);
        waitUntil("the export left the upcoming list", () -> upcoming("").isEmpty());
        JsonNode attempts = host.signIn(ADMIN)
                .get("/api/exports?connectorId=factorial&candidateId=" + pick.id())
                .json();
        assertThat(attempts.get("total").asInt()).as("one export: " + attempts).isEqualTo(1);
        assertThat(attempts.get("items").get(0).get("user").asText())
                .as("run as the user who scheduled it")
                .isEqualTo("Rita Recruiter");
    }

    @Test
    void aScheduledExportIsMovedAndCancelledAndBadDaysAreRefused() {
        assertThat(schedule(today().plusDays(2).toString()).status()).isEqualTo(200);
        var moved = schedule(today().plusDays(5).toString());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        List<JsonNode> items = upcoming("");
        assertThat(items).as("moved, not doubled").hasSize(1);
        assertThat(items.get(0).get("exportOn").asText())
                .isEqualTo(today().plusDays(5).toString());

        for (String bad : List.of("yesterday", today().minusDays(1).toString(), "")) {
            var refused = schedule(bad);
            assertThat(refused.status()).as(bad + ": " + refused).isEqualTo(422);
            assertThat(refused.json().get("fieldErrors").get(0).get("field").asText())
                    .isEqualTo("exportOn");
        }
        assertThat(host.signIn(INTERVIEWER)
                        .put(path(), Map.of("exportOn", today().plusDays(1).toString()))
                        .status())
                .isEqualTo(403);

        var cancelled = recruiter.delete(path());
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
        assertThat(upcoming("")).isEmpty();
        assertThat(recruiter.delete(path()).status())
                .as("nothing left to cancel")
                .isEqualTo(404);
        advanceAndWait(Duration.ofDays(6));
        assertThat(employeesWithEmail(host, pick.email()))
                .as("a cancelled export never runs")
                .isZero();
    }

    @Test
    void anIntegrationExportingDaysBeforeTheStartDateWaitsForThatDay() {
        ApiClient admin = host.signIn(ADMIN);
        var set = admin.put("/api/integrations/factorial/automation", Map.of("onHired", "AUTO", "daysBeforeStart", 7));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(admin.get("/api/integrations/factorial/automation")
                        .json()
                        .get("daysBeforeStart")
                        .asInt())
                .isEqualTo(7);
        LocalDate start = today().plusDays(30);
        Hiring.Pick next = anActiveCandidateStartingOn(start);

        Hiring.moveTo(recruiter, next.id(), next.hiredStage());
        Hiring.moveTo(recruiter, next.id(), next.earlierStage());
        Hiring.moveTo(recruiter, next.id(), next.hiredStage());

        List<JsonNode> items = upcoming("?candidateId=" + next.id());
        assertThat(items).as("scheduled once though hired twice").hasSize(1);
        assertThat(items.get(0).get("exportOn").asText())
                .isEqualTo(start.minusDays(7).toString());
        assertThat(items.get(0).get("origin").asText()).isEqualTo("BEFORE_START");
        advanceAndWait(Duration.ofDays(22));
        assertThat(employeesWithEmail(host, next.email()))
                .as("not before its day")
                .isZero();
        clock.advance(Duration.ofDays(1));
        waitUntil("exported 7 days before the start date", () -> employeesWithEmail(host, next.email()) == 1);
    }

    @Test
    void aStartDateMovedAfterHiringMovesTheExportThatCountsBackFromIt() {
        assertThat(host.signIn(ADMIN)
                        .put("/api/integrations/factorial/automation", Map.of("onHired", "AUTO", "daysBeforeStart", 7))
                        .status())
                .isEqualTo(200);
        LocalDate start = today().plusDays(30);
        Hiring.Pick next = anActiveCandidateStartingOn(start);
        Hiring.moveTo(recruiter, next.id(), next.hiredStage());
        assertThat(upcoming("?candidateId=" + next.id()).get(0).get("exportOn").asText())
                .isEqualTo(start.minusDays(7).toString());

        LocalDate later = start.plusDays(14);
        var moved =
                host.signIn(RECRUITER).put("/api/candidates/" + next.id(), Map.of("offerStartDate", later.toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        List<JsonNode> items = upcoming("?candidateId=" + next.id());
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("exportOn").asText())
                .as("moved with the start date")
                .isEqualTo(later.minusDays(7).toString());

        advanceAndWait(Duration.ofDays(24));
        assertThat(employeesWithEmail(host, next.email()))
                .as("not on the old day")
                .isZero();
        clock.advance(Duration.ofDays(14));
        waitUntil("exported 7 days before the new start date", () -> employeesWithEmail(host, next.email()) == 1);
    }

    @Test
    void aScheduledExportThatKeepsFailingEndsInTheFailedList() {
        host.sandbox()
                .inject(Fault.status(503)
                        .on("POST", "employees/employees/create_with_contract")
                        .times(1000));
        assertThat(schedule(today().plusDays(1).toString()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(1));
        waitUntil("the export is in the failed list", () -> {
            clock.advance(Duration.ofMinutes(5));
            return host.signIn(ADMIN)
                            .get("/api/automation/failures")
                            .json()
                            .get("items")
                            .size()
                    > 0;
        });
        JsonNode failure = host.signIn(ADMIN)
                .get("/api/automation/failures")
                .json()
                .get("items")
                .get(0);
        assertThat(failure.get("candidateId").asLong()).isEqualTo(pick.id());
        assertThat(failure.get("kind").asText()).isEqualTo("FAILED");
        assertThat(failure.get("tries").asInt()).isEqualTo(AutomationService.MAX_TRIES);
        assertThat(upcoming("")).as("no longer upcoming").isEmpty();
        JsonNode notified = host.signIn(RECRUITER).get("/api/notifications").json();
        assertThat(notified.get("items").get(0).get("kind").asText())
                .as("the user who scheduled it is notified: " + notified)
                .isEqualTo("FAILED");
        assertThat(employeesWithEmail(host, pick.email())).isZero();
    }

    @Test
    void aScheduledExportSendsTheUsersEditsOverTheDaysDataAndCountsBackFromTheEditedStartDate() {
        LocalDate offered = today().plusDays(40);
        recordOffer("Account Executive", offered, "50000");
        Map<String, String> values = draftValues();
        LocalDate edited = today().plusDays(30);
        values.put("contract_starts_on", edited.toString());
        values.put("salary_amount", "61000");

        var scheduled =
                recruiter.put(path(), Map.of("daysBefore", 10, "beforeField", "contract_starts_on", "values", values));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        assertThat(scheduled.json().get("exportOn").asText())
                .as("10 days before the edited start date, not the offer's")
                .isEqualTo(edited.minusDays(10).toString());
        assertThat(scheduled.json().get("editedFields").toString())
                .as("only the fields the user changed are kept")
                .contains("Start date: " + edited, "Salary: 61000")
                .doesNotContain("First name");

        // The ATS's data changes before the day: the title, and the start date and salary the user edited.
        recordOffer("Senior Account Executive", today().plusDays(50), "55000");
        assertThat(upcoming("?candidateId=" + pick.id()).get(0).get("editedFields"))
                .as("the upcoming list says which edits will be sent")
                .hasSize(2);

        advanceAndWait(Duration.ofDays(19));
        assertThat(employeesWithEmail(host, pick.email()))
                .as("not before its day")
                .isZero();
        clock.advance(Duration.ofDays(1));
        waitUntil("the scheduled export created the employee", () -> employeesWithEmail(host, pick.email()) == 1);
        String employeeId = String.valueOf(
                host.sandbox().employeeByEmail(pick.email()).orElseThrow().get("id"));
        // the contract step follows the create: wait for it rather than read the version the create made
        waitUntil(
                "the export's contract step set the salary",
                () -> host.sandbox().contractVersions(employeeId).stream()
                        .anyMatch(version -> version.get("salary_amount") != null));
        List<Map<String, Object>> contracts = host.sandbox().contractVersions(employeeId);
        Map<String, Object> contract = contracts.get(contracts.size() - 1);
        assertThat(contract.get("starts_on")).as("the user's edit wins").isEqualTo(edited.toString());
        assertThat(String.valueOf(contract.get("salary_amount")))
                .as("the user's edit wins, in cents")
                .isEqualTo("6100000");
        assertThat(contract.get("job_title"))
                .as("a field the user did not edit is the ATS's of the day")
                .isEqualTo("Senior Account Executive");
    }

    @Test
    void editsOrADayThatCannotBeUsedAreRefusedAndNothingIsScheduled() {
        recordOffer("Account Executive", today().plusDays(5), "50000");
        var unknown = recruiter.put(
                path(), Map.of("exportOn", today().plusDays(1).toString(), "values", Map.of("nope", "x")));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.json().get("fieldErrors").toString()).contains("values.nope");
        var notADate = recruiter.put(path(), Map.of("daysBefore", 3, "beforeField", "salary_amount"));
        assertThat(notADate.status()).as(notADate.toString()).isEqualTo(422);
        assertThat(notADate.json().get("fieldErrors").toString()).contains("beforeField");
        var passed = recruiter.put(path(), Map.of("daysBefore", 10, "beforeField", "contract_starts_on"));
        assertThat(passed.status()).as(passed.toString()).isEqualTo(422);
        assertThat(passed.json().get("fieldErrors").toString()).contains("daysBefore", "has passed");
        assertThat(upcoming("")).as("nothing scheduled").isEmpty();
    }

    private void recordOffer(String title, LocalDate start, String salary) {
        var offer = host.signIn(RECRUITER)
                .put(
                        "/api/candidates/" + pick.id(),
                        Map.of(
                                "offerJobTitle",
                                title,
                                "offerStartDate",
                                start.toString(),
                                "salaryAmount",
                                salary,
                                "salaryCurrency",
                                "EUR",
                                "salaryPeriod",
                                "YEARLY"));
        assertThat(offer.status()).as(offer.toString()).isEqualTo(200);
    }

    /** The export dialog's values: every field of the draft, as the dialog sends them. */
    private Map<String, String> draftValues() {
        JsonNode draft = recruiter
                .get("/api/candidates/" + pick.id() + "/exports/factorial/draft")
                .json();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        draft.get("fields")
                .forEach(field -> values.put(
                        field.get("key").asText(),
                        field.get("value").isNull() ? "" : field.get("value").asText()));
        return values;
    }

    private Hiring.Pick anActiveCandidateStartingOn(LocalDate start) {
        Hiring.Pick next = Hiring.anActiveCandidate(recruiter);
        host.jdbi()
                .useHandle(handle -> handle.execute(
                        "UPDATE candidates SET offer_start_date = ? WHERE id = ?", start.toString(), next.id()));
        return next;
    }

    private String path() {
        return "/api/candidates/" + pick.id() + "/scheduled-exports/factorial";
    }

    private ApiClient.Answer schedule(String day) {
        return recruiter.put(path(), Map.of("exportOn", day));
    }

    private List<JsonNode> upcoming(String query) {
        // Signed in afresh: moving the clock by days ends the earlier session.
        var answer = host.signIn(RECRUITER).get("/api/scheduled-exports" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.json().get("items").forEach(items::add);
        return items;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void advanceAndWait(Duration by) {
        clock.advance(by);
        try {
            Thread.sleep(3 * AutomationService.POLLING.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
