package ${package};

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.testkit.ContractBackend;
import com.hirerelay.api.testkit.HrisPluginContract;
import com.hirerelay.api.testkit.fake.FakeHrSystem;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The plugin passes the HireRelay test kit against the kit's fake HR system, over real HTTP. Once the
 * connector speaks your HR system's API, point the kit at a sandbox of it through a ContractBackend of
 * your own (see the kit's README).
 */
class ${classPrefix}ContractTest extends HrisPluginContract {

    private static FakeHrSystem hrSystem;

    @BeforeAll
    static void startFakeHrSystem() {
        hrSystem = FakeHrSystem.start();
    }

    @AfterAll
    static void stopFakeHrSystem() {
        hrSystem.close();
    }

    @Override
    protected HrisConnector connector() {
        return new ${classPrefix}Connector();
    }

    @Override
    protected ExportMenuContribution menuContribution() {
        return new ${classPrefix}ExportMenu();
    }

    @Override
    protected IntegrationSettingsPanel settingsPanel() {
        return new ${classPrefix}SettingsPanel();
    }

    @Override
    protected ConnectionSettings workingSettings() {
        return settingsWithToken(hrSystem.token());
    }

    @Override
    protected ConnectionSettings settingsWithWrongCredentials() {
        return settingsWithToken("wrong-" + hrSystem.token());
    }

    @Override
    protected ContractBackend backend() {
        return hrSystem;
    }

    private static ConnectionSettings settingsWithToken(String token) {
        return new ConnectionSettings(
                "${connectorId}-test",
                Map.of(${classPrefix}Settings.BASE_URL, hrSystem.baseUrl(), ${classPrefix}Settings.API_TOKEN, token),
                Set.of(${classPrefix}Settings.API_TOKEN),
                Map.of());
    }
}
