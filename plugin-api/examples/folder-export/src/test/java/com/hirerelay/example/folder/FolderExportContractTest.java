package com.hirerelay.example.folder;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.testkit.ContractBackend;
import com.hirerelay.api.testkit.HrisPluginContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin passes the test kit, as every plugin should. */
class FolderExportContractTest extends HrisPluginContract {

    @TempDir
    Path folder;

    private SteerableFolder backend;

    /**
     * The kit asks for the backend and the connector once per test; both share one steerable folder, which
     * holds the payroll import's departments as a real folder would.
     */
    @Override
    protected ContractBackend backend() {
        if (backend == null) {
            try {
                Files.writeString(folder.resolve(FolderConnection.DEPARTMENTS_FILE), "Engineering\nSales\nPeople\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            backend = new SteerableFolder(folder);
        }
        return backend;
    }

    @Override
    protected HrisConnector connector() {
        return ((SteerableFolder) backend()).connector();
    }

    @Override
    protected ExportMenuContribution menuContribution() {
        return new FolderExportMenu();
    }

    @Override
    protected IntegrationSettingsPanel settingsPanel() {
        return new FolderSettingsPanel();
    }

    @Override
    protected ConnectionSettings workingSettings() {
        return new ConnectionSettings(
                "1",
                Map.of(FolderSettings.FOLDER, folder.toString(), FolderSettings.SIGNING_KEY, "s3cret-signing-key-123"),
                Set.of(FolderSettings.SIGNING_KEY),
                Map.of());
    }

    /** A folder takes no credentials: the signing key only signs what is written. */
    @Override
    protected ConnectionSettings settingsWithWrongCredentials() {
        return null;
    }

    /** A folder never refuses a write for load. */
    @Override
    protected boolean hrSystemRateLimits() {
        return false;
    }
}
