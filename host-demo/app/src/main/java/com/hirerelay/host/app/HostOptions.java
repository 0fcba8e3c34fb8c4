package com.hirerelay.host.app;

import com.hirerelay.host.export.BulkExportLimits;
import com.hirerelay.host.plugins.PluginCallLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

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
 * @param bulkLimits what bulk exports may take: pool size, queue, per-user limit, retention
 * @param pluginLimits how long plugin calls that do I/O may take, and on how many threads per plugin
 * @param clock the host's clock (sessions, export history, bulk retention); tests move it forward
 * @param behindHttpsProxy whether a reverse proxy that terminates HTTPS sits in front of the host: its
 *                         {@code X-Forwarded-Proto} and {@code X-Forwarded-For} headers are then trusted
 *                         (secure cookies, the client's address for sign-in throttling); false by default
 */
public record HostOptions(
        String bindAddress,
        int port,
        Path dataDir,
        Path pluginsDir,
        Map<String, String> settingDefaults,
        Map<String, String> demoPasswords,
        BulkExportLimits bulkLimits,
        PluginCallLimits pluginLimits,
        Clock clock,
        boolean behindHttpsProxy) {

    public HostOptions {
        settingDefaults = Map.copyOf(settingDefaults);
        demoPasswords = Map.copyOf(demoPasswords);
        Objects.requireNonNull(bulkLimits, "bulkLimits");
        Objects.requireNonNull(pluginLimits, "pluginLimits");
        Objects.requireNonNull(clock, "clock");
    }

    /** Options with the default limits and the system clock. */
    public HostOptions(
            String bindAddress,
            int port,
            Path dataDir,
            Path pluginsDir,
            Map<String, String> settingDefaults,
            Map<String, String> demoPasswords) {
        this(
                bindAddress,
                port,
                dataDir,
                pluginsDir,
                settingDefaults,
                demoPasswords,
                BulkExportLimits.DEFAULTS,
                PluginCallLimits.DEFAULTS,
                Clock.systemUTC(),
                false);
    }

    /** @return these options with other bulk export limits */
    public HostOptions withBulkLimits(BulkExportLimits limits) {
        return new HostOptions(
                bindAddress,
                port,
                dataDir,
                pluginsDir,
                settingDefaults,
                demoPasswords,
                limits,
                pluginLimits,
                clock,
                behindHttpsProxy);
    }

    /** @return these options with other plugin call limits */
    public HostOptions withPluginLimits(PluginCallLimits limits) {
        return new HostOptions(
                bindAddress,
                port,
                dataDir,
                pluginsDir,
                settingDefaults,
                demoPasswords,
                bulkLimits,
                limits,
                clock,
                behindHttpsProxy);
    }

    /** @return these options with another clock */
    public HostOptions withClock(Clock newClock) {
        return new HostOptions(
                bindAddress,
                port,
                dataDir,
                pluginsDir,
                settingDefaults,
                demoPasswords,
                bulkLimits,
                pluginLimits,
                newClock,
                behindHttpsProxy);
    }

    /** @return these options with {@link #behindHttpsProxy()} set */
    public HostOptions withBehindHttpsProxy(boolean trusted) {
        return new HostOptions(
                bindAddress,
                port,
                dataDir,
                pluginsDir,
                settingDefaults,
                demoPasswords,
                bulkLimits,
                pluginLimits,
                clock,
                trusted);
    }
}
