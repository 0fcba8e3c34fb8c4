package com.hirerelay.host.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The automation tests' shared steps (issue 16), done through the API as the UI does them: set what an
 * integration does on Hired, pick an active candidate with its job's stages, move it, wait for the engine.
 */
public final class Hiring {

    private Hiring() {}

    /**
     * An active candidate and two stages of its job.
     *
     * @param candidate the candidate as the candidate list gives it
     * @param hiredStage the job's Hired stage
     * @param earlierStage the job's first stage that is not Hired
     */
    public record Pick(JsonNode candidate, long hiredStage, long earlierStage) {

        public long id() {
            return candidate.get("id").asLong();
        }

        public String email() {
            return candidate.get("email").asText();
        }

        public String name() {
            return candidate.get("firstName").asText() + " "
                    + candidate.get("lastName").asText();
        }
    }

    /** Sets what the Factorial integration does on Hired (OFF, REVIEW, AUTO), as an admin. */
    public static void onHired(ApiClient admin, String choice) {
        var set = admin.put("/api/integrations/factorial/automation", Map.of("onHired", choice));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    /** Makes Factorial fields required for automatic exports, with no mapping rules, as an admin. */
    public static void requireFields(ApiClient admin, String... keys) {
        var required = admin.put(
                "/api/integrations/factorial/mapping", Map.of("rules", List.of(), "requiredFields", List.of(keys)));
        assertThat(required.status()).as(required.toString()).isEqualTo(200);
    }

    /** @return the first active candidate of the candidate list and its job's stages */
    public static Pick anActiveCandidate(ApiClient user) {
        return activeCandidate(user, 0);
    }

    /** @return the active candidate at that index of the first page of active candidates, with its job's stages */
    public static Pick activeCandidate(ApiClient user, int index) {
        JsonNode candidate = user.get("/api/candidates?status=ACTIVE&pageSize=25")
                .json()
                .get("items")
                .get(index);
        return withStages(user, candidate);
    }

    /** @return the first active candidate of the job named so, with its job's stages */
    public static Pick activeCandidateOfJob(ApiClient user, String jobName) {
        long jobId = -1;
        for (JsonNode job : user.get("/api/jobs").json()) {
            if (job.get("name").asText().equals(jobName)) {
                jobId = job.get("id").asLong();
            }
        }
        assertThat(jobId).as("a job named %s", jobName).isPositive();
        JsonNode items = user.get("/api/candidates?status=ACTIVE&pageSize=25&jobId=" + jobId)
                .json()
                .get("items");
        assertThat(items).as("active candidates of %s", jobName).isNotEmpty();
        return withStages(user, items.get(0));
    }

    private static Pick withStages(ApiClient user, JsonNode candidate) {
        JsonNode job =
                user.get("/api/jobs/" + candidate.get("job").get("id").asLong()).json();
        long hired = 0;
        long earlier = 0;
        for (JsonNode stage : job.get("stages")) {
            if (stage.get("hired").asBoolean()) {
                hired = stage.get("id").asLong();
            } else if (earlier == 0) {
                earlier = stage.get("id").asLong();
            }
        }
        assertThat(hired)
                .as("the job of candidate %s has a Hired stage", candidate.get("id"))
                .isPositive();
        return new Pick(candidate, hired, earlier);
    }

    /** Moves the first active candidate to its job's Hired stage, as that user; @return the candidate */
    public static Pick hireAnActiveCandidate(ApiClient user) {
        Pick pick = anActiveCandidate(user);
        moveTo(user, pick.id(), pick.hiredStage());
        return pick;
    }

    /** Moves the candidate to the stage through the candidate API, as the candidate page and the pipeline do. */
    public static void moveTo(ApiClient user, long candidateId, long stageId) {
        var moved = user.put("/api/candidates/" + candidateId, Map.of("stageId", stageId));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    /** Waits up to 40 seconds until the condition holds, checking every 200 ms. */
    public static void waitUntil(String what, BooleanSupplier condition) {
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

    /** @return how many sandbox employees have the candidate's e-mail as any of their addresses */
    public static long employeesWithEmail(RunningHostExtension host, String email) {
        return host.sandbox().employees().stream()
                .filter(e -> email.equalsIgnoreCase(String.valueOf(e.get("email")))
                        || email.equalsIgnoreCase(String.valueOf(e.get("personal_email")))
                        || email.equalsIgnoreCase(String.valueOf(e.get("login_email"))))
                .count();
    }

    /** @return the review list's items (GET /api/review) */
    public static List<JsonNode> reviewList(ApiClient user) {
        var answer = user.get("/api/review");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        answer.json().get("items").forEach(items::add);
        return items;
    }
}
