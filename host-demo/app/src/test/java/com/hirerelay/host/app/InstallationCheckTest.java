package com.hirerelay.host.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.host.testing.BuiltPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationCheckTest {

    @Test
    void walksTheDemoFromFirstPageToAnExportedHireWithTheBuiltPlugin() throws Exception {
        assertThat(InstallationCheck.run(BuiltPlugins.FOLDER))
                .as("the check's summary")
                .startsWith("Installation check passed")
                .contains("one hire exported");
    }

    @Test
    void namesTheStepThatFailedWhenNoPluginOffersFactorial(@TempDir Path emptyPlugins) {
        assertThatThrownBy(() -> InstallationCheck.run(emptyPlugins))
                .as("a check without the Factorial plugin")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Installation check failed at connecting Factorial: HTTP 404");
        assertThat(emptyPlugins).as("the plugins folder is left as it was").isEmptyDirectory();
    }

    @Test
    void leavesNoDataFolderBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countCheckFolders(tmp);
        InstallationCheck.run(BuiltPlugins.FOLDER);
        assertThat(countCheckFolders(tmp))
                .as("hirerelay-check* folders in the temporary folder")
                .isEqualTo(before);
    }

    private static long countCheckFolders(Path tmp) throws Exception {
        try (var entries = Files.list(tmp)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("hirerelay-check"))
                    .count();
        }
    }
}
