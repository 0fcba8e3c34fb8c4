package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.testing.SandboxSettings.forSandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.factorial.settings.FactorialSettingsPanel;
import com.hirerelay.factorial.testing.SandboxHttpTest;
import com.hirerelay.sandbox.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The time-out is a connection setting an admin can change; a slow Factorial is cut off after the
 * configured time, not the default.
 */
class FactorialTimeoutSettingsHttpTest extends SandboxHttpTest {

    @Test
    void aConfiguredReadTimeoutCutsOffASlowFactorial() {
        sandbox.inject(Fault.delay(Duration.ofSeconds(4)).times(20));
        long started = System.nanoTime();
        try (HrisConnection connection =
                new FactorialConnector().open(forSandbox(sandbox, "read_timeout_seconds", "1"))) {
            assertThatThrownBy(connection::verify).isInstanceOf(RemoteUnavailableException.class);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        // Three read attempts of about 1 s each, far below the 30 s default per attempt.
        assertThat(seconds)
                .as("seconds until the slow Factorial was given up on")
                .isLessThan(12);
    }

    @Test
    void timeoutsOutsideOneTo300SecondsAreRefusedBesideTheirField() {
        var panel = new FactorialSettingsPanel();
        assertThat(panel.validate(Map.of("api_key", "k", "read_timeout_seconds", "0")))
                .extracting(error -> error.field())
                .containsExactly("read_timeout_seconds");
        assertThat(panel.validate(Map.of("api_key", "k", "read_timeout_seconds", "abc")))
                .extracting(error -> error.field())
                .containsExactly("read_timeout_seconds");
        assertThat(panel.validate(Map.of("api_key", "k", "read_timeout_seconds", "60")))
                .isEmpty();
        assertThat(panel.connectForm().fields())
                .extracting(field -> field.key())
                .contains("read_timeout_seconds");
    }
}
