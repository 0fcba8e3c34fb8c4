package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.Hiring.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An update that a host stopped in the middle of must not block its candidate for good: on PostgreSQL (several
 * instances) the live instances settle it once its instance's lease has run out, without a restart; on SQLite (one
 * host per file) the next start settles it.
 */
class AbandonedUpdateTest {

    @RegisterExtension
    final RunningHostExtension host = RunningHostExtension.perTest().connected();

    @Test
    void anUpdateLeftRunningByAStoppedHostIsSettledAsFailedAndTheCandidateCanBeUpdatedAgain() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidates(1).get(0).get("id").asLong();
        ApiClient.Answer exported =
                recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        String employeeId = exported.json().get("employeeId").asText();
        assertThat(recruiter
                        .put("/api/candidates/" + id, Map.of("offerJobTitle", "Night Shift Lead"))
                        .status())
                .isEqualTo(200);
        // what a host instance that stopped mid-update leaves behind
        host.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO employee_updates (candidate_id, connector_id, connector_name, employee_id,"
                                + " user_id, user_name, started_at, state, fields_json, automatic, host_instance)"
                                + " VALUES (?, 'factorial', 'FactorialHr', ?, 1, 'Rita Recruiter', ?, 'IN_PROGRESS',"
                                + " '[]', 0, 'stopped-instance')",
                        id,
                        employeeId,
                        Instant.now().toString()));
        Map<String, Object> body =
                Map.of("values", Map.of(), "fields", List.of("job_title"), "contractChange", "CORRECT_CURRENT");
        ApiClient.Answer blocked = recruiter.post("/api/candidates/" + id + "/exports/factorial/update", body);
        assertThat(blocked.status())
                .as("blocked while it counts as running: " + blocked)
                .isEqualTo(409);

        ApiClient user = recruiter;
        if (host.databaseServer() != null) {
            waitUntil(
                    "a live instance settled the abandoned update on its heartbeat",
                    () -> !state(user, id).equals("IN_PROGRESS"));
        } else {
            host.restart();
        }

        recruiter = host.signIn(RECRUITER);
        JsonNode abandoned = history(recruiter, id).get(0);
        assertThat(abandoned.get("state").asText()).isEqualTo("FAILED");
        assertThat(abandoned.get("error").asText()).contains("stopped", "look at the employee");
        ApiClient.Answer again = recruiter.post("/api/candidates/" + id + "/exports/factorial/update", body);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("state").asText()).isEqualTo("UPDATED");
        assertThat(host.sandbox().contractVersions(employeeId).get(0)).containsEntry("job_title", "Night Shift Lead");
    }

    private static JsonNode history(ApiClient client, long id) {
        return client.get("/api/candidates/" + id + "/exports/updates").json();
    }

    private static String state(ApiClient client, long id) {
        return history(client, id).get(0).get("state").asText();
    }
}
