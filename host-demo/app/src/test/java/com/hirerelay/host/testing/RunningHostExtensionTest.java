package com.hirerelay.host.testing;

import static com.hirerelay.api.UserRole.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

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

    private final ExtensionContext context = mock(ExtensionContext.class);

    RunningHostExtensionTest() {
        doReturn(RunningHostExtensionTest.class).when(context).getRequiredTestClass();
    }

    @Test
    void aPerTestHostIsNewForEachTestAndLeavesNothingRunningOrOnDiskAfterIt() {
        RunningHostExtension host = RunningHostExtension.perTest();
        host.beforeAll(context);
        assertThatThrownBy(host::baseUri)
                .as("a per-test host before the first test")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No test host runs now");

        host.beforeEach(context);
        URI firstHost = host.baseUri();
        URI firstSandbox = URI.create(host.sandbox().baseUrl());
        Path firstFolder = host.dataDir().getParent();
        assertThat(host.signIn(ADMIN).get("/api/session").status())
                .as("a signed-in admin's session")
                .isEqualTo(200);
        assertThat(host.databaseFile()).as("the SQLite file").isRegularFile();
        host.connectFactorial();
        host.afterEach(context);

        assertRefusesConnections(firstHost, "the first test's host");
        assertRefusesConnections(firstSandbox, "the first test's sandbox");
        assertThat(firstFolder).as("the first test's folder").doesNotExist();

        host.beforeEach(context);
        try {
            assertThat(host.dataDir().getParent())
                    .as("the second test's folder")
                    .isNotEqualTo(firstFolder);
            assertThat(host.signIn(ADMIN).get("/api/integrations/factorial").status())
                    .as("the first test's connection, seen by the second test's host")
                    .isEqualTo(404);
        } finally {
            host.afterEach(context);
            host.afterAll(context);
        }
    }

    @Test
    void aPerClassHostServesEveryTestOfTheClassAndClearsTheSandboxFaultsBetweenThem() {
        RunningHostExtension host = RunningHostExtension.perClass().connected();
        host.beforeAll(context);
        URI baseUri = host.baseUri();
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
            host.afterEach(context);
        } finally {
            host.afterAll(context);
        }
        assertRefusesConnections(baseUri, "the class's host after the class");
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

    @Test
    void thePluginsOptionLoadsExactlyTheGivenJarsAndOptionsAreFixedOnceTheHostRuns() throws IOException {
        RunningHostExtension host = RunningHostExtension.perTest().plugins(BuiltPlugins.EXAMPLE_JAR);
        host.beforeEach(context);
        try {
            try (Stream<Path> files = Files.list(host.pluginsDir())) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .as("the plugins folder")
                        .containsExactly("folder-export-plugin.jar");
            }
            assertThat(host.signIn(ADMIN).get("/api/plugins").json().findValuesAsText("id"))
                    .as("the plugins the host loaded")
                    .containsExactly("folder-export");
            assertThatThrownBy(host::connected)
                    .as("an option set while the host runs")
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            host.afterEach(context);
        }
    }

    @Test
    void aRestartKeepsTheDataAndTheSandboxAndAHostProcessWaitsForTheHostToStop() {
        RunningHostExtension host = RunningHostExtension.perTest().connected();
        host.beforeEach(context);
        try {
            String sandbox = host.sandbox().baseUrl();
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
                    .isEqualTo(sandbox);
        } finally {
            host.afterEach(context);
        }
    }

    private static void assertRefusesConnections(URI address, String what) {
        assertThatThrownBy(() -> new Socket(address.getHost(), address.getPort()).close())
                .as(what + " at " + address)
                .isInstanceOf(ConnectException.class);
    }
}
