package com.hirerelay.factorial;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.testkit.ContractBackend;
import com.hirerelay.api.testkit.HrisPluginContract;
import com.hirerelay.factorial.connector.FactorialConnector;
import com.hirerelay.factorial.menu.FactorialExportMenu;
import com.hirerelay.factorial.settings.FactorialSettingsPanel;
import com.hirerelay.factorial.testing.LogCapture;
import com.hirerelay.factorial.testing.SandboxSettings;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.Fault;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Factorial plugin passes the plugin-api test kit against the sandbox, over real HTTP. */
class FactorialContractTest extends HrisPluginContract {

    /** Enough uses to outlast any test; {@link ContractBackend#clearSimulations()} removes the rest. */
    private static final int EVERY_REQUEST = 10_000;

    private static FactorialSandbox sandbox;

    @RegisterExtension
    final LogCapture logs = LogCapture.eachTest();

    @BeforeAll
    static void startSandbox() {
        sandbox = FactorialSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Override
    protected HrisConnector connector() {
        return new FactorialConnector();
    }

    @Override
    protected ExportMenuContribution menuContribution() {
        return new FactorialExportMenu();
    }

    @Override
    protected IntegrationSettingsPanel settingsPanel() {
        return new FactorialSettingsPanel();
    }

    @Override
    protected ConnectionSettings workingSettings() {
        return SandboxSettings.forSandbox(sandbox);
    }

    @Override
    protected ConnectionSettings settingsWithWrongCredentials() {
        return SandboxSettings.withKey(sandbox, "wrong-" + sandbox.apiKey().substring(0, 12));
    }

    @Override
    protected String capturedLogs() {
        return logs.text();
    }

    @Override
    protected ContractBackend backend() {
        return new ContractBackend() {
            @Override
            public long employeesWithEmail(String email) {
                return sandbox.employees().stream()
                        .filter(employee -> hasEmail(employee, email))
                        .count();
            }

            @Override
            public boolean canSimulateRateLimit() {
                return true;
            }

            @Override
            public void simulateRateLimit() {
                // Longer than the client waits by itself, so the 429 is reported at once.
                sandbox.inject(Fault.rateLimited(120).times(EVERY_REQUEST));
            }

            @Override
            public boolean canSimulateOutage() {
                return true;
            }

            @Override
            public void simulateOutage() {
                sandbox.inject(Fault.status(503).times(EVERY_REQUEST));
            }

            @Override
            public void clearSimulations() {
                sandbox.clearFaults();
            }
        };
    }

    private static boolean hasEmail(Map<String, Object> employee, String email) {
        return Stream.of("email", "login_email", "personal_email")
                .map(employee::get)
                .filter(Objects::nonNull)
                .anyMatch(value -> value.toString().equalsIgnoreCase(email));
    }
}
