package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A failed attempt's values come back only for the user who typed them, with the ATS's values beside them. */
class FailedAttemptRestoreTest {

    private static final String CREATE = "employees/employees/create_with_contract";

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    private static String value(JsonNode draft, String key) {
        for (JsonNode field : draft.get("fields")) {
            if (field.get("key").asText().equals(key)) {
                return field.get("value").isNull() ? null : field.get("value").asText();
            }
        }
        throw new AssertionError("no field " + key + " in " + draft);
    }

    private static JsonNode draft(ApiClient client, long id) {
        return client.get("/api/candidates/" + id + "/exports/factorial/draft").json();
    }

    @Test
    void aFailedAttemptsValuesReopenOnlyForTheUserWhoTypedThem() {
        JsonNode candidate = host.hiredCandidates(1).get(0);
        long id = candidate.get("id").asLong();
        ApiClient recruiter = host.signIn(RECRUITER);
        ApiClient manager = host.signIn(HIRING_MANAGER);
        host.sandbox().inject(Fault.status(503).on("POST", CREATE).times(10));

        ApiClient.Answer failed = recruiter.post(
                "/api/candidates/" + id + "/exports/factorial",
                Map.of("values", Map.of("first_name", "Typed By Recruiter")));
        host.sandbox().clearFaults();

        assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
        JsonNode mine = draft(recruiter, id);
        assertThat(mine.get("restoredFromAttempt").isNull())
                .as("restored for the recruiter")
                .isFalse();
        assertThat(mine.get("restoredAt").asText())
                .as("when the attempt was made")
                .isNotBlank();
        assertThat(value(mine, "first_name")).isEqualTo("Typed By Recruiter");
        assertThat(mine.get("atsValues").get("first_name").asText())
                .as("the ATS's value, for Reset to ATS values")
                .isEqualTo(candidate.get("firstName").asText());

        JsonNode theirs = draft(manager, id);
        assertThat(theirs.get("restoredFromAttempt").isNull())
                .as("another user never gets someone's failed values")
                .isTrue();
        assertThat(theirs.get("atsValues").isNull()).isTrue();
        assertThat(value(theirs, "first_name"))
                .isEqualTo(candidate.get("firstName").asText());
    }

    @Test
    void aLaterAttemptByAnotherUserMakesTheOldValuesStale() {
        JsonNode candidate = host.hiredCandidates(2).get(1);
        long id = candidate.get("id").asLong();
        ApiClient recruiter = host.signIn(RECRUITER);
        ApiClient manager = host.signIn(HIRING_MANAGER);
        host.sandbox().inject(Fault.status(503).on("POST", CREATE).times(10));
        recruiter.post(
                "/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of("first_name", "Old Typing")));
        manager.post(
                "/api/candidates/" + id + "/exports/factorial",
                Map.of("values", Map.of("last_name", "Manager Typing")));
        host.sandbox().clearFaults();

        JsonNode recruiters = draft(recruiter, id);
        JsonNode managers = draft(manager, id);

        assertThat(recruiters.get("restoredFromAttempt").isNull())
                .as("the recruiter's attempt is no longer the latest")
                .isTrue();
        assertThat(value(recruiters, "first_name"))
                .isEqualTo(candidate.get("firstName").asText());
        assertThat(value(managers, "last_name")).isEqualTo("Manager Typing");
    }
}
