package com.hirerelay.host.automation;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.INTERVIEWER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.Hiring.employeesWithEmail;
import static com.hirerelay.host.testing.Hiring.moveTo;
import static com.hirerelay.host.testing.Hiring.reviewList;
import static com.hirerelay.host.testing.Hiring.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.Hiring;
import com.hirerelay.host.testing.RunningHostExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 16: a review item dismissed with a reason, listed with "Show dismissed", restored; over the API. */
class ReviewDismissalTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    ApiClient admin;
    ApiClient recruiter;

    @BeforeEach
    void queueForReview() {
        admin = host.signIn(ADMIN);
        Hiring.onHired(admin, "REVIEW");
        recruiter = host.signIn(RECRUITER);
    }

    @Test
    void aDismissedHireLeavesTheListWithWhoWhenAndWhyAndComesBackWhenRestored() {
        Hiring.Pick pick = Hiring.anActiveCandidate(recruiter);
        moveTo(recruiter, pick.id(), pick.hiredStage());
        assertThat(listed(recruiter, false, pick.id())).as("queued").isNotNull();

        Instant before = Instant.now();
        var dismissed = dismiss(recruiter, pick.id(), "Hired through the agency's payroll");
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        assertThat(dismissed.json().get("dismissedBy").asText()).isEqualTo("Rita Recruiter");
        assertThat(dismissed.json().get("dismissReason").asText()).isEqualTo("Hired through the agency's payroll");
        assertThat(Instant.parse(dismissed.json().get("dismissedAt").asText()))
                .isAfterOrEqualTo(before.minusSeconds(1));

        assertThat(listed(admin, false, pick.id())).as("off the review list").isNull();
        JsonNode shown = listed(admin, true, pick.id());
        assertThat(shown).as("listed under Show dismissed").isNotNull();
        assertThat(shown.get("dismissedBy").asText()).isEqualTo("Rita Recruiter");
        assertThat(shown.get("dismissReason").asText()).isEqualTo("Hired through the agency's payroll");

        var restored = admin.delete(dismissal(pick.id()));
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().get("dismissedAt").isNull()).isTrue();
        assertThat(listed(recruiter, false, pick.id())).as("back on the list").isNotNull();
        assertThat(listed(recruiter, true, pick.id())).as("no longer dismissed").isNull();
        assertThat(employeesWithEmail(host, pick.email())).as("nothing sent").isZero();
    }

    @Test
    void aDismissalNeedsAReasonAndAUserWhoMayExportAndChangesNothingWhenRefused() {
        Hiring.Pick pick = Hiring.anActiveCandidate(recruiter);
        moveTo(recruiter, pick.id(), pick.hiredStage());

        var blank = dismiss(recruiter, pick.id(), "  ");
        assertThat(blank.status()).as(blank.toString()).isEqualTo(422);
        assertThat(blank.json().get("code").asText()).isEqualTo("validation_failed");
        assertThat(blank.json().get("fieldErrors").toString()).contains("\"field\":\"reason\"");
        var noBody = recruiter.post(dismissal(pick.id()), Map.of());
        assertThat(noBody.status()).as(noBody.toString()).isEqualTo(422);
        var tooLong = dismiss(recruiter, pick.id(), "x".repeat(501));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(422);
        var interviewer = dismiss(host.signIn(INTERVIEWER), pick.id(), "Not mine to send");
        assertThat(interviewer.status()).as(interviewer.toString()).isEqualTo(403);
        assertThat(listed(recruiter, false, pick.id())).as("still on the list").isNotNull();

        var notQueued = dismiss(recruiter, 987_654, "No such item");
        assertThat(notQueued.status()).as(notQueued.toString()).isEqualTo(404);
        var badId = recruiter.post("/api/review/abc/factorial/dismissal", Map.of("reason", "x"));
        assertThat(badId.status()).as(badId.toString()).isEqualTo(400);

        assertThat(dismiss(recruiter, pick.id(), "Duplicate application").status())
                .isEqualTo(200);
        var twice = dismiss(admin, pick.id(), "Again");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(listed(admin, true, pick.id()).get("dismissReason").asText())
                .as("the first reason stays")
                .isEqualTo("Duplicate application");
        var notDismissed = admin.delete(dismissal(pick.id()));
        assertThat(notDismissed.status()).isEqualTo(200);
        assertThat(admin.delete(dismissal(pick.id())).status())
                .as("restoring what is not dismissed")
                .isEqualTo(409);
    }

    @Test
    void aDismissedCandidateIsNotExportedAutomaticallyUntilRestored() {
        Hiring.Pick dismissedOne = Hiring.activeCandidate(recruiter, 0);
        Hiring.Pick control = Hiring.activeCandidate(recruiter, 1);
        moveTo(recruiter, dismissedOne.id(), dismissedOne.hiredStage());
        assertThat(dismiss(recruiter, dismissedOne.id(), "Contractor, not an employee")
                        .status())
                .isEqualTo(200);
        var scheduled = recruiter.put(
                "/api/candidates/" + dismissedOne.id() + "/scheduled-exports/factorial",
                Map.of("exportOn", "2099-01-04"));
        assertThat(scheduled.status())
                .as("no export on a day either: %s", scheduled)
                .isEqualTo(409);

        // The integration now exports automatically; the dismissed hire is moved out and back, beside another hire.
        Hiring.onHired(admin, "AUTO");
        moveTo(recruiter, dismissedOne.id(), dismissedOne.earlierStage());
        moveTo(recruiter, dismissedOne.id(), dismissedOne.hiredStage());
        moveTo(recruiter, control.id(), control.hiredStage());
        waitUntil("the other hire is exported", () -> employeesWithEmail(host, control.email()) == 1);
        assertThat(employeesWithEmail(host, dismissedOne.email()))
                .as("the dismissed hire is not exported")
                .isZero();

        assertThat(admin.delete(dismissal(dismissedOne.id())).status()).isEqualTo(200);
        moveTo(recruiter, dismissedOne.id(), dismissedOne.earlierStage());
        moveTo(recruiter, dismissedOne.id(), dismissedOne.hiredStage());
        waitUntil("the restored hire is exported", () -> employeesWithEmail(host, dismissedOne.email()) == 1);
    }

    private static ApiClient.Answer dismiss(ApiClient user, long candidateId, String reason) {
        return user.post(dismissal(candidateId), Map.of("reason", reason));
    }

    private static String dismissal(long candidateId) {
        return "/api/review/" + candidateId + "/factorial/dismissal";
    }

    /** @return the candidate's item of the review list (or its dismissed items), or null */
    private static JsonNode listed(ApiClient user, boolean dismissed, long candidateId) {
        List<JsonNode> items = dismissed ? dismissedList(user) : reviewList(user);
        return items.stream()
                .filter(item -> item.get("candidateId").asLong() == candidateId)
                .findFirst()
                .orElse(null);
    }

    private static List<JsonNode> dismissedList(ApiClient user) {
        var answer = user.get("/api/review?dismissed=true");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(answer.json().get("items").spliterator(), false)
                .toList();
    }
}
