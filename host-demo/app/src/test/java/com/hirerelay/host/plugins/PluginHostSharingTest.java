package com.hirerelay.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.storage.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PluginHost#share(PluginJarStore)} and {@link PluginHost#reconcile()}: plugin hosts with plugins folders of
 * their own, sharing one store, end with the same plugins in the same state. The store is on a real SQLite file
 * here (the SQL is the same on PostgreSQL, where {@code SharedPluginsTest} runs two host processes).
 */
class PluginHostSharingTest {

    @TempDir
    Path dir;

    private Database database;
    private PluginJarStore store;

    @BeforeEach
    void openStore() {
        database = Database.open(dir.resolve("hirerelay.db"));
        store = new PluginJarStore(database.jdbi(), Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    private PluginHost sharedHost(String name) {
        PluginHost host = PluginHost.start(dir.resolve(name));
        host.share(store);
        return host;
    }

    private static PluginStatus status(PluginHost host, String pluginId) {
        return host.plugins().stream()
                .filter(plugin -> plugin.id().equals(pluginId))
                .map(InstalledPlugin::status)
                .findFirst()
                .orElse(null);
    }

    @Test
    void anInstallDisableAndRemovalOnOneHostReachTheOtherAtItsNextReconcile() {
        try (PluginHost first = sharedHost("first");
                PluginHost second = sharedHost("second")) {
            Path upload = PluginHostTest.workingPlugin("late-one", "late").writeTo(dir.resolve("uploads"));
            first.install(upload, "late-one.jar");
            assertThat(second.connector("late")).as("before the reconcile").isEmpty();

            second.reconcile();
            assertThat(second.connector("late"))
                    .as("the second host loaded the plugin installed on the first")
                    .isPresent();

            second.disable("late-one");
            first.reconcile();
            assertThat(status(first, "late-one")).isEqualTo(PluginStatus.DISABLED);
            assertThat(first.connector("late"))
                    .as("disabled on the second host, the plugin contributes nothing on the first")
                    .isEmpty();

            first.enable("late-one");
            second.reconcile();
            assertThat(second.connector("late"))
                    .as("enabled again on the first host")
                    .isPresent();

            first.uninstall("late-one");
            second.reconcile();
            assertThat(second.plugins()).as("removed on the first host").isEmpty();
            assertThat(jarsIn(dir.resolve("second")))
                    .as("the removed plugin's jar is deleted from the second host's folder")
                    .isEmpty();
        }
    }

    @Test
    void aReplacedJarIsLoadedByTheOtherHostInPlaceOfTheOldOne() {
        try (PluginHost first = sharedHost("first");
                PluginHost second = sharedHost("second")) {
            Path one = PluginHostTest.workingPlugin("late-one", "late").writeTo(dir.resolve("v1"));
            first.install(one, "late-one.jar");
            second.reconcile();
            Path two = PluginHostTest.workingPlugin("late-one", "late")
                    .manifest("Plugin-Version", "2.0.0")
                    .writeTo(dir.resolve("v2"));
            first.install(two, "late-one-2.jar");

            second.reconcile();

            assertThat(second.plugins())
                    .singleElement()
                    .satisfies(plugin -> assertThat(plugin.version()).isEqualTo("2.0.0"))
                    .satisfies(plugin -> assertThat(plugin.status()).isEqualTo(PluginStatus.STARTED));
            assertThat(jarsIn(dir.resolve("second")))
                    .as("the old version's jar is gone from the second host's folder")
                    .singleElement()
                    .asString()
                    .startsWith("late-one-2.0.0-");
        }
    }

    @Test
    void aHostStartingWithJarsTheStoreHasNeverSeenAddsThemButOneWithARemovedJarRemovesIt() throws IOException {
        Path folder = dir.resolve("starting");
        Path kept = PluginHostTest.workingPlugin("own-one", "own").writeTo(folder);
        try (PluginHost starting = sharedHost("starting")) {
            assertThat(status(starting, "own-one")).isEqualTo(PluginStatus.STARTED);
        }
        assertThat(store.entries())
                .as("the jar of the folder is shared, not uninstalled")
                .extracting(PluginJarStore.Entry::pluginId, PluginJarStore.Entry::removed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("own-one", false));

        try (PluginHost other = sharedHost("other")) {
            assertThat(other.connector("own"))
                    .as("the other host loads it from the store")
                    .isPresent();
            other.uninstall("own-one");
        }
        assertThat(Files.exists(kept))
                .as("the first host's folder still has the jar while it is stopped")
                .isTrue();
        try (PluginHost restarted = sharedHost("starting")) {
            assertThat(restarted.plugins())
                    .as("removed on another host while this one was stopped: not brought back")
                    .isEmpty();
        }
        assertThat(jarsIn(folder)).isEmpty();
    }

    @Test
    void aHigherVersionInAStartingHostsFolderIsSharedAndALowerOneIsReplacedByTheStoredOne() {
        PluginHostTest.workingPlugin("late-one", "late").writeTo(dir.resolve("older"));
        PluginHostTest.workingPlugin("late-one", "late")
                .manifest("Plugin-Version", "2.0.0")
                .writeTo(dir.resolve("newer"));
        try (PluginHost older = sharedHost("older")) {
            try (PluginHost newer = sharedHost("newer")) {
                assertThat(newer.plugins())
                        .singleElement()
                        .as("deployed with the starting host, the higher version is kept")
                        .satisfies(plugin -> assertThat(plugin.version()).isEqualTo("2.0.0"));
                older.reconcile();
                assertThat(older.plugins())
                        .singleElement()
                        .as("the running host upgrades to the shared higher version")
                        .satisfies(plugin -> assertThat(plugin.version()).isEqualTo("2.0.0"));
            }
        }
        PluginHostTest.workingPlugin("late-one", "late").writeTo(dir.resolve("stale"));
        try (PluginHost stale = sharedHost("stale")) {
            assertThat(stale.plugins())
                    .singleElement()
                    .as("a lower version in a starting host's folder gives way to the stored one")
                    .satisfies(plugin -> assertThat(plugin.version()).isEqualTo("2.0.0"));
        }
    }

    private static List<String> jarsIn(Path folder) {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
