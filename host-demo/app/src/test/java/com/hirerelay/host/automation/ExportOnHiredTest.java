package com.hirerelay.host.automation;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.MovableClock;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 16, points 3 and 5: export on Hired, run by the persistent job engine, against the sandbox. */
class ExportOnHiredTest {

    final MovableClock clock = new MovableClock();

    @RegisterExtension
    final RunningHostExtension host =
            RunningHostExtension.perTest().connected().hostOptions(options -> options.withClock(clock));

    ApiClient recruiter;
    JsonNode candidate;
    long hiredStage;
    long earlierStage;

    @BeforeEach
    void exportOnHiredAndPickAnActiveCandidate() {
        ApiClient admin = host.signIn(ADMIN);
        var set = admin.put("/api/integrations/factorial/automation", Map.of("onHired", "AUTO"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        recruiter = host.signIn(RECRUITER);
        candidate = recruiter
                .get("/api/candidates?status=ACTIVE&pageSize=1")
                .json()
                .get("items")
                .get(0);
        JsonNode job = recruiter
                .get("/api/jobs/" + candidate.get("job").get("id").asLong())
                .json();
        for (JsonNode stage : job.get("stages")) {
            if (stage.get("hired").asBoolean()) {
                hiredStage = stage.get("id").asLong();
            } else if (earlierStage == 0) {
                earlierStage = stage.get("id").asLong();
            }
        }
    }

    @Test
    void aCandidateMovedToHiredIsExportedOnceEvenWhenMovedOutAndBackIn() throws InterruptedException {
        moveTo(hiredStage);
        moveTo(earlierStage);
        moveTo(hiredStage);
        waitUntil("the employee exists", () -> employee().isPresent());
        moveTo(earlierStage);
        moveTo(hiredStage);
        Thread.sleep(3 * AutomationService.POLLING.toMillis());

        assertThat(employeesWithTheCandidatesEmail()).as("one employee").isEqualTo(1);
        JsonNode attempts = host.signIn(ADMIN)
                .get("/api/exports?connectorId=factorial&candidateId=" + id())
                .json();
        assertThat(attempts.get("total").asInt())
                .as("one export, by the recruiter who moved the candidate: " + attempts)
                .isEqualTo(1);
        assertThat(attempts.get("items").get(0).get("user").asText()).isEqualTo("Rita Recruiter");
    }

    @Test
    void aManualExportRacingTheAutomaticOneCreatesOneEmployee() {
        moveTo(hiredStage);
        var manual = CompletableFuture.supplyAsync(
                () -> recruiter.post("/api/candidates/" + id() + "/exports/factorial", Map.of("values", Map.of())));
        var answer = manual.join();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        waitUntil("the employee exists", () -> employee().isPresent());
        advanceAndWait(Duration.ofMinutes(20));

        assertThat(employeesWithTheCandidatesEmail()).as("one employee").isEqualTo(1);
        assertThat(host.signIn(ADMIN).get("/api/automation/failures").json().get("items"))
                .as("nothing failed")
                .isEmpty();
    }

    @Test
    void aRetryWaitingForItsTimeSurvivesARestart() {
        host.sandbox()
                .inject(Fault.status(503)
                        .on("POST", "employees/employees/create_with_contract")
                        .times(20));
        moveTo(hiredStage);
        waitUntil("the first try failed", () -> attemptsIn("FAILED") >= 1);
        host.sandbox().clearFaults();

        host.restart();
        assertThat(employee()).as("the retry waits for its time").isEmpty();
        clock.advance(AutomationService.FIRST_RETRY.plusSeconds(1));
        waitUntil(
                "the retry after the restart created the employee",
                () -> employee().isPresent());
        assertThat(employeesWithTheCandidatesEmail()).isEqualTo(1);
    }

    @Test
    void anExportThatKeepsFailingStopsAfterBoundedTriesInTheFailedList() {
        host.sandbox()
                .inject(Fault.status(503)
                        .on("POST", "employees/employees/create_with_contract")
                        .times(1000));
        moveTo(hiredStage);
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
        assertThat(failure.get("candidateId").asLong()).isEqualTo(id());
        assertThat(failure.get("kind").asText()).isEqualTo("FAILED");
        assertThat(failure.get("tries").asInt()).isEqualTo(AutomationService.MAX_TRIES);
        assertThat(failure.get("message").asText()).contains("Tried " + AutomationService.MAX_TRIES + " times");
        assertThat(employee()).isEmpty();
        long failedAttempts = attemptsIn("FAILED");
        advanceAndWait(Duration.ofHours(2));
        assertThat(attemptsIn("FAILED")).as("no try after the last").isEqualTo(failedAttempts);
    }

    @Test
    void onlyAdminsMaySetExportOnHiredAndAnUnknownChoiceIsRefused() {
        assertThat(recruiter
                        .put("/api/integrations/factorial/automation", Map.of("onHired", "AUTO"))
                        .status())
                .isEqualTo(403);
        var refused = host.signIn(ADMIN).put("/api/integrations/factorial/automation", Map.of("onHired", "SOON"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("fieldErrors").get(0).get("field").asText())
                .isEqualTo("onHired");
    }

    private long id() {
        return candidate.get("id").asLong();
    }

    private void moveTo(long stageId) {
        Map<String, Object> body = new HashMap<>();
        body.put("stageId", stageId);
        var moved = recruiter.put("/api/candidates/" + id(), body);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private java.util.Optional<Map<String, Object>> employee() {
        return host.sandbox().employeeByEmail(candidate.get("email").asText());
    }

    private long employeesWithTheCandidatesEmail() {
        String email = candidate.get("email").asText();
        return host.sandbox().employees().stream()
                .filter(e -> email.equalsIgnoreCase(String.valueOf(e.get("email")))
                        || email.equalsIgnoreCase(String.valueOf(e.get("personal_email")))
                        || email.equalsIgnoreCase(String.valueOf(e.get("login_email"))))
                .count();
    }

    private long attemptsIn(String state) {
        JsonNode items = host.signIn(ADMIN)
                .get("/api/exports?pageSize=100&connectorId=factorial&candidateId=" + id())
                .json()
                .get("items");
        long count = 0;
        for (JsonNode item : items) {
            if (item.get("state").asText().equals(state)) {
                count++;
            }
        }
        return count;
    }

    /** Moves the clock on and gives the engine a few polls to run whatever became due. */
    private void advanceAndWait(Duration by) {
        clock.advance(by);
        try {
            Thread.sleep(3 * AutomationService.POLLING.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
