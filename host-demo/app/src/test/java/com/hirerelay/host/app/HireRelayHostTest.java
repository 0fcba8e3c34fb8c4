package com.hirerelay.host.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.host.plugins.PluginHost;
import com.hirerelay.host.storage.SchemaMigrationException;
import com.hirerelay.host.testing.BuiltPlugins;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HireRelayHostTest {

    @Test
    void aStartThatFailsAfterItBeganListeningSaysWhyAndFreesThePort(@TempDir Path folder) throws Exception {
        // The server listens before the database is opened (the first page needs none of it): a database of
        // another release fails the start after that, and must not leave the port taken.
        Path data = Files.createDirectories(folder.resolve("data"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("hirerelay.db"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    + " applied_at TEXT NOT NULL)");
            statement.execute("INSERT INTO schema_version VALUES (1, 'another_schema', '2026-01-01 00:00:00')");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        assertThatThrownBy(() -> HireRelayHost.start(
                        new HostOptions("127.0.0.1", port, data, BuiltPlugins.FOLDER, Map.of(), Map.of())))
                .as("the reason the start failed")
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("schema version 1 (another_schema)");

        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort())
                    .as("the port, free again after the failed start")
                    .isEqualTo(port);
        }
    }

    @Test
    void namesEachConnectFormDefaultThatCannotTakeEffectWithoutItsValue() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("factorial.base_url", "http://127.0.0.1:1/");
        defaults.put("factorial.baseurl", "http://typo.example/");
        defaults.put("factorial.api_key", "never-prefilled-secret");
        defaults.put("payroll.token", "for-a-plugin-not-installed");

        try (PluginHost plugins = PluginHost.start(BuiltPlugins.FOLDER)) {
            assertThat(HireRelayHost.unusedDefaults(plugins, defaults))
                    .as("what the host warns about at start")
                    .containsExactly(
                            "Connect-form default factorial.baseurl is ignored: the connect form of 'factorial' has no"
                                    + " field 'baseurl'",
                            "Connect-form default factorial.api_key is ignored: 'api_key' is a secret field, which is"
                                    + " never prefilled",
                            "Connect-form default payroll.token is unused for now: no installed plugin offers"
                                    + " connector 'payroll'")
                    .noneMatch(warning -> warning.contains("never-prefilled-secret"));
        }
    }
}
