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
import com.hirerelay.factorial.testing.SandboxBackend;
import com.hirerelay.factorial.testing.SandboxSettings;
import com.hirerelay.sandbox.FactorialSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The Factorial plugin passes the plugin-api test kit against the sandbox, over real HTTP. */
class FactorialContractTest extends HrisPluginContract {

    private static FactorialSandbox sandbox;

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
    protected ContractBackend backend() {
        return new SandboxBackend(sandbox);
    }
}
