package com.hirerelay.host.automation;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.HIRING_MANAGER;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 16, point 3: export on Hired set to "queue for review", against the sandbox. */
class ReviewQueueTest {

    @RegisterExtension
    final RunningHostExtension host = RunningHostExtension.perTest().connected();

    ApiClient admin;
    ApiClient recruiter;

    @BeforeEach
    void queueForReview() {
        admin = host.signIn(ADMIN);
        Hiring.onHired(admin, "REVIEW");
        recruiter = host.signIn(RECRUITER);
    }

    @Test
    void aHireLandsOnTheReviewListOnceWithTheDraftsMissingFieldsAndNothingIsExported() {
        Hiring.requireFields(admin, "team_id");
        Hiring.Pick pick = Hiring.anActiveCandidate(recruiter);

        moveTo(recruiter, pick.id(), pick.hiredStage());
        moveTo(recruiter, pick.id(), pick.earlierStage());
        assertThat(itemsFor(pick.id())).as("not listed while out of Hired").isEmpty();
        moveTo(recruiter, pick.id(), pick.hiredStage());

        waitUntil(
                "the draft has been checked",
                () -> itemsFor(pick.id()).stream()
                        .anyMatch(item -> !item.get("missingFields").isNull()));
        List<JsonNode> items = itemsFor(pick.id());
        assertThat(items).as("queued once though hired twice").hasSize(1);
        JsonNode item = items.get(0);
        assertThat(item.get("connectorId").asText()).isEqualTo("factorial");
        assertThat(item.get("candidateName").asText()).isEqualTo(pick.name());
        assertThat(item.get("queuedBy").asText()).isEqualTo("Rita Recruiter");
        assertThat(item.get("missingFields").toString())
                .as("the required Team that no rule fills")
                .contains("Team");
        assertThat(employeesWithEmail(host, pick.email())).as("nothing sent").isZero();
        assertThat(reviewList(host.signIn(HIRING_MANAGER)))
                .as("hiring managers may export: they see it")
                .hasSize(1);
    }

    @Test
    void aCandidateExportedByHandLeavesTheListAndIsNotQueuedAgainWhenRehired() {
        Hiring.Pick pick = Hiring.anActiveCandidate(recruiter);
        moveTo(recruiter, pick.id(), pick.hiredStage());
        assertThat(itemsFor(pick.id())).hasSize(1);

        // Exported by hand while someone reads the list.
        var manual = CompletableFuture.supplyAsync(() ->
                recruiter.post("/api/candidates/" + pick.id() + "/exports/factorial", Map.of("values", Map.of())));
        reviewList(admin);
        var answer = manual.join();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);

        assertThat(itemsFor(pick.id())).as("exported: off the list").isEmpty();
        moveTo(recruiter, pick.id(), pick.earlierStage());
        moveTo(recruiter, pick.id(), pick.hiredStage());
        assertThat(itemsFor(pick.id())).as("exported already: not queued again").isEmpty();
        assertThat(employeesWithEmail(host, pick.email())).as("one employee").isEqualTo(1);
    }

    @Test
    void candidatesSentInBulkFromTheListLeaveIt() {
        Hiring.Pick first = Hiring.activeCandidate(recruiter, 0);
        Hiring.Pick second = Hiring.activeCandidate(recruiter, 1);
        moveTo(recruiter, first.id(), first.hiredStage());
        moveTo(recruiter, second.id(), second.hiredStage());
        assertThat(reviewList(recruiter)).hasSize(2);

        var started = recruiter.post(
                "/api/exports/bulk",
                Map.of("connectorId", "factorial", "candidateIds", List.of(first.id(), second.id())));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String bulk = started.json().get("id").asText();
        waitUntil(
                "the bulk export finished",
                () -> recruiter
                        .get("/api/exports/bulk/" + bulk)
                        .json()
                        .get("finished")
                        .asBoolean());

        assertThat(reviewList(recruiter)).as("both exported: the list is empty").isEmpty();
        assertThat(employeesWithEmail(host, first.email())).isEqualTo(1);
        assertThat(employeesWithEmail(host, second.email())).isEqualTo(1);
    }

    @Test
    void interviewersMayNotSeeTheReviewList() {
        var refused = host.signIn(INTERVIEWER).get("/api/review");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("forbidden");
        assertThat(host.anonymous().get("/api/review").status()).isEqualTo(401);
    }

    private List<JsonNode> itemsFor(long candidateId) {
        return reviewList(admin).stream()
                .filter(item -> item.get("candidateId").asLong() == candidateId)
                .toList();
    }
}
