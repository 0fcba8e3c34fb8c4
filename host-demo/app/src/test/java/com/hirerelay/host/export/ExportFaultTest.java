package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Factorial's failures, injected by the sandbox, seen through the host: a clear answer for the user,
 * the draft kept, and a history that never claims an employee Factorial does not have nor misses one
 * it does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportFaultTest {

    private static final String CREATE = "employees/employees/create_with_contract";
    private static final String EMPLOYEES = "employees/employees";
    private static final String CUSTOM_FIELD_VALUES = "custom_fields/values";

    // One host for the class; the extension clears the sandbox's faults after every test.
    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    ApiClient recruiter;
    int next;

    @BeforeAll
    void signIn() {
        recruiter = host.signIn(RECRUITER);
    }

    /** A hired candidate no other test of this class has used. */
    private JsonNode freshHiredCandidate() {
        JsonNode row = recruiter
                .get("/api/candidates?status=HIRED&pageSize=1&page=" + (++next))
                .json()
                .get("items")
                .get(0);
        assertThat(row).as("enough hired candidates for every test").isNotNull();
        return row;
    }

    private ApiClient.Answer export(long id, Map<String, String> values) {
        return recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", values));
    }

    /** The invariant: our history records a successful export exactly when Factorial has the employee. */
    private void assertHistoryMatchesFactorial(JsonNode candidate) {
        String email = candidate.get("email").asText();
        boolean inFactorial = host.sandbox().employeeByEmail(email).isPresent();
        JsonNode exports = recruiter
                .get("/api/candidates/" + candidate.get("id").asLong())
                .json()
                .get("exports");
        assertThat(exports.size() > 0)
                .as("history claims an export of " + email + " (Factorial has it: " + inFactorial + ")")
                .isEqualTo(inFactorial);
        if (inFactorial) {
            assertThat(exports.get(0).get("employeeId").asText())
                    .as("the recorded employee id")
                    .isEqualTo(String.valueOf(
                            host.sandbox().employeeByEmail(email).orElseThrow().get("id")));
        }
    }

    @Test
    void rateLimitingBeyondTheRetryBudgetTellsTheUserWhenToRetryAndKeepsTheDraft() {
        JsonNode candidate = freshHiredCandidate();
        long id = candidate.get("id").asLong();
        host.sandbox().inject(Fault.rateLimited(2).on("POST", CREATE).times(50));
        var answer = export(id, Map.of("first_name", "Edited Name"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(answer.json().get("code").asText()).isEqualTo("rate_limited");
        assertThat(answer.json().get("retryAfterSeconds").asLong()).isEqualTo(2);
        host.sandbox().clearFaults();
        JsonNode draft = recruiter
                .get("/api/candidates/" + id + "/exports/factorial/draft")
                .json();
        assertThat(draft.get("restoredFromAttempt").isNull())
                .as("the failed attempt's edits are restored")
                .isFalse();
        assertThat(draft.get("fields").toString()).contains("Edited Name");
        assertHistoryMatchesFactorial(candidate);
    }

    @Test
    void aServerErrorAfterFactorialCreatedTheEmployeeIsRecordedAsTheExportItWas() {
        JsonNode candidate = freshHiredCandidate();
        host.sandbox().inject(Fault.afterCommit(500).on("POST", CREATE));
        var answer = export(candidate.get("id").asLong(), Map.of());
        assertThat(answer.status()).as(answer.toString()).isIn(200, 502);
        assertHistoryMatchesFactorial(candidate);
        var again = export(candidate.get("id").asLong(), Map.of());
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertHistoryMatchesFactorial(candidate);
        assertThat(host.sandbox().employees().stream()
                        .filter(e -> candidate.get("email").asText().equalsIgnoreCase(String.valueOf(e.get("email"))))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aServiceUnavailableCreateIsAClearErrorAndNothingIsRecorded() {
        JsonNode candidate = freshHiredCandidate();
        host.sandbox().inject(Fault.status(503).on("POST", CREATE).times(10));
        var answer = export(candidate.get("id").asLong(), Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(502);
        assertThat(answer.json().get("message").asText()).isNotBlank();
        assertHistoryMatchesFactorial(candidate);
    }

    @Test
    void truncatedOrMalformedAnswersAreNeverRecordedAsASuccessFactorialDoesNotHave() {
        for (Fault fault : new Fault[] {
            Fault.truncatedBody().on("POST", CREATE),
            Fault.malformedJson().on("POST", CREATE),
            Fault.lostResponse().on("POST", CREATE)
        }) {
            JsonNode candidate = freshHiredCandidate();
            host.sandbox().inject(fault);
            var answer = export(candidate.get("id").asLong(), Map.of());
            assertThat(answer.status()).as(answer.toString()).isIn(200, 502);
            assertHistoryMatchesFactorial(candidate);
        }
    }

    @Test
    void factorialRefusingTheDraftShowsItsFieldErrorsAndKeepsTheEdits() {
        JsonNode candidate = freshHiredCandidate();
        long id = candidate.get("id").asLong();
        host.sandbox()
                .inject(Fault.status(422, "{\"errors\":{\"errors\":[\"Email has already been taken\"]}}")
                        .on("POST", CREATE));
        var answer = export(id, Map.of("last_name", "Kept-Edit"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().get("fieldErrors").toString()).contains("email");
        JsonNode draft = recruiter
                .get("/api/candidates/" + id + "/exports/factorial/draft")
                .json();
        assertThat(draft.get("fields").toString()).as("restored draft").contains("Kept-Edit");
        assertHistoryMatchesFactorial(candidate);
    }

    @Test
    void invalidDraftValuesAreRefusedBeforeAnythingIsSent() {
        JsonNode candidate = freshHiredCandidate();
        host.sandbox().clearRequests();
        var answer = export(candidate.get("id").asLong(), Map.of("email", "not-an-email", "first_name", "   "));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().get("fieldErrors").findValuesAsText("field")).contains("email", "first_name");
        assertThat(host.sandbox().requests().stream().filter(r -> r.method().equals("POST")))
                .as("POSTs sent to Factorial")
                .isEmpty();
        var unknown = export(candidate.get("id").asLong(), Map.of("no_such_field", "x"));
        assertThat(unknown.status()).isEqualTo(422);
        assertHistoryMatchesFactorial(candidate);
    }

    @Test
    void aRevokedKeyMarksTheIntegrationForReconnectionWhichAdminsSee() {
        JsonNode candidate = freshHiredCandidate();
        host.sandbox().inject(Fault.status(401).times(20));
        var answer = export(candidate.get("id").asLong(), Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.json().get("code").asText()).isEqualTo("needs_reconnection");
        host.sandbox().clearFaults();
        ApiClient admin = host.signIn(ADMIN);
        JsonNode card = admin.get("/api/integrations")
                .json()
                .get("sections")
                .get(0)
                .get("cards")
                .get(0);
        assertThat(card.get("status").asText()).isEqualTo("NEEDS_RECONNECTION");
        assertThat(admin.get("/api/integrations/factorial")
                        .json()
                        .get("problem")
                        .asText())
                .isNotBlank();
        assertThat(recruiter
                        .get("/api/candidates/" + candidate.get("id").asLong())
                        .json()
                        .get("menu"))
                .as("no export menu while the connection is broken")
                .isEmpty();
        // Reconnecting with the right key brings exports back.
        var reconnected = admin.post(
                "/api/integrations/factorial",
                Map.of("values", Map.of("api_key", host.sandbox().apiKey())));
        assertThat(reconnected.status()).as(reconnected.toString()).isEqualTo(201);
        assertThat(export(candidate.get("id").asLong(), Map.of()).status()).isEqualTo(200);
        assertHistoryMatchesFactorial(candidate);
    }

    // The reads below go through the packaged plugin jar, whose bundled Jersey and Jackson are minimized:
    // every failure path of a read must still find the classes it needs.

    @Test
    void failedReadsOfTheDuplicateCheckAreRetriedAndTheExportGoesThrough() {
        JsonNode candidate = freshHiredCandidate();
        host.sandbox().clearRequests();
        // The check's three look-ups, sent side by side: our reference in the custom field, the e-mails, the
        // name. Each fails twice in a different way before it is answered.
        host.sandbox().inject(Fault.status(500).on("GET", EMPLOYEES).whenQueryHas("emails[]"));
        host.sandbox().inject(Fault.truncatedBody().on("GET", EMPLOYEES).whenQueryHas("emails[]"));
        host.sandbox().inject(Fault.malformedJson().on("GET", EMPLOYEES).whenQueryHas("full_text_name"));
        host.sandbox().inject(Fault.rateLimited(null).on("GET", EMPLOYEES).whenQueryHas("full_text_name"));
        host.sandbox().inject(Fault.status(503).on("GET", CUSTOM_FIELD_VALUES).whenQueryHas("value"));
        host.sandbox()
                .inject(Fault.malformedJson().on("GET", CUSTOM_FIELD_VALUES).whenQueryHas("value"));

        var answer = export(candidate.get("id").asLong(), Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asText()).isEqualTo("CREATED");
        assertThat(lookups("emails[]"))
                .as("look-ups by e-mail: two failed, then a good one")
                .isEqualTo(3);
        assertThat(lookups("full_text_name"))
                .as("look-ups by name: two failed, then a good one")
                .isEqualTo(3);
        assertThat(host.sandbox().requests().stream()
                        .filter(r -> r.method().equals("GET")
                                && CUSTOM_FIELD_VALUES.equals(r.resource())
                                && r.query().contains("value=hirerelay")))
                .as("look-ups by our reference: two failed, then a good one")
                .hasSize(3);
        assertThat(host.sandbox().employees().stream()
                        .filter(employee ->
                                employee.containsValue(candidate.get("email").asText())))
                .as("created once")
                .hasSize(1);
        assertHistoryMatchesFactorial(candidate);
    }

    private long lookups(String parameter) {
        String encoded = parameter.replace("[", "%5B").replace("]", "%5D") + "=";
        return host.sandbox().requests().stream()
                .filter(r -> r.method().equals("GET") && EMPLOYEES.equals(r.resource()))
                .filter(r -> r.query() != null && r.query().contains(encoded))
                .count();
    }

    @Test
    void aDuplicateCheckThatTimesOutFailsTheExportAndCreatesNothing() {
        JsonNode candidate = freshHiredCandidate();
        ApiClient admin = host.signIn(ADMIN);
        connect(admin, Map.of("api_key", host.sandbox().apiKey(), "read_timeout_seconds", "1"));
        try {
            host.sandbox()
                    .inject(Fault.delay(Duration.ofSeconds(2))
                            .on("GET", EMPLOYEES)
                            .whenQueryHas("emails[]")
                            .times(3));

            var answer = export(candidate.get("id").asLong(), Map.of());

            assertThat(answer.status()).as(answer.toString()).isEqualTo(502);
            assertThat(answer.json().get("message").asText())
                    .as("what the user reads")
                    .contains("no answer within 1 s");
            assertThat(host.sandbox().employeeByEmail(candidate.get("email").asText()))
                    .as("employee created")
                    .isEmpty();
            assertHistoryMatchesFactorial(candidate);
        } finally {
            connect(admin, Map.of("api_key", host.sandbox().apiKey()));
        }
    }

    private static void connect(ApiClient admin, Map<String, String> values) {
        admin.delete("/api/integrations/factorial");
        var connected = admin.post("/api/integrations/factorial", Map.of("values", values));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
    }

    @Test
    void candidatesWhoAreNotHiredCannotBeExported() {
        JsonNode active = recruiter
                .get("/api/candidates?status=ACTIVE&pageSize=1")
                .json()
                .get("items")
                .get(0);
        var answer = export(active.get("id").asLong(), Map.of());
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("code").asText()).isEqualTo("not_exportable");
        assertThat(recruiter
                        .get("/api/candidates/" + active.get("id").asLong() + "/exports/factorial/draft")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aCreateWhoseAnswerIsLostStillGetsItsFollowUpStepsAndTheHistoryShowsEach() {
        JsonNode candidate = freshHiredCandidate();
        long id = candidate.get("id").asLong();
        // Factorial commits the create and the connection drops before the answer: the connector looks the
        // employee up, finds it, and must still set job title and salary on it.
        host.sandbox().inject(Fault.lostResponse().on("POST", CREATE));

        ApiClient.Answer answer = export(id, Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asText()).isEqualTo("CREATED");
        String employeeId = answer.json().get("employeeId").asText();
        List<Map<String, Object>> contracts = host.sandbox().contractVersions(employeeId);
        assertThat(contracts.get(contracts.size() - 1).get("salary_amount"))
                .as("salary on the contract")
                .isNotNull();
        JsonNode attempt = host.signIn(ADMIN)
                .get("/api/exports?candidateId=" + id)
                .json()
                .get("items")
                .get(0);
        Map<String, String> steps = new java.util.LinkedHashMap<>();
        attempt.get("steps")
                .forEach(step ->
                        steps.put(step.get("stepId").asText(), step.get("state").asText()));
        assertThat(steps).as("each step with its outcome").containsEntry("contract-version", "DONE");
        assertThat(steps.values()).as("no step left open").doesNotContain("PENDING", "RUNNING");
        assertHistoryMatchesFactorial(candidate);
    }
}
