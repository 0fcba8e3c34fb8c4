package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.CREATE;
import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static com.hirerelay.factorial.testing.SandboxSettings.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.factorial.client.FactorialClientConfig;
import com.hirerelay.factorial.testing.Candidates;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.SandboxConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connection's POST limiter against the sandbox's POST limit (a sliding minute per key, 429 beyond it):
 * with both at 20 per minute, a burst of exports from several threads never meets a 429, and the 21st POST
 * waits in the plugin instead of being sent.
 */
class FactorialPacingHttpTest {

    private static final int LIMIT = 20;

    private final List<HrisConnection> opened = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private FactorialSandbox sandbox;

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
        opened.forEach(HrisConnection::close);
        sandbox.close();
    }

    /** One POST per export: the reference travels in the create, the candidate's e-mail is the login e-mail. */
    private ConnectionSettings onePostPerExport() {
        return forSandbox(sandbox, "reference_store", "company_identifier", "candidate_email_target", "login");
    }

    private HrisConnection connection(UnaryOperator<FactorialClientConfig> tuning) {
        FactorialConnection first =
                new FactorialConnection(onePostPerExport(), tuning, Duration.ofMillis(50), Clock.systemDefaultZone());
        opened.add(first);
        ConnectedAccount account = first.verify();
        FactorialConnection connection = new FactorialConnection(
                onePostPerExport().withAccountAttributes(account.attributes()),
                tuning,
                Duration.ofMillis(50),
                Clock.systemDefaultZone());
        opened.add(connection);
        return connection;
    }

    private static ExportResult exportHire(HrisConnection connection, int n) {
        return connection.export(
                connection.draftFor(Candidates.minimal("ats-burst-" + n, "burst" + n + "@example.com")));
    }

    @Test
    void aBurstOfExportsStaysUnderTheLimitAndTheNextPostWaitsInThePlugin() throws Exception {
        sandbox = FactorialSandbox.start(SandboxConfig.defaults().withPostLimitPerMinute(LIMIT));
        HrisConnection connection = connection(config -> config.withPostLimit(LIMIT, Duration.ofMinutes(1)));

        List<CompletableFuture<ExportResult>> burst = IntStream.range(0, LIMIT)
                .mapToObj(n -> CompletableFuture.supplyAsync(() -> exportHire(connection, n), threads))
                .toList();
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(burst)
                .extracting(export -> export.join().outcome())
                .as("outcomes of the burst")
                .containsOnly(ExportOutcome.CREATED);
        AtomicReference<Throwable> overLimit = new AtomicReference<>();
        Thread next = new Thread(() -> {
            try {
                exportHire(connection, LIMIT);
            } catch (Throwable failure) {
                overLimit.set(failure);
            }
        });
        next.start();
        next.join(1500);
        assertThat(next.isAlive()).as("the 21st export waits for the limiter").isTrue();
        next.interrupt();
        next.join(5000);

        assertThat(overLimit.get())
                .as("the waiting export, interrupted")
                .isInstanceOf(RemoteUnavailableException.class)
                .hasMessageContaining("nothing was sent");
        assertThat(requests(sandbox, "POST", CREATE)).as("creates sent").hasSize(LIMIT);
        assertThat(sandbox.rateLimitedResponses())
                .as("429 answers from the sandbox")
                .isZero();
    }

    @Test
    void withoutPacingTheSandboxLimitComesBackAsRateLimited() {
        // Documents why the limiter matters: the default limit (200/min) does not hold back the 6th POST,
        // and Factorial's Retry-After of up to a minute is longer than the client waits by itself (30 s).
        sandbox = FactorialSandbox.start(SandboxConfig.defaults().withPostLimitPerMinute(5));
        HrisConnection connection = connection(UnaryOperator.identity());
        IntStream.range(0, 5).forEach(n -> exportHire(connection, n));

        assertThatThrownBy(() -> exportHire(connection, 5))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        limited -> assertThat(limited.retryAfter())
                                .as("retryAfter")
                                .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(30))));
        assertThat(sandbox.employeeByEmail("burst5@example.com"))
                .as("the refused hire")
                .isEmpty();
    }
}
