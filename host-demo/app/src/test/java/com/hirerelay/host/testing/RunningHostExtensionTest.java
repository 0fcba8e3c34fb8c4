package com.hirerelay.host.testing;

import static com.hirerelay.api.UserRole.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.sandbox.Fault;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension every host test starts its host with, driven through its callbacks the way JUnit calls them: what
 * runs when, what each option does, and that closing leaves no server, sandbox or folder behind.
 */
class RunningHostExtensionTest {

    private final ExtensionContext context = ExtensionContexts.of(RunningHostExtensionTest.class);

    @Test
    void perTestHostsStartFreshWithTheGivenPluginsAndLeaveNothingRunningOrOnDisk() throws IOException {
        // Only the small example plugin: these hosts need no Factorial, and start faster without it.
        RunningHostExtension host = RunningHostExtension.perTest().plugins(BuiltPlugins.EXAMPLE_JAR);
        host.beforeAll(context);
        assertThatThrownBy(host::baseUri)
                .as("a per-test host before the first test")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No test host runs now");

        host.beforeEach(context);
        URI firstHost = host.baseUri();
        URI firstSandbox = URI.create(host.sandbox().baseUrl());
        Path firstFolder = host.dataDir().getParent();
        String firstMasterKey = Files.readString(host.dataDir().resolve("master.key"));
        try (Stream<Path> files = Files.list(host.pluginsDir())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("the plugins folder")
                    .containsExactly("folder-export-plugin.jar");
        }
        assertThat(host.signIn(ADMIN).get("/api/plugins").json().findValuesAsText("id"))
                .as("the plugins the host loaded")
                .containsExactly("folder-export");
        assertThat(host.databaseFile()).as("the SQLite file").isRegularFile();
        assertThatThrownBy(host::connected)
                .as("an option set while the host runs")
                .isInstanceOf(IllegalStateException.class);
        host.afterEach(context);

        assertRefusesConnections(firstHost, "the first test's host");
        assertRefusesConnections(firstSandbox, "the first test's sandbox");
        assertThat(firstFolder).as("the first test's folder").doesNotExist();

        host.beforeEach(context);
        try {
            assertThat(host.dataDir().getParent())
                    .as("the second test's folder")
                    .isNotEqualTo(firstFolder);
            assertThat(Files.readString(host.dataDir().resolve("master.key")))
                    .as("the second host's master key (both start from the same seeded database)")
                    .isNotEqualTo(firstMasterKey);
            assertThat(host.signIn(ADMIN).get("/api/session").status())
                    .as("the second test's host serves")
                    .isEqualTo(200);
        } finally {
            host.afterEach(context);
            host.afterAll(context);
        }
    }

    @Test
    void aPerClassHostServesEveryTestClearsTheSandboxFaultsBetweenThemAndSurvivesARestart() {
        RunningHostExtension host = RunningHostExtension.perClass().connected();
        host.beforeAll(context);
        URI baseUri = host.baseUri();
        URI sandbox = URI.create(host.sandbox().baseUrl());
        URI restarted;
        try {
            host.beforeEach(context);
            assertThat(host.signIn(ADMIN).get("/api/integrations/factorial").status())
                    .as("the Factorial connection made by connected()")
                    .isEqualTo(200);
            // Left behind by a test: Factorial refuses every key.
            host.sandbox().inject(Fault.status(401).times(1_000));
            host.signIn(ADMIN).delete("/api/integrations/factorial");
            assertThatThrownBy(host::connectFactorial)
                    .as("connecting while the fault is there")
                    .hasMessageContaining("Connecting Factorial failed");
            host.afterEach(context);

            host.beforeEach(context);
            assertThat(host.baseUri()).as("the second test's host").isEqualTo(baseUri);
            host.connectFactorial();
            assertThatThrownBy(host::launchProcess)
                    .as("a second host on the same data folder")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Stop the host first");
            host.restart();
            assertThat(host.signIn(ADMIN).get("/api/integrations/factorial").status())
                    .as("the connection after the restart")
                    .isEqualTo(200);
            assertThat(host.sandbox().baseUrl())
                    .as("the sandbox after the restart")
                    .isEqualTo(sandbox.toString());
            restarted = host.baseUri();
            host.afterEach(context);
        } finally {
            host.afterAll(context);
        }
        assertRefusesConnections(restarted, "the class's host after the class");
        assertRefusesConnections(sandbox, "the class's sandbox after the class");
    }

    @Test
    void aPerClassHostOnAnInstanceFieldIsRefusedWithAClearMessage() {
        RunningHostExtension host = RunningHostExtension.perClass();

        // An instance field's extension never gets beforeAll.
        assertThatThrownBy(() -> host.beforeEach(context))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("RunningHostExtensionTest")
                .hasMessageContaining("make the field static, or use perTest()");
    }

    private static void assertRefusesConnections(URI address, String what) {
        assertThatThrownBy(() -> new Socket(address.getHost(), address.getPort()).close())
                .as(what + " at " + address)
                .isInstanceOf(ConnectException.class);
    }
}
