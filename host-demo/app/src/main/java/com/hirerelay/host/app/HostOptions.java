package com.hirerelay.host.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the host is started.
 *
 * @param bindAddress the address to listen on; 127.0.0.1 by default
 * @param port the HTTP port; 8080 by default, 0 for any free port
 * @param dataDir where the SQLite file and the master key live
 * @param pluginsDir where plugin jars are loaded from
 * @param settingDefaults overrides of connect-form defaults, keyed {@code connectorId.settingKey}, from
 *                        {@code --plugin-default}, {@code --plugin-defaults} and the demo (which points the
 *                        Factorial connector at the embedded sandbox); the host does not interpret them
 * @param demoPasswords fixed passwords for the seeded demo users (role name to password), or empty to
 *                      generate random ones at first start and print them
 */
public record HostOptions(
        String bindAddress,
        int port,
        Path dataDir,
        Path pluginsDir,
        Map<String, String> settingDefaults,
        Map<String, String> demoPasswords) {

    public HostOptions {
        settingDefaults = Map.copyOf(settingDefaults);
        demoPasswords = Map.copyOf(demoPasswords);
    }
}
