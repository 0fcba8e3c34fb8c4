package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.BY_EMAIL;
import static com.hirerelay.factorial.testing.SandboxSettings.CREATE;
import static com.hirerelay.factorial.testing.SandboxSettings.EMPLOYEES;
import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static com.hirerelay.factorial.testing.SandboxSettings.lookupsByEmail;
import static com.hirerelay.factorial.testing.SandboxSettings.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.factorial.client.FactorialClientConfig;
import com.hirerelay.factorial.mapping.DraftKeys;
import com.hirerelay.factorial.testing.Candidates;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.Fault;
import com.hirerelay.sandbox.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the connection turns Factorial's failures into the SPI's exceptions, over real HTTP against the sandbox's
 * injected faults. The client is tuned for speed: short back-off, 400 ms read time-out, 2 retries after 429.
 */
class FactorialErrorMappingHttpTest extends SandboxHttpTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    private static final UnaryOperator<FactorialClientConfig> FAST =
            config -> config.withReadTimeout(READ_TIMEOUT).withRetries(4, 2, Duration.ofMillis(20));
    private static final String MARTA = "marta@example.com";

    /** A verified connection (company id stored) with the fast client and the given pause before a second look. */
    private HrisConnection connection(Duration lookAgainPause) {
        FactorialConnection first =
                new FactorialConnection(forSandbox(sandbox), FAST, lookAgainPause, Clock.systemDefaultZone());
        opened.add(first);
        ConnectedAccount account = first.verify();
        FactorialConnection verified = new FactorialConnection(
                forSandbox(sandbox).withAccountAttributes(account.attributes()),
                FAST,
                lookAgainPause,
                Clock.systemDefaultZone());
        opened.add(verified);
        return verified;
    }

    private HrisConnection connection() {
        return connection(Duration.ofMillis(50));
    }

    /** Marta without job title and salary, so an export is the look-ups and one create. */
    private static EmployeeDraft marta(HrisConnection connection) {
        return connection
                .draftFor(Candidates.marta())
                .withValues(java.util.Map.of(
                        DraftKeys.JOB_TITLE, "", DraftKeys.SALARY_AMOUNT, "", DraftKeys.SALARY_FREQUENCY, ""));
    }

    private long employeesWithMartasEmail() {
        return sandbox.employees().stream()
                .filter(e -> MARTA.equals(e.get("email")))
                .count();
    }

    private List<RecordedRequest> creates() {
        return requests(sandbox, "POST", CREATE);
    }

    // ---- reads ------------------------------------------------------------------------------------------

    @Test
    void a401OnAReadIsInvalidCredentials() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.status(401).on("GET", EMPLOYEES));

        assertThatThrownBy(() -> connection.findExisting(draft))
                .as("401 on the duplicate check")
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void a403OnAReadIsAccessDenied() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.status(403).on("GET", EMPLOYEES));

        assertThatThrownBy(() -> connection.findExisting(draft))
                .as("403 on the duplicate check")
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void a403OnAReferenceListOffersThatListEmpty() {
        HrisConnection connection =
                new FactorialConnection(forSandbox(sandbox), FAST, Duration.ZERO, Clock.systemDefaultZone());
        opened.add(connection);
        sandbox.inject(Fault.status(403).on("GET", "teams/teams"));

        assertThat(connection.referenceData().options(DraftKeys.TEAMS))
                .as("teams the key may not read")
                .isEmpty();
        assertThat(connection.referenceData().options(DraftKeys.LOCATIONS))
                .as("locations")
                .hasSize(3);
    }

    @Test
    void a404OnAWholeListMeansTheApiVersionIsNoLongerServed() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.status(404).on("GET", EMPLOYEES).times(10));

        assertThatThrownBy(() -> connection.findExisting(draft))
                .as("404 on the employee list, which exists in every version Factorial serves")
                .isInstanceOfSatisfying(
                        com.hirerelay.api.ApiVersionUnavailableException.class,
                        gone -> assertThat(gone.apiVersion()).isEqualTo(FactorialSandbox.DEFAULT_VERSION))
                .hasMessageContaining("no longer serves API version");
    }

    @Test
    void a404OnOneRecordIsRemoteRejectedWith404() {
        HrisConnection connection = connection();
        sandbox.inject(Fault.status(404).on("PUT", "contracts/contract_versions"));

        ExportResult result = connection.export(connection.draftFor(Candidates.marta()));

        assertThat(result.warnings())
                .as("a missing contract version is a warning of the follow-up step, not a version problem")
                .singleElement()
                .satisfies(warning -> assertThat(warning.message()).contains("HTTP 404"));
    }

    @Test
    void a404OnVerifyPointsAtTheApiVersionAndBaseUrl() {
        HrisConnection connection =
                new FactorialConnection(forSandbox(sandbox), FAST, Duration.ZERO, Clock.systemDefaultZone());
        opened.add(connection);
        sandbox.inject(Fault.status(404).on("GET", "api_public/credentials"));

        assertThatThrownBy(connection::verify)
                .isInstanceOfSatisfying(
                        ValidationFailedException.class,
                        invalid -> assertThat(invalid.fieldErrors())
                                .extracting(FieldError::field)
                                .as("settings fields to check")
                                .containsExactly("api_version", "base_url"));
    }

    @Test
    void serverErrorsOnAReadAreRetriedUntilItSucceeds() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.clearRequests();
        sandbox.inject(Fault.status(500).on("GET", EMPLOYEES).whenQueryHas(BY_EMAIL));
        sandbox.inject(Fault.status(502, "<html><body>Bad gateway</body></html>")
                .on("GET", EMPLOYEES)
                .whenQueryHas(BY_EMAIL));
        sandbox.inject(Fault.status(503, "").on("GET", EMPLOYEES).whenQueryHas(BY_EMAIL));

        assertThat(connection.findExisting(draft))
                .as("duplicate check after 500, 502 and 503")
                .isEmpty();
        assertThat(lookupsByEmail(sandbox))
                .extracting(RecordedRequest::status)
                .as("statuses the client saw")
                .containsExactly(500, 502, 503, 200);
        assertThat(sandbox.requests())
                .as("four by e-mail, and the look-ups by reference and by name once each")
                .hasSize(6);
    }

    @Test
    void serverErrorsBeyondTheReadAttemptsAreRemoteUnavailable() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.clearRequests();
        sandbox.inject(Fault.status(503).on("GET", EMPLOYEES).times(10));

        assertThatThrownBy(() -> connection.findExisting(draft))
                .isInstanceOf(RemoteUnavailableException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(lookupsByEmail(sandbox)).as("read attempts by e-mail").hasSize(4);
        assertThat(sandbox.requests())
                .as("read attempts of the look-ups by e-mail and by name, one by reference")
                .hasSize(9);
    }

    @Test
    void a429OnAReadWaitsForRetryAfterThenSucceeds() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.clearRequests();
        sandbox.inject(Fault.rateLimited(1).on("GET", EMPLOYEES).whenQueryHas(BY_EMAIL));

        assertThat(connection.findExisting(draft))
                .as("duplicate check after one 429")
                .isEmpty();
        List<RecordedRequest> seen = lookupsByEmail(sandbox);
        assertThat(seen).extracting(RecordedRequest::status).as("statuses").containsExactly(429, 200);
        assertThat(Duration.between(seen.get(0).at(), seen.get(1).at()))
                .as("pause honouring Retry-After: 1")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void a429BeyondTheRetryBudgetIsRateLimitedCarryingRetryAfter() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.clearRequests();
        sandbox.inject(
                Fault.rateLimited(1).on("GET", EMPLOYEES).whenQueryHas(BY_EMAIL).times(10));

        Throwable failure = catchThrowable(() -> connection.findExisting(draft));

        assertThat(failure)
                .as("after 1 try and 2 retries")
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        limited -> assertThat(limited.retryAfter())
                                .as("retryAfter")
                                .contains(Duration.ofSeconds(1)));
        assertThat(lookupsByEmail(sandbox)).as("requests sent").hasSize(3);
    }

    @Test
    void a429AskingForALongWaitIsReportedAtOnce() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.clearRequests();
        sandbox.inject(Fault.rateLimited(120).on(null, null).times(10));

        Throwable failure = catchThrowable(() -> connection.export(draft));

        assertThat(failure)
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        limited -> assertThat(limited.retryAfter())
                                .as("retryAfter")
                                .contains(Duration.ofSeconds(120)));
        assertThat(sandbox.requests())
                .as("no retry when Factorial asks for more than the client waits: one request per look-up"
                        + " (e-mail, name, reference)")
                .hasSize(3);
        assertThat(employeesWithMartasEmail()).as("employees created").isZero();
    }

    @Test
    void aReadThatTimesOutIsRetriedThenReportedAsUnavailable() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(
                Fault.delay(READ_TIMEOUT.multipliedBy(3)).on("GET", EMPLOYEES).whenQueryHas(BY_EMAIL));

        assertThat(connection.findExisting(draft))
                .as("a slow answer once, then a quick one")
                .isEmpty();

        sandbox.inject(Fault.delay(READ_TIMEOUT.multipliedBy(3))
                .on("GET", EMPLOYEES)
                .whenQueryHas(BY_EMAIL)
                .times(4));
        assertThatThrownBy(() -> connection.findExisting(draft))
                .as("four slow answers")
                .isInstanceOf(RemoteUnavailableException.class)
                .hasMessageContaining("no answer within 400 ms");
    }

    @Test
    void unreadableAnswersToAReadAreRetriedThenReportedAsUnavailable() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.malformedJson().on("GET", EMPLOYEES).whenQueryHas(BY_EMAIL));
        sandbox.inject(Fault.truncatedBody().on("GET", EMPLOYEES).whenQueryHas(BY_EMAIL));

        assertThat(connection.findExisting(draft))
                .as("after a malformed and a truncated answer")
                .isEmpty();

        sandbox.inject(Fault.malformedJson()
                .on("GET", EMPLOYEES)
                .whenQueryHas(BY_EMAIL)
                .times(4));
        assertThatThrownBy(() -> connection.findExisting(draft))
                .isInstanceOf(RemoteUnavailableException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void a429OnTheCreateIsSentAgainAfterRetryAfterBecauseNothingWasDone() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.rateLimited(1).on("POST", CREATE));

        ExportResult result = connection.export(draft);

        assertThat(result.outcome()).as("outcome").isEqualTo(ExportOutcome.CREATED);
        assertThat(creates())
                .extracting(RecordedRequest::status)
                .as("create requests")
                .containsExactly(429, 200);
        assertThat(employeesWithMartasEmail()).as("employees").isEqualTo(1);
    }

    // ---- refusals of the create ---------------------------------------------------------------------------

    /**
     * Marta's draft leaves the login e-mail empty and has her e-mail as the personal one, which is then sent
     * as Factorial's {@code email}: a refusal of it belongs beside the personal e-mail, where it was typed.
     */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "{\"errors\":{\"errors\":[\"Email has already been taken\"]}}",
                        DraftKeys.PERSONAL_EMAIL,
                        "Email has already been taken"),
                Arguments.of(
                        "{\"errors\":[\"Legal entity not found\"]}",
                        DraftKeys.LEGAL_ENTITY_ID,
                        "Legal entity not found"),
                Arguments.of(
                        "{\"message\":\"First name can't be blank\"}",
                        DraftKeys.FIRST_NAME,
                        "First name can't be blank"),
                Arguments.of(
                        "{\"errors\":{\"email\":[\"is invalid\"]}}", DraftKeys.PERSONAL_EMAIL, "Email is invalid"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void a422RefusalOfTheCreateBecomesAFieldError(String body, String field, String message) {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.status(422, body).on("POST", CREATE));

        assertThatThrownBy(() -> connection.export(draft))
                .as("export refused with %s", body)
                .isInstanceOfSatisfying(
                        ValidationFailedException.class,
                        invalid -> assertThat(invalid.fieldErrors())
                                .as("field errors")
                                .containsExactly(new FieldError(field, message)));
        assertThat(creates()).as("a refused create is not sent again").hasSize(1);
    }

    @Test
    void aRefusedLoginEmailIsShownBesideTheLoginEmailWhenOneWasTyped() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection).withValues(Map.of(DraftKeys.EMAIL, "marta.login@example.com"));
        sandbox.inject(
                Fault.status(422, "{\"errors\":{\"email\":[\"is invalid\"]}}").on("POST", CREATE));

        assertThatThrownBy(() -> connection.export(draft))
                .isInstanceOfSatisfying(
                        ValidationFailedException.class,
                        invalid -> assertThat(invalid.fieldErrors())
                                .as("the login e-mail was sent as email, so the refusal is about it")
                                .containsExactly(new FieldError(DraftKeys.EMAIL, "Email is invalid")));
    }

    @Test
    void a422WithRawTextIsRefusedWithThatText() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.status(422, "Unprocessable: contract overlaps").on("POST", CREATE));

        assertThatThrownBy(() -> connection.export(draft))
                .isInstanceOfSatisfying(
                        ValidationFailedException.class,
                        invalid -> assertThat(invalid.fieldErrors())
                                .as("no field to attach it to")
                                .isEmpty())
                .hasMessageContaining("Unprocessable: contract overlaps");
    }

    // ---- unclear outcomes of the create -------------------------------------------------------------------

    @Test
    void a500AfterTheEmployeeWasCreatedIsSettledByTheLookUp() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.afterCommit(500).on("POST", CREATE));

        ExportResult result = connection.export(draft);

        assertThat(result.outcome())
                .as("the look-up finds the employee the 500 hid")
                .isEqualTo(ExportOutcome.CREATED);
        assertThat(result.employeeId())
                .as("employee id")
                .isEqualTo(String.valueOf(
                        sandbox.employeeByEmail(MARTA).orElseThrow().get("id")));
        assertThat(creates()).as("create requests").hasSize(1);
        assertThat(employeesWithMartasEmail()).as("employees").isEqualTo(1);
    }

    @Test
    void a503WithoutAnEmployeeAllowsExactlyOneMoreCreate() {
        // Documented policy (FactorialConnection.create): a 5xx whose look-up confirms no employee may be sent once
        // more.
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.status(503).on("POST", CREATE));

        ExportResult result = connection.export(draft);

        assertThat(result.outcome()).as("second create succeeds").isEqualTo(ExportOutcome.CREATED);
        assertThat(creates())
                .extracting(RecordedRequest::status)
                .as("create requests")
                .containsExactly(503, 200);
        assertThat(employeesWithMartasEmail()).as("employees").isEqualTo(1);
    }

    @Test
    void two503sOnTheCreateAreRemoteUnavailableAndCreateNothing() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.status(503).on("POST", CREATE).times(5));

        assertThatThrownBy(() -> connection.export(draft))
                .isInstanceOf(RemoteUnavailableException.class)
                .hasMessageContaining("No employee was created");
        assertThat(creates()).as("create requests: the first and the one retry").hasSize(2);
        assertThat(employeesWithMartasEmail()).as("employees").isZero();
    }

    @Test
    void aLostResponseToTheCreateIsSettledByTheLookUp() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.lostResponse().on("POST", CREATE));

        ExportResult result = connection.export(draft);

        assertThat(result.outcome()).as("outcome").isEqualTo(ExportOutcome.CREATED);
        assertThat(result.employeeId()).as("employee id").isNotBlank();
        assertThat(creates())
                .as("create requests: the HTTP stack must not resend the POST")
                .hasSize(1);
        assertThat(employeesWithMartasEmail()).as("employees").isEqualTo(1);
    }

    @Test
    void aCreateThatTimesOutIsFoundOnTheSecondLook() {
        HrisConnection connection = connection(Duration.ofMillis(1500));
        EmployeeDraft draft = marta(connection);
        // The sandbox sleeps, then creates: the client gives up first and finds the employee after its pause.
        sandbox.inject(Fault.delay(READ_TIMEOUT.multipliedBy(2)).on("POST", CREATE));

        ExportResult result = connection.export(draft);

        assertThat(result.outcome()).as("outcome").isEqualTo(ExportOutcome.CREATED);
        assertThat(creates()).as("create requests").hasSize(1);
        assertThat(employeesWithMartasEmail()).as("employees").isEqualTo(1);
    }

    @Test
    void aCreateThatTimesOutAndIsNotListedYetIsAnUnknownOutcome() throws InterruptedException {
        HrisConnection connection = connection(Duration.ofMillis(10));
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.delay(Duration.ofMillis(1500)).on("POST", CREATE));

        assertThatThrownBy(() -> connection.export(draft))
                .isInstanceOf(ExportOutcomeUnknownException.class)
                .hasMessageContaining("Do not create the employee by hand");
        Thread.sleep(1500);
        assertThat(creates()).as("create requests").hasSize(1);
        assertThat(employeesWithMartasEmail())
                .as("the slow create did happen, once")
                .isEqualTo(1);
    }

    @Test
    void aMalformedAnswerToTheCreateIsNeverASuccess() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.malformedJson().on("POST", CREATE));

        assertThatThrownBy(() -> connection.export(draft))
                .as("200 with HTML, nothing created")
                .isInstanceOf(ExportOutcomeUnknownException.class);
        assertThat(creates()).as("create requests").hasSize(1);
        assertThat(employeesWithMartasEmail()).as("employees").isZero();
    }

    @Test
    void anAnswerWithoutAnIdToTheCreateIsNeverASuccess() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.status(200, "{\"data\":{}}").on("POST", CREATE));

        assertThatThrownBy(() -> connection.export(draft))
                .isInstanceOf(ExportOutcomeUnknownException.class)
                .hasMessageContaining("names no employee id");
        assertThat(creates()).as("create requests").hasSize(1);
    }

    @Test
    void aTruncatedAnswerToTheCreateIsSettledByTheLookUp() {
        HrisConnection connection = connection();
        EmployeeDraft draft = marta(connection);
        sandbox.inject(Fault.truncatedBody().on("POST", CREATE));

        ExportResult result = connection.export(draft);

        assertThat(result.outcome()).as("outcome").isEqualTo(ExportOutcome.CREATED);
        assertThat(result.employeeId())
                .as("the id comes from the look-up, not the half answer")
                .isEqualTo(String.valueOf(
                        sandbox.employeeByEmail(MARTA).orElseThrow().get("id")));
        assertThat(creates()).as("create requests").hasSize(1);
    }

    @Test
    void aFailingFollowUpStepIsAWarningNotAFailure() {
        HrisConnection connection = connection();
        EmployeeDraft draft = connection.draftFor(Candidates.marta());
        sandbox.inject(Fault.status(500).on("POST", "custom_fields/values"));

        ExportResult result = connection.export(draft);

        assertThat(result.outcome()).as("outcome").isEqualTo(ExportOutcome.CREATED);
        assertThat(result.warnings()).as("warnings").singleElement().satisfies(warning -> {
            assertThat(warning.step()).isEqualTo("Record the HireRelay reference");
            assertThat(warning.message()).as("says what to enter by hand").contains("hirerelay:ats:ats-4711");
        });
        assertThat(requests(sandbox, "POST", "custom_fields/values"))
                .as("a follow-up POST is not resent")
                .hasSize(1);
    }
}
