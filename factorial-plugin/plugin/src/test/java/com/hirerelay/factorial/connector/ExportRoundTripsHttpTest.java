package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisRequest;
import com.hirerelay.api.hris.HrisRequestListener;
import com.hirerelay.api.hris.RateBudget;
import com.hirerelay.factorial.testing.Candidates;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.sandbox.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 against the sandbox over real HTTP: after the create, the export's steps (the reference, the personal
 * e-mail, the contract version) need only the new employee's id, so none waits for another's answer. Proven by
 * order, not by time: one step is held back in the sandbox, and the others finish before it.
 */
class ExportRoundTripsHttpTest extends SandboxHttpTest {

    private static final String PERSONAL_EMAIL_PUT = "employees/employees/";
    private static final String CONTRACT_VERSION_PUT = "contracts/contract_versions/";

    private final FactorialConnector connector = new FactorialConnector();

    private HrisConnection verified(HrisRequestListener listener) {
        HrisConnection first = connector.open(forSandbox(sandbox));
        opened.add(first);
        ConnectedAccount account = first.verify();
        HrisConnection connection = connector.open(
                forSandbox(sandbox).withAccountAttributes(account.attributes()), RateBudget.inProcess(), listener);
        opened.add(connection);
        return connection;
    }

    /** Marta with a personal e-mail, job title and salary: every step after the create has work to do. */
    private static EmployeeDraft marta(HrisConnection connection) {
        return connection
                .draftFor(Candidates.marta())
                .withValues(Map.of("legal_entity_id", "7", "team_id", "9", "manager_id", "2"));
    }

    @Test
    void theStepsAfterTheCreateDoNotWaitForEachOther() {
        List<HrisRequest> reported = Collections.synchronizedList(new ArrayList<>());
        Thread caller = Thread.currentThread();
        List<Thread> reportingThreads = Collections.synchronizedList(new ArrayList<>());
        HrisConnection connection = verified(new HrisRequestListener() {
            @Override
            public void requestFinished(HrisRequest request) {
                reported.add(request);
                reportingThreads.add(Thread.currentThread());
            }
        });
        sandbox.clearRequests(); // verify's requests went through another connection
        // The personal e-mail's PUT is answered after 2 s: steps sent one after the other would wait for it.
        sandbox.inject(Fault.delay(Duration.ofSeconds(2)).on("PUT", PERSONAL_EMAIL_PUT));

        ExportResult result = connection.export(marta(connection));

        assertThat(result.outcome()).isEqualTo(ExportOutcome.CREATED);
        assertThat(result.warnings()).as("every step succeeded").isEmpty();
        List<String> answered = sandbox.requests().stream()
                .map(request -> request.method() + " " + request.resource())
                .toList();
        int personalEmail = indexOf(answered, "PUT " + PERSONAL_EMAIL_PUT);
        assertThat(indexOf(answered, "PUT " + CONTRACT_VERSION_PUT))
                .as("the contract step was answered while the personal e-mail's PUT was held back: %s", answered)
                .isLessThan(personalEmail);
        assertThat(indexOf(answered, "POST custom_fields/values"))
                .as("so was the reference: %s", answered)
                .isLessThan(personalEmail);
        assertThat(sandbox.employeeByEmail("marta@example.com").orElseThrow())
                .as("the held-back step still completed")
                .containsEntry("personal_email", "marta@example.com");
        assertThat(reported)
                .as("every request is reported, also those sent from the connection's own threads")
                .hasSize(sandbox.requests().size());
        assertThat(reportingThreads)
                .as("reported on the thread that called export")
                .containsOnly(caller);
    }

    @Test
    void failedStepsBecomeWarningsInTheStepsOrderAndTheOthersStillComplete() {
        HrisConnection connection = verified(HrisRequestListener.NONE);
        sandbox.inject(Fault.status(422).on("PUT", PERSONAL_EMAIL_PUT));
        sandbox.inject(Fault.status(422).on("PUT", CONTRACT_VERSION_PUT));

        ExportResult result = connection.export(marta(connection));

        assertThat(result.outcome()).isEqualTo(ExportOutcome.CREATED);
        assertThat(result.warnings().stream().map(ExportWarning::step).toList())
                .as("one warning per failed step, in the order the steps are listed")
                .containsExactly("Set the personal e-mail", "Set job title and salary");
        assertThat(sandbox.customFieldValues(result.employeeId()))
                .as("the reference step, which did not fail, recorded the reference")
                .isNotEmpty();
    }

    private static int indexOf(List<String> answered, String prefix) {
        for (int i = 0; i < answered.size(); i++) {
            if (answered.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no request " + prefix + " in " + answered);
    }
}
