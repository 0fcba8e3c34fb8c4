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
import com.hirerelay.factorial.testing.KitSandbox;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Factorial plugin passes the plugin-api test kit against the sandbox, over real HTTP. */
class FactorialContractTest extends HrisPluginContract {

    @RegisterExtension
    static final KitSandbox SANDBOX = new KitSandbox();

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
        return SANDBOX.workingSettings();
    }

    @Override
    protected ConnectionSettings settingsWithWrongCredentials() {
        return SANDBOX.settingsWithWrongKey();
    }

    @Override
    protected ContractBackend backend() {
        return SANDBOX.backend();
    }
}
