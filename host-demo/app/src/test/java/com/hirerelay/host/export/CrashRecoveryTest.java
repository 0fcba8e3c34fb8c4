package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.HostProcess;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The worst moment: the host process is killed (SIGKILL) after Factorial was asked to create the
 * employee and before our database heard back. After a restart the attempt shows as unfinished and
 * exporting again links the employee Factorial has instead of creating a second one.
 */
class CrashRecoveryTest {

    @RegisterExtension
    final RunningHostExtension host = RunningHostExtension.perTest().connected();

    @Test
    void aHostKilledMidExportLeavesAnUnfinishedAttemptAndTheNextExportLinksTheEmployee() throws Exception {
        JsonNode candidate = host.hiredCandidates(1).get(0);
        long id = candidate.get("id").asLong();
        String email = candidate.get("email").asText();
        host.stopHost();

        try (HostProcess child = host.launchProcess()) {
            ApiClient recruiter = child.signIn(RECRUITER);
            // Factorial takes its time with the create: the host dies while it is in flight.
            host.sandbox()
                    .inject(Fault.delay(Duration.ofSeconds(3)).on("POST", "employees/employees/create_with_contract"));
            CompletableFuture.runAsync(
                    () -> recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of())));
            waitUntil(() -> attemptStates(id).contains("IN_PROGRESS"), "the attempt was recorded as in progress");
            Thread.sleep(1_000); // past the duplicate check, inside the slow create
            child.kill();
        }
        waitUntil(() -> host.sandbox().employeeByEmail(email).isPresent(), "Factorial created the employee anyway");
        assertThat(attemptStates(id)).as("attempts after the kill").containsExactly("IN_PROGRESS");

        host.startAgain();
        ApiClient admin = host.signIn(ADMIN);
        JsonNode history = admin.get("/api/exports?candidateId=" + id).json();
        assertThat(history.get("items").get(0).get("state").asText())
                .as("after restart")
                .isEqualTo("UNFINISHED");

        var again = admin.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("ALREADY_EXISTS");
        String factorialId = String.valueOf(
                host.sandbox().employeeByEmail(email).orElseThrow().get("id"));
        assertThat(again.json().get("employeeId").asText()).isEqualTo(factorialId);
        assertThat(host.sandbox().employees().stream()
                        .filter(employee -> email.equalsIgnoreCase(String.valueOf(employee.get("email"))))
                        .count())
                .as("employees with the candidate's e-mail")
                .isEqualTo(1);
        assertThat(admin.get("/api/candidates/" + id)
                        .json()
                        .get("exports")
                        .get(0)
                        .get("employeeId")
                        .asText())
                .as("the candidate page shows the link")
                .isEqualTo(factorialId);
    }

    private List<String> attemptStates(long candidateId) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + host.databaseFile())) {
            var statement =
                    connection.prepareStatement("SELECT state FROM export_attempts WHERE candidate_id = ? ORDER BY id");
            statement.setLong(1, candidateId);
            ResultSet rows = statement.executeQuery();
            List<String> states = new java.util.ArrayList<>();
            while (rows.next()) {
                states.add(rows.getString(1));
            }
            return states;
        } catch (java.sql.SQLException e) {
            return List.of("unreadable: " + e.getMessage());
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out waiting until " + what);
    }
}
