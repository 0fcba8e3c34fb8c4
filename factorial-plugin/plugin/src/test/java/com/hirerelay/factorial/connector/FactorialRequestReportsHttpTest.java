package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisRequest;
import com.hirerelay.api.hris.HrisRequestListener;
import com.hirerelay.factorial.testing.Candidates;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.sandbox.Fault;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What the connection tells the host's {@link HrisRequestListener}: every request to the sandbox with a
 * label free of ids and e-mail addresses and the status it got, on the thread that called the connection
 * (the look-up sent side by side included), and the pause before retrying a 429.
 */
class FactorialRequestReportsHttpTest extends SandboxHttpTest {

    /** Records reports with the name of the thread they came on. */
    private static final class Recorder implements HrisRequestListener {
        final List<HrisRequest> requests = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        final List<long[]> waits = new ArrayList<>();

        @Override
        public synchronized void requestFinished(HrisRequest request) {
            requests.add(request);
            threads.add(Thread.currentThread().getName());
        }

        @Override
        public synchronized void rateBudgetWaited(long startNanos, long endNanos) {
            waits.add(new long[] {startNanos, endNanos});
        }
    }

    private HrisConnection connection(Recorder recorder) {
        FactorialConnection verifying = new FactorialConnection(forSandbox(sandbox));
        opened.add(verifying);
        ConnectedAccount account = verifying.verify();
        FactorialConnection connection = new FactorialConnection(
                forSandbox(sandbox).withAccountAttributes(account.attributes()),
                UnaryOperator.identity(),
                Duration.ofMillis(50),
                Clock.systemDefaultZone(),
                com.hirerelay.api.hris.RateBudget.inProcess(),
                recorder);
        opened.add(connection);
        return connection;
    }

    @Test
    void anExportReportsEachRequestWithItsEndpointAndStatusOnTheCallingThread() {
        Recorder recorder = new Recorder();
        HrisConnection connection = connection(recorder);
        var draft = connection.draftFor(Candidates.marta());
        recorder.requests.clear();
        recorder.threads.clear();
        sandbox.clearRequests();

        ExportResult result = connection.export(draft);

        assertThat(result.outcome()).isEqualTo(ExportOutcome.CREATED);
        assertThat(recorder.requests)
                .as("one report per request the sandbox received")
                .hasSize(sandbox.requests().size());
        assertThat(recorder.requests)
                .extracting(
                        request -> request.method() + " " + request.endpoint() + " " + request.status() / 100 + "xx")
                .as("labels carry no id, query or e-mail address")
                .containsExactlyInAnyOrder(
                        "GET employees/employees 2xx",
                        "GET custom_fields/values 2xx",
                        "GET employees/employees 2xx",
                        "POST employees/employees/create_with_contract 2xx",
                        "POST custom_fields/values 2xx",
                        "PUT employees/employees/{id} 2xx",
                        "GET contracts/reference_contracts 2xx",
                        "PUT contracts/contract_versions/{id} 2xx");
        assertThat(recorder.threads)
                .as("the look-ups sent from the connection's own threads are reported by the calling thread")
                .containsOnly(Thread.currentThread().getName());
        assertThat(recorder.requests)
                .allSatisfy(request -> assertThat(request.endNanos()).isGreaterThanOrEqualTo(request.startNanos()));
    }

    @Test
    void aRefusedRequestIsReportedPerAttemptAndThePauseBeforeTheRetryAsARateLimitWait() {
        Recorder recorder = new Recorder();
        HrisConnection connection = connection(recorder);
        sandbox.inject(Fault.rateLimited(0).on("GET", "companies/legal_entities"));

        connection.referenceData();

        assertThat(recorder.requests)
                .filteredOn(request -> request.endpoint().equals("companies/legal_entities"))
                .extracting(HrisRequest::status)
                .as("the 429 and the retry that went through")
                .containsExactly(429, 200);
        assertThat(recorder.waits)
                .as("the back-off after the 429 is a wait for the rate limit")
                .hasSize(1);
    }

    @Test
    void aRequestThatGetsNoAnswerIsReportedWithoutAStatus() {
        Recorder recorder = new Recorder();
        HrisConnection connection = connection(recorder);
        // The HTTP stack never tries again by itself (automatic retries are off): every attempt is the client's own.
        sandbox.inject(Fault.lostResponse().on("GET", "teams/teams"));

        connection.referenceData();

        List<HrisRequest> teams = recorder.requests.stream()
                .filter(request -> request.endpoint().equals("teams/teams"))
                .toList();
        assertThat(teams).as("the attempt without an answer, then the retry").hasSize(2);
        assertThat(teams.get(0).answered()).as("no answer: " + teams.get(0)).isFalse();
        assertThat(teams.get(0).status()).isEqualTo(HrisRequest.NO_ANSWER);
        assertThat(teams.get(1).status()).as("the retry went through").isEqualTo(200);
    }
}
