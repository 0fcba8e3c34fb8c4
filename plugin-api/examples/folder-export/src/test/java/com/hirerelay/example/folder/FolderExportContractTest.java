package com.hirerelay.example.folder;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.testkit.ContractBackend;
import com.hirerelay.api.testkit.HrisPluginContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin passes the test kit, as every plugin should. */
class FolderExportContractTest extends HrisPluginContract {

    @TempDir
    Path folder;

    @Override
    protected HrisConnector connector() {
        return new FolderExportConnector();
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

    @Override
    protected ConnectionSettings settingsWithWrongCredentials() {
        return null;
    }

    @Override
    protected ContractBackend backend() {
        return new ContractBackend() {
            private final Path offline = folder.resolveSibling(folder.getFileName() + ".offline");

            @Override
            public long employeesWithEmail(String email) {
                return Files.exists(folder.resolve(
                                URLEncoder.encode(email.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8) + ".json"))
                        ? 1
                        : 0;
            }

            @Override
            public boolean canSimulateOutage() {
                return true;
            }

            @Override
            public void simulateOutage() {
                move(folder, offline);
            }

            @Override
            public void clearSimulations() {
                if (Files.exists(offline)) {
                    move(offline, folder);
                }
            }

            private void move(Path from, Path to) {
                try {
                    Files.move(from, to);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
