package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.HostProcess;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.host.testing.TestDocuments;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worst moments: the host process is killed (SIGKILL) after Factorial was asked to create the employee
 * and before our database heard back, or while a follow-up step runs. After a restart the attempt shows
 * as unfinished and exporting again links the employee Factorial has instead of creating a second one, and
 * finishes the steps the killed export never ran; a step that was running when the host died is finished
 * by the host as it starts again.
 */
class CrashRecoveryTest {

    @RegisterExtension
    final RunningHostExtension host = RunningHostExtension.perTest().connected();

    @org.junit.jupiter.api.BeforeEach
    void onSqliteOnly() {
        // It reads the SQLite file the killed host left; the postgresql execution excludes it, and so does -Dtest.
        org.junit.jupiter.api.Assumptions.assumeFalse(
                com.hirerelay.host.testing.TestPostgres.selected(), "reads the SQLite file a killed host left");
    }

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
                    .inject(Fault.delay(Duration.ofSeconds(5)).on("POST", "employees/employees/create_with_contract"));
            CompletableFuture.runAsync(
                    () -> recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of())));
            waitUntil(() -> attemptStates(id).contains("IN_PROGRESS"), "the attempt was recorded as in progress");
            // past the duplicate check, inside the slow create (a fixed sleep was too short under load)
            waitUntil(() -> host.sandbox().pendingFaults() == 0, "the slow create reached Factorial");
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

        // The create of the killed export went through but none of its steps ran: the second export, which
        // found the employee, finished them instead of answering "already exists" with the contract empty.
        assertThat(currentContract(factorialId).get("salary_amount"))
                .as("salary on the employee's contract")
                .isNotNull();
        JsonNode killed =
                admin.get("/api/exports?candidateId=" + id).json().get("items").get(1);
        assertThat(killed.get("employeeId").asText())
                .as("the killed export created the employee")
                .isEqualTo(factorialId);
        assertEveryStepDone(killed, "the killed export's steps");
    }

    /**
     * The host dies while a step's call is in flight. For the reference step the call is a write that lands
     * in Factorial after the host died, so the restarted host must look before it writes again (the contract
     * step, run beside it, may have finished); for the contract step the read before the write is in flight,
     * so nothing was written; the personal e-mail is an update, written again; an invitation that landed after
     * the host died is not sent twice (Factorial's "already invited" counts as done). Every export here carries
     * a personal e-mail and has the invitation on, so each row checks all four steps.
     */
    @ParameterizedTest(name = "killed during {0}")
    @CsvSource({
        "ats-reference, POST, custom_fields/values",
        "contract-version, GET, contracts/reference_contracts",
        "personal-email, PUT, employees/employees",
        "invitation, POST, employees/employees/invite"
    })
    void aHostKilledDuringAFollowUpStepFinishesEveryStepWhenItStartsAgain(String stepId, String method, String resource)
            throws Exception {
        JsonNode candidate = host.hiredCandidates(2).get(1);
        long id = candidate.get("id").asLong();
        String email = candidate.get("email").asText();
        sendInvitations();
        host.stopHost();

        try (HostProcess child = host.launchProcess()) {
            ApiClient recruiter = child.signIn(RECRUITER);
            host.sandbox().inject(Fault.delay(Duration.ofSeconds(5)).on(method, resource));
            // every export here has the personal e-mail and invitation steps too, each checked after the restart
            CompletableFuture.runAsync(() -> recruiter.post(
                    "/api/candidates/" + id + "/exports/factorial",
                    Map.of("values", Map.of("personal_email", PERSONAL_EMAIL))));
            waitUntil(() -> stepState(id, stepId).equals("RUNNING"), "step " + stepId + " was recorded as running");
            waitUntil(
                    () -> host.sandbox().pendingFaults() == 0, "the step's call reached Factorial, held by the delay");
            child.kill();
        }
        String factorialId = String.valueOf(
                host.sandbox().employeeByEmail(email).orElseThrow().get("id"));
        // The steps after the create run side by side: the one held by the delay did not finish, the others may have.
        assertThat(stepState(id, stepId))
                .as("the killed step before the restart")
                .isEqualTo("RUNNING");
        if (stepId.equals("contract-version")) {
            assertThat(currentContract(factorialId).get("salary_amount"))
                    .as("no salary before the restart")
                    .isNull();
        }
        assertThat(attemptStates(id)).containsExactly("IN_PROGRESS");
        if (method.equals("POST")) {
            // the worst case: the write the dead host sent is applied after all
            waitUntil(() -> host.sandbox().customFieldValues(factorialId).size() == 1, "the delayed write landed");
        }

        host.startAgain();
        waitUntil(() -> currentContract(factorialId).get("salary_amount") != null, "the restarted host set the salary");
        waitUntil(() -> stepState(id, "contract-version").equals("DONE"), "the contract step recorded as done");
        waitUntil(() -> stepState(id, stepId).equals("DONE"), "the killed step recorded as done");
        assertThat(attemptStates(id))
                .as("the connector had reported the create: the attempt is a success")
                .containsExactly("CREATED");
        assertThat(host.sandbox().employees().stream()
                        .filter(employee -> email.equalsIgnoreCase(String.valueOf(employee.get("email"))))
                        .count())
                .as("employees with the candidate's e-mail")
                .isEqualTo(1);
        assertThat(host.sandbox().customFieldValues(factorialId))
                .as("the ATS reference on the employee, once")
                .hasSize(1);
        waitUntil(() -> stepState(id, "invitation").equals("DONE"), "the invitation step recorded as done");
        assertThat(host.sandbox().employeeByEmail(email).orElseThrow().get("personal_email"))
                .as("the personal e-mail on the employee")
                .isEqualTo(PERSONAL_EMAIL);
        assertThat(host.sandbox().invitedEmployeeIds())
                .as("the employee invited, once")
                .containsOnlyOnce(factorialId);
        assertThat(host.sandbox().requests().stream()
                        .filter(request -> request.method().equals("POST")
                                && request.path().endsWith("employees/employees/create_with_contract"))
                        .count())
                .as("creates sent to Factorial")
                .isEqualTo(1);
        JsonNode history = host.signIn(ADMIN)
                .get("/api/exports?candidateId=" + id)
                .json()
                .get("items")
                .get(0);
        assertEveryStepDone(history, "the steps after the restart");
    }

    private static final String PERSONAL_EMAIL = "ana.personal@example.org";

    /** Reconnects Factorial with its invitation turned on, so that exports run the invitation step. */
    private void sendInvitations() {
        ApiClient admin = host.signIn(ADMIN);
        assertThat(admin.delete("/api/integrations/factorial").status()).isEqualTo(204);
        var connected = admin.post(
                "/api/integrations/factorial",
                Map.of("values", Map.of("api_key", host.sandbox().apiKey(), "send_invitation", "true")));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
    }

    /**
     * The host dies while a document chosen with the export is being uploaded; the upload lands in Factorial
     * after all. The document is a follow-up step of the export: the restarted host finishes it through the
     * connector's upload, which finds the document there, so the employee has it once.
     */
    @Test
    void aHostKilledWhileUploadingADocumentFinishesItsStepWithoutASecondCopy() throws Exception {
        JsonNode candidate = host.hiredCandidates(3).get(2);
        long id = candidate.get("id").asLong();
        String email = candidate.get("email").asText();
        host.stopHost();

        long documentId;
        try (HostProcess child = host.launchProcess()) {
            ApiClient recruiter = child.signIn(RECRUITER);
            ApiClient.Answer uploaded = recruiter.upload(
                    "/api/candidates/" + id + "/documents?kind=CV", "cv.pdf", TestDocuments.pdf("killed upload"));
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
            documentId = uploaded.json().get("id").asLong();
            host.sandbox().inject(Fault.delay(Duration.ofSeconds(5)).on("POST", "documents/documents"));
            CompletableFuture.runAsync(() -> recruiter.post(
                    "/api/candidates/" + id + "/exports/factorial",
                    Map.of("values", Map.of(), "documentIds", List.of(documentId))));
            waitUntil(
                    () -> stepState(id, "document-" + documentId).equals("RUNNING"),
                    "the document step was recorded as running");
            waitUntil(() -> host.sandbox().pendingFaults() == 0, "the upload reached Factorial, held by the delay");
            child.kill();
        }
        String factorialId = String.valueOf(
                host.sandbox().employeeByEmail(email).orElseThrow().get("id"));
        waitUntil(() -> host.sandbox().documents(factorialId).size() == 1, "the delayed upload landed");

        host.startAgain();
        waitUntil(
                () -> stepState(id, "document-" + documentId).equals("DONE"),
                "the restarted host finished the document step");
        assertThat(host.sandbox().documents(factorialId))
                .as("the employee's documents in Factorial")
                .hasSize(1);
    }

    private static void assertEveryStepDone(JsonNode attempt, String what) {
        Map<String, String> states = stepStates(attempt);
        assertThat(states).as(what).containsKeys("ats-reference", "contract-version");
        assertThat(states)
                .as(what)
                .allSatisfy((step, state) ->
                        assertThat(state).as(what + ": " + step).isEqualTo("DONE"));
    }

    private Map<String, Object> currentContract(String employeeId) {
        List<Map<String, Object>> contracts = host.sandbox().contractVersions(employeeId);
        return contracts.isEmpty() ? Map.of() : contracts.get(contracts.size() - 1);
    }

    private static Map<String, String> stepStates(JsonNode attempt) {
        Map<String, String> states = new java.util.LinkedHashMap<>();
        attempt.get("steps")
                .forEach(step -> states.put(
                        step.get("stepId").asText(), step.get("state").asText()));
        return states;
    }

    private String stepState(long candidateId, String stepId) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + host.databaseFile())) {
            var statement = connection.prepareStatement("SELECT s.state FROM export_steps s JOIN export_attempts a ON"
                    + " a.id = s.attempt_id WHERE a.candidate_id = ? AND s.step_id = ? ORDER BY a.id DESC LIMIT 1");
            statement.setLong(1, candidateId);
            statement.setString(2, stepId);
            ResultSet rows = statement.executeQuery();
            return rows.next() ? rows.getString(1) : "none";
        } catch (java.sql.SQLException e) {
            return "unreadable: " + e.getMessage();
        }
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
        for (int i = 0; i < 600; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Timed out waiting until " + what);
    }
}
