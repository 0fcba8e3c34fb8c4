package com.hirerelay.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.PluginApiVersion;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.host.testing.BuiltPlugins;
import com.hirerelay.host.testing.PluginJarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginHostTest {

    @TempDir
    Path pluginsDir;

    /** A connector whose account name is the context class loader it ran with, and whose info may fail. */
    static String connectorSource(String pkg, String connectorId, String infoBody, String verifyBody) {
        return """
                package %s;
                import com.hirerelay.api.candidate.Candidate;
                import com.hirerelay.api.hris.*;
                import java.util.*;
                @org.pf4j.Extension
                public class TestConnector implements HrisConnector {
                    public ConnectorInfo info() { %s }
                    public HrisConnection open(ConnectionSettings settings) {
                        return new HrisConnection() {
                            public ConnectedAccount verify() { %s }
                            public ReferenceData referenceData() { return ReferenceData.EMPTY; }
                            public EmployeeDraft draftFor(Candidate c) { throw new UnsupportedOperationException(); }
                            public Optional<ExistingEmployee> findExisting(EmployeeDraft d) { return Optional.empty(); }
                            public ExportResult export(EmployeeDraft d) { throw new UnsupportedOperationException(); }
                        };
                    }
                }
                """.formatted(pkg, infoBody.replace("ID", '"' + connectorId + '"'), verifyBody);
    }

    static PluginJarBuilder workingPlugin(String pluginId, String connectorId) {
        String pkg = "test." + pluginId.replace('-', '_');
        return PluginJarBuilder.plugin(pluginId)
                .source(
                        pkg + ".TestConnector",
                        connectorSource(
                                pkg,
                                connectorId,
                                "return new ConnectorInfo(ID, \"Test HR\", \"A test connector\", null, null);",
                                "return new ConnectedAccount(Thread.currentThread().getContextClassLoader() instanceof org.pf4j.PluginClassLoader"
                                        + " ? \"plugin loader\" : \"other loader\", null, Map.of());"),
                        true);
    }

    /** A working plugin whose pf4j Plugin class runs {@code startBody} and {@code stopBody}. */
    static PluginJarBuilder pluginWithLifecycle(
            String pluginId, String connectorId, String startBody, String stopBody) {
        String pkg = "test." + pluginId.replace('-', '_');
        return workingPlugin(pluginId, connectorId)
                .manifest("Plugin-Class", pkg + ".Lifecycle")
                .source(pkg + ".Lifecycle", """
                        package %s;
                        public class Lifecycle extends org.pf4j.Plugin {
                            public void start() { %s }
                            public void stop() { %s }
                        }
                        """.formatted(pkg, startBody, stopBody), false);
    }

    private static final String BLOCKS =
            "try { Thread.sleep(600_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }";

    private static final PluginCallLimits QUICK_LIFECYCLE =
            PluginCallLimits.DEFAULTS.withLifecycle(Duration.ofMillis(500));

    private List<String> jarsIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    private static ConnectionSettings settings() {
        return new ConnectionSettings("1", Map.of(), Set.of(), Map.of());
    }

    @Test
    void loadsTheBuiltFactorialPluginJarAndFindsItsThreeExtensions() throws IOException {
        Files.copy(BuiltPlugins.FACTORIAL_JAR, pluginsDir.resolve("factorial-plugin.jar"));

        try (PluginHost host = PluginHost.start(pluginsDir)) {
            assertThat(host.plugins()).singleElement().satisfies(plugin -> {
                assertThat(plugin.id()).isEqualTo("factorial");
                assertThat(plugin.status()).as("reason: %s", plugin.reason()).isEqualTo(PluginStatus.STARTED);
                assertThat(plugin.extensions())
                        .containsExactlyInAnyOrder(
                                "HRIS connector: factorial",
                                "Export menu: export-to-factorial",
                                "Settings panel: factorial");
            });
            assertThat(host.connector("factorial"))
                    .get()
                    .satisfies(c -> assertThat(c.info().displayName()).isEqualTo("FactorialHr"));
            assertThat(host.menus())
                    .singleElement()
                    .satisfies(m -> assertThat(m.item().label()).isEqualTo("Export to FactorialHr"));
            assertThat(host.settingsPanel("factorial"))
                    .get()
                    .satisfies(p -> assertThat(p.form().secretKeys()).containsExactly("api_key"));
        }
        assertThatThrownBy(() -> Class.forName("com.hirerelay.factorial.connector.FactorialConnector"))
                .as("the plugin's classes must come from its jar, not from the test class path")
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theExampleFolderPluginServesBesideFactorialThroughTheSameScreens(@TempDir Path hrFolder) throws IOException {
        Files.copy(BuiltPlugins.FACTORIAL_JAR, pluginsDir.resolve("factorial-plugin.jar"));
        Files.copy(BuiltPlugins.EXAMPLE_JAR, pluginsDir.resolve("folder-export-plugin.jar"));

        try (PluginHost host = PluginHost.start(pluginsDir)) {
            assertThat(host.connectors()).extracting(ConnectorHandle::id).containsExactly("factorial", "folder-export");
            assertThat(host.menus())
                    .extracting(menu -> menu.item().label())
                    .containsExactly("Export to FactorialHr", "Export to folder");
            assertThat(host.settingsPanel("folder-export")).isPresent();

            HrisConnection folder = host.connector("folder-export")
                    .orElseThrow()
                    .open(new ConnectionSettings(
                            "2", Map.of("folder", hrFolder.toString()), Set.of("signing_key"), Map.of()));
            var candidate = new com.hirerelay.api.candidate.Candidate(
                    "7",
                    "Zoë",
                    "O'Brien",
                    "zoe@example.com",
                    null,
                    com.hirerelay.api.candidate.CandidateStatus.HIRED,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Map.of());
            var result = folder.export(folder.draftFor(candidate));
            assertThat(result.outcome()).isEqualTo(com.hirerelay.api.hris.ExportOutcome.CREATED);
            assertThat(Files.readString(hrFolder.resolve("zoe%40example.com.json")))
                    .contains("\"last_name\":\"O'Brien\"");
        }
    }

    @Test
    void pluginCodeRunsWithItsOwnClassLoaderAsContextClassLoader() {
        workingPlugin("good-one", "good").writeTo(pluginsDir);

        try (PluginHost host = PluginHost.start(pluginsDir)) {
            HrisConnection connection = host.connector("good").orElseThrow().open(settings());
            assertThat(connection.verify().accountName()).isEqualTo("plugin loader");
        }
    }

    @Test
    void refusesBrokenJarsAndKeepsServingTheGoodOne() throws IOException {
        workingPlugin("good-one", "good").writeTo(pluginsDir);
        workingPlugin("no-id", "noid").manifest("Plugin-Id", null).writeTo(pluginsDir);
        workingPlugin("future-api", "future")
                .manifest("Plugin-Requires", ">=2.0.0 & <3.0.0")
                .writeTo(pluginsDir);
        workingPlugin("bad-range", "badrange")
                .manifest("Plugin-Requires", ">=1.0.0-SNAPSHOT")
                .writeTo(pluginsDir);
        workingPlugin("no-index", "noindex").withoutExtensionIndex().writeTo(pluginsDir);
        workingPlugin("bundles-api", "bundles").bundling(PluginApiVersion.class).writeTo(pluginsDir);
        workingPlugin("bad-version", "badversion")
                .manifest("Plugin-Version", "one")
                .writeTo(pluginsDir);
        Files.writeString(pluginsDir.resolve("not-a-jar.jar"), "this is text");

        try (PluginHost host = PluginHost.start(pluginsDir)) {
            assertThat(host.connectors()).extracting(ConnectorHandle::id).containsExactly("good");
            Map<String, InstalledPlugin> byFile =
                    host.plugins().stream().collect(java.util.stream.Collectors.toMap(InstalledPlugin::file, p -> p));
            assertThat(byFile.get("good-one.jar").status()).isEqualTo(PluginStatus.STARTED);
            assertThat(byFile.get("plugin.jar").reason()).contains("no Plugin-Id");
            assertThat(byFile.get("future-api.jar").reason())
                    .contains(
                            "requires plugin API >=2.0.0 & <3.0.0, but this host provides " + PluginApiVersion.CURRENT);
            assertThat(byFile.get("bad-range.jar").reason()).contains("not a valid version range");
            assertThat(byFile.get("no-index.jar").reason()).contains("no META-INF/extensions.idx");
            assertThat(byFile.get("bundles-api.jar").reason()).contains("bundles com.hirerelay.api.* classes");
            assertThat(byFile.get("bad-version.jar").reason()).contains("not a semantic version");
            assertThat(byFile.get("not-a-jar.jar").reason()).contains("not a readable jar");
            assertThat(host.plugins())
                    .filteredOn(p -> !p.file().equals("good-one.jar"))
                    .allSatisfy(p -> assertThat(p.status()).isEqualTo(PluginStatus.FAILED));
        }
    }

    @Test
    void aPluginWhoseExtensionFailsIsMarkedFailedWithTheReason() {
        workingPlugin("good-one", "good").writeTo(pluginsDir);
        PluginJarBuilder.plugin("throws-on-info")
                .source(
                        "test.throwing.TestConnector",
                        connectorSource(
                                "test.throwing",
                                "throwing",
                                "throw new IllegalStateException(\"no info today\");",
                                "return null;"),
                        true)
                .writeTo(pluginsDir);

        try (PluginHost host = PluginHost.start(pluginsDir)) {
            assertThat(host.connectors()).extracting(ConnectorHandle::id).containsExactly("good");
            InstalledPlugin failed = host.plugins().stream()
                    .filter(p -> p.id().equals("throws-on-info"))
                    .findFirst()
                    .orElseThrow();
            assertThat(failed.status()).isEqualTo(PluginStatus.FAILED);
            assertThat(failed.reason()).contains("IllegalStateException", "no info today");
        }
    }

    @Test
    void aPluginCallThatHangsIsCutOffAndReported() {
        String pkg = "test.hanging";
        PluginJarBuilder.plugin("hangs")
                .source(
                        pkg + ".TestConnector",
                        connectorSource(
                                pkg,
                                "hanging",
                                "return new ConnectorInfo(ID, \"Hanging HR\", \"Never answers\", null, null);",
                                "try { Thread.sleep(60_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); } return null;"),
                        true)
                .writeTo(pluginsDir);
        PluginCallLimits quick = new PluginCallLimits(
                Duration.ofMillis(300),
                Duration.ofMillis(300),
                Duration.ofMillis(300),
                PluginCallLimits.DEFAULTS.threadsPerPlugin(),
                PluginCallLimits.DEFAULTS.queuePerPlugin());

        try (PluginHost host = PluginHost.start(pluginsDir, quick)) {
            HrisConnection connection = host.connector("hanging").orElseThrow().open(settings());
            long started = System.nanoTime();
            assertThatThrownBy(connection::verify)
                    .isInstanceOf(PluginTimeoutException.class)
                    .hasMessageContaining("did not finish verifying credentials");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(host.plugins())
                    .singleElement()
                    .satisfies(p -> assertThat(p.lastError()).contains("did not finish"));
        }
    }

    @Test
    void installsDisablesEnablesAndUninstallsWithoutARestart(@TempDir Path uploads) {
        try (PluginHost host = PluginHost.start(pluginsDir)) {
            assertThat(host.plugins()).isEmpty();
            Path upload = workingPlugin("late-one", "late").writeTo(uploads);

            InstalledPlugin installed = host.install(upload, "late-one.jar");
            assertThat(installed.status()).isEqualTo(PluginStatus.STARTED);
            assertThat(host.connector("late")).isPresent();

            assertThat(host.disable("late-one").status()).isEqualTo(PluginStatus.DISABLED);
            assertThat(host.connector("late"))
                    .as("a disabled plugin contributes nothing")
                    .isEmpty();

            assertThat(host.enable("late-one").status()).isEqualTo(PluginStatus.STARTED);
            assertThat(host.connector("late")).isPresent();

            host.uninstall("late-one");
            assertThat(host.plugins()).isEmpty();
            assertThat(host.connectors()).isEmpty();
        }
    }

    @Test
    void refusesAnIncompatibleUploadAndChangesNothing(@TempDir Path uploads) throws IOException {
        try (PluginHost host = PluginHost.start(pluginsDir)) {
            Path upload = workingPlugin("future-api", "future")
                    .manifest("Plugin-Requires", ">=2.0.0")
                    .writeTo(uploads);

            assertThatThrownBy(() -> host.install(upload, "future-api.jar"))
                    .isInstanceOf(PluginRejectedException.class)
                    .satisfies(e -> assertThat(((PluginRejectedException) e).problems())
                            .singleElement()
                            .asString()
                            .contains("requires plugin API >=2.0.0"));
            try (var files = Files.list(pluginsDir)) {
                assertThat(files.filter(f -> f.toString().endsWith(".jar")).toList())
                        .isEmpty();
            }
        }
    }

    @Test
    void listenersHearWhichPluginsChanged(@TempDir Path uploads) {
        try (PluginHost host = PluginHost.start(pluginsDir)) {
            List<Set<String>> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
            host.addChangeListener(heard::add);
            host.install(workingPlugin("late-one", "late").writeTo(uploads), "late-one.jar");
            host.uninstall("late-one");
            assertThat(heard).containsExactly(Set.of("late-one"), Set.of("late-one"));
        }
    }

    @Test
    void aPluginWhoseStartBlocksIsFailedAfterTheTimeLimitAndTheOthersStart() {
        workingPlugin("good-one", "good").writeTo(pluginsDir);
        pluginWithLifecycle("slow-start", "slow", BLOCKS, "").writeTo(pluginsDir);

        long started = System.nanoTime();
        try (PluginHost host = PluginHost.start(pluginsDir, QUICK_LIFECYCLE)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("start-up waited for the blocked plugin only as long as the limit")
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(host.connectors()).extracting(ConnectorHandle::id).containsExactly("good");
            InstalledPlugin slow = host.plugins().stream()
                    .filter(p -> p.id().equals("slow-start"))
                    .findFirst()
                    .orElseThrow();
            assertThat(slow.status()).isEqualTo(PluginStatus.FAILED);
            assertThat(slow.reason()).contains("did not finish starting within");
        }
    }

    @Test
    void aFailedPluginIsReplacedByAFixedVersionAndOnlyItsJarRemains(@TempDir Path uploads) throws IOException {
        pluginWithLifecycle("flaky", "flaky", "throw new IllegalStateException(\"broken start\");", "")
                .writeTo(pluginsDir);

        try (PluginHost host = PluginHost.start(pluginsDir)) {
            assertThat(host.plugins()).singleElement().satisfies(p -> {
                assertThat(p.status()).isEqualTo(PluginStatus.FAILED);
                assertThat(p.reason()).contains("broken start");
            });
            Path fixed = workingPlugin("flaky", "flaky")
                    .manifest("Plugin-Version", "1.0.1")
                    .writeTo(uploads);

            InstalledPlugin installed = host.install(fixed, "flaky-1.0.1.jar");

            assertThat(installed.status()).as("reason: %s", installed.reason()).isEqualTo(PluginStatus.STARTED);
            assertThat(installed.version()).isEqualTo("1.0.1");
            assertThat(host.plugins()).as("one entry for the id").hasSize(1);
            assertThat(host.connector("flaky")).isPresent();
            assertThat(jarsIn(pluginsDir))
                    .as("the failed version's jar is gone, the new one is there")
                    .singleElement()
                    .asString()
                    .startsWith("flaky-1.0.1-");
        }
    }

    @Test
    void aStartedPluginIsReplacedByANewerVersion(@TempDir Path uploads) throws IOException {
        try (PluginHost host = PluginHost.start(pluginsDir)) {
            host.install(workingPlugin("upgrade", "upgrade").writeTo(uploads.resolve("v1")), "upgrade.jar");
            Path newer = workingPlugin("upgrade", "upgrade")
                    .manifest("Plugin-Version", "1.1.0")
                    .writeTo(uploads.resolve("v2"));

            InstalledPlugin installed = host.install(newer, "upgrade.jar");

            assertThat(installed.status()).isEqualTo(PluginStatus.STARTED);
            assertThat(installed.version()).isEqualTo("1.1.0");
            assertThat(jarsIn(pluginsDir)).singleElement().asString().startsWith("upgrade-1.1.0-");
            HrisConnection connection = host.connector("upgrade").orElseThrow().open(settings());
            assertThat(connection.verify().accountName())
                    .as("the new version answers")
                    .isEqualTo("plugin loader");
        }
    }

    @Test
    void aPluginWhoseStopBlocksIsNotReplacedAndNoNewJarIsLeft(@TempDir Path uploads) throws IOException {
        pluginWithLifecycle("stuck", "stuck", "", BLOCKS).writeTo(pluginsDir);

        try (PluginHost host = PluginHost.start(pluginsDir, QUICK_LIFECYCLE)) {
            assertThat(host.plugins())
                    .singleElement()
                    .satisfies(p -> assertThat(p.status()).isEqualTo(PluginStatus.STARTED));
            Path newer = workingPlugin("stuck", "stuck")
                    .manifest("Plugin-Version", "1.1.0")
                    .writeTo(uploads);

            assertThatThrownBy(() -> host.install(newer, "stuck-1.1.0.jar"))
                    .isInstanceOf(PluginRejectedException.class)
                    .hasMessageContaining("could not be stopped")
                    .hasMessageContaining("did not finish stopping within");
            assertThat(jarsIn(pluginsDir)).as("only the old jar").containsExactly("stuck.jar");
            assertThat(host.plugins()).singleElement().satisfies(p -> {
                assertThat(p.version()).isEqualTo("1.0.0");
                assertThat(p.status()).isEqualTo(PluginStatus.FAILED);
            });
        }
    }

    @Test
    void aFailedPluginCanBeUninstalled() throws IOException {
        pluginWithLifecycle("flaky", "flaky", "throw new IllegalStateException(\"broken start\");", "")
                .writeTo(pluginsDir);
        try (PluginHost host = PluginHost.start(pluginsDir)) {
            host.uninstall("flaky");
            assertThat(host.plugins()).isEmpty();
            assertThat(jarsIn(pluginsDir)).isEmpty();
        }
    }
}
