package com.hirerelay.host.app;

import com.hirerelay.host.export.BulkExportLimits;
import com.hirerelay.host.plugins.PluginCallLimits;
import com.hirerelay.host.storage.DatabaseServer;
import com.hirerelay.host.storage.InstanceLease;
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
 * @param managementBind the address of the management port ({@code /metrics}, {@code /health}); 127.0.0.1 by
 *                       default, whatever {@code bindAddress} is, so that it is not public unless asked
 * @param managementPort the management port; 9464 from the command line, 0 for any free port (the default of
 *                       the short constructor), {@link #NO_MANAGEMENT_PORT} for none
 * @param behindHttpsProxy whether a reverse proxy that terminates HTTPS sits in front of the host: its
 *                         {@code X-Forwarded-Proto} and {@code X-Forwarded-For} headers are then trusted
 *                         (secure cookies, the client's address for sign-in throttling); false by default
 * @param databaseServer the PostgreSQL database that several instances share, or null (the default) for the
 *                       SQLite file in {@code dataDir}
 * @param instanceLease on PostgreSQL, how long an instance may go unseen before the others finish its work
 *                      ({@link InstanceLease#DEFAULT} unless a test wants a take-over within seconds); unused on
 *                      SQLite, where the host is alone
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
        String managementBind,
        int managementPort,
        boolean behindHttpsProxy,
        DatabaseServer databaseServer,
        InstanceLease instanceLease) {

    /** The {@code managementPort} of a host that serves no metrics and no health. */
    public static final int NO_MANAGEMENT_PORT = -1;

    public HostOptions {
        settingDefaults = Map.copyOf(settingDefaults);
        demoPasswords = Map.copyOf(demoPasswords);
        Objects.requireNonNull(bulkLimits, "bulkLimits");
        Objects.requireNonNull(pluginLimits, "pluginLimits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(managementBind, "managementBind");
        Objects.requireNonNull(instanceLease, "instanceLease");
        if (managementPort < NO_MANAGEMENT_PORT || managementPort > 65_535) {
            throw new IllegalArgumentException("Not a management port: " + managementPort);
        }
    }

    /** Options with the default limits, the system clock and the management port on any free loopback port. */
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
                "127.0.0.1",
                0,
                false,
                null,
                InstanceLease.DEFAULT);
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
                managementBind,
                managementPort,
                behindHttpsProxy,
                databaseServer,
                instanceLease);
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
                managementBind,
                managementPort,
                behindHttpsProxy,
                databaseServer,
                instanceLease);
    }

    /** @return these options with the management port at another address and port */
    public HostOptions withManagement(String bind, int managementPortNumber) {
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
                bind,
                managementPortNumber,
                behindHttpsProxy,
                databaseServer,
                instanceLease);
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
                managementBind,
                managementPort,
                behindHttpsProxy,
                databaseServer,
                instanceLease);
    }

    /** @return these options storing the data in that PostgreSQL database, or in the SQLite file for null */
    public HostOptions withDatabaseServer(DatabaseServer server) {
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
                managementBind,
                managementPort,
                behindHttpsProxy,
                server,
                instanceLease);
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
                managementBind,
                managementPort,
                trusted,
                databaseServer,
                instanceLease);
    }

    /** @return these options with another instance lease (see {@link InstanceLease}) */
    public HostOptions withInstanceLease(InstanceLease lease) {
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
                managementBind,
                managementPort,
                behindHttpsProxy,
                databaseServer,
                lease);
    }
}
