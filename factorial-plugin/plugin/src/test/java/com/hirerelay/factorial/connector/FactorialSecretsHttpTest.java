package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.BY_EMAIL;
import static com.hirerelay.factorial.testing.SandboxSettings.CREATE;
import static com.hirerelay.factorial.testing.SandboxSettings.EMPLOYEES;
import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.settings.ConnectionDetail;
import com.hirerelay.factorial.client.FactorialClientConfig;
import com.hirerelay.factorial.settings.FactorialSettingsPanel;
import com.hirerelay.factorial.testing.Candidates;
import com.hirerelay.factorial.testing.LogCapture;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.factorial.testing.SandboxSettings;
import com.hirerelay.sandbox.Fault;
import com.hirerelay.sandbox.RecordedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API key goes into the {@code x-api-key} header and nowhere else: not into logs, exception messages or
 * stack traces, {@code toString}s or connection details, even when Factorial echoes it back in an error.
 */
class FactorialSecretsHttpTest extends SandboxHttpTest {

    private static final UnaryOperator<FactorialClientConfig> FAST =
            config -> config.withReadTimeout(Duration.ofMillis(300)).withRetries(2, 1, Duration.ofMillis(10));

    private final List<Throwable> failures = new ArrayList<>();
    private String key;

    @BeforeEach
    void rememberKey() {
        key = sandbox.apiKey();
    }

    private HrisConnection open(ConnectionSettings settings) {
        FactorialConnection connection =
                new FactorialConnection(settings, FAST, Duration.ofMillis(10), Clock.systemDefaultZone());
        opened.add(connection);
        return connection;
    }

    private void expectFailure(Runnable call) {
        Throwable failure = catchThrowable(call::run);
        assertThat(failure).as("the call was meant to fail").isNotNull();
        failures.add(failure);
    }

    private EmployeeDraft hire(HrisConnection connection, String id) {
        return connection.draftFor(Candidates.minimal(id, id + "@example.com"));
    }

    @Test
    void theApiKeyAppearsNowhereButInTheHeaderDuringAFullRunWithFailures() {
        ConnectionSettings settings = forSandbox(sandbox, "send_invitation", "true");
        String echo = "{\"message\":\"key " + key + " is not allowed here\"}";
        String logs;
        ConnectedAccount account;
        HrisConnection connection;
        try (LogCapture capture = LogCapture.start()) {
            account = open(settings).verify();
            connection = open(settings.withAccountAttributes(account.attributes()));
            connection.referenceData();
            EmployeeDraft marta = connection.draftFor(Candidates.marta());
            assertThat(connection.export(marta).outcome()).as("first export").isEqualTo(ExportOutcome.CREATED);
            assertThat(connection.export(marta).outcome()).as("second export").isEqualTo(ExportOutcome.ALREADY_EXISTS);

            sandbox.inject(Fault.status(500, "<html>upstream said " + key + "</html>")
                    .on("GET", EMPLOYEES)
                    .whenQueryHas(BY_EMAIL)
                    .times(2));
            expectFailure(() -> connection.findExisting(hire(connection, "s1")));
            sandbox.inject(Fault.status(403, echo).on("GET", EMPLOYEES).whenQueryHas(BY_EMAIL));
            expectFailure(() -> connection.findExisting(hire(connection, "s2")));
            sandbox.inject(Fault.status(404, echo).on("GET", EMPLOYEES).whenQueryHas(BY_EMAIL));
            expectFailure(() -> connection.findExisting(hire(connection, "s3")));
            sandbox.inject(Fault.status(422, echo).on("POST", CREATE));
            expectFailure(() -> connection.export(hire(connection, "s4")));
            sandbox.inject(Fault.status(503, echo).on("POST", CREATE).times(2));
            expectFailure(() -> connection.export(hire(connection, "s5")));
            sandbox.inject(Fault.malformedJson().on("POST", CREATE));
            expectFailure(() -> connection.export(hire(connection, "s6")));
            sandbox.inject(Fault.delay(Duration.ofMillis(600))
                    .on("GET", EMPLOYEES)
                    .whenQueryHas(BY_EMAIL)
                    .times(2));
            expectFailure(() -> connection.findExisting(hire(connection, "s7")));
            sandbox.inject(Fault.rateLimited(120).on("GET", EMPLOYEES).whenQueryHas(BY_EMAIL));
            expectFailure(() -> connection.findExisting(hire(connection, "s8")));
            sandbox.inject(Fault.status(422, echo).on("POST", "employees/employees/invite"));
            assertThat(connection.export(hire(connection, "s9")).warnings())
                    .as("warnings of a refused invitation")
                    .isNotEmpty()
                    .allSatisfy(warning -> assertThat(warning.message()).doesNotContain(key));
            expectFailure(
                    () -> open(SandboxSettings.withKey(sandbox, key + "-typo")).verify());
            logs = capture.text();
        }

        assertThat(logs)
                .as("the run logged something to check")
                .contains("Created Factorial employee")
                .contains("retrying");
        assertThat(logs).as("captured logs").doesNotContain(key);
        assertThat(failures).as("failures of the run").hasSize(9);
        for (Throwable failure : failures) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString())
                    .as("stack trace with causes of %s", failure.getClass().getSimpleName())
                    .doesNotContain(key);
        }
        assertThat(connection.toString()).as("connection.toString()").doesNotContain(key);
        assertThat(settings.toString()).as("settings.toString()").doesNotContain(key);
        assertThat(account.toString()).as("account.toString()").doesNotContain(key);
        assertThat(new FactorialSettingsPanel().connectionDetails(account, settings))
                .extracting(ConnectionDetail::value)
                .as("connection details")
                .noneMatch(value -> value != null && value.contains(key));
        for (RecordedRequest request : sandbox.requests()) {
            assertThat(request.header("x-api-key"))
                    .as("the key travels in x-api-key of %s", request.path())
                    .isEqualTo("[redacted]");
            assertThat(request.path() + " " + request.query() + " " + request.body())
                    .as("path, query and body of %s", request.path())
                    .doesNotContain(key);
        }
    }
}
