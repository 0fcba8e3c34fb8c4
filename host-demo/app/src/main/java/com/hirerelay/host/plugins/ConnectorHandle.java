package com.hirerelay.host.plugins;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.ConnectorInfo;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.hris.HrisRequestListener;
import com.hirerelay.api.hris.RateBudget;

/**
 * A started plugin's {@link HrisConnector}, with its identity read once and every call guarded.
 */
public final class ConnectorHandle {

    private final String pluginId;
    private final ConnectorInfo info;
    private final HrisConnector connector;
    private final ClassLoader loader;
    private final PluginGuard guard;
    private final PluginCallLimits limits;
    private final HrisRequestListener requests;

    ConnectorHandle(
            String pluginId,
            ConnectorInfo info,
            HrisConnector connector,
            ClassLoader loader,
            PluginGuard guard,
            PluginCallLimits limits,
            HrisRequestListener requests) {
        this.pluginId = pluginId;
        this.info = info;
        this.connector = connector;
        this.loader = loader;
        this.guard = guard;
        this.limits = limits;
        this.requests = requests;
    }

    /** @return the plugin that contributes this connector */
    public String pluginId() {
        return pluginId;
    }

    /** @return the connector's identity */
    public ConnectorInfo info() {
        return info;
    }

    /** @return the connector's id */
    public String id() {
        return info.id();
    }

    /**
     * Opens a connection whose every call is guarded and bounded in time, with a rate budget of its own, and
     * whose requests to the HR system are counted and timed.
     *
     * @param settings the stored settings, secrets decrypted
     * @return the guarded connection
     */
    public HrisConnection open(ConnectionSettings settings) {
        return open(settings, RateBudget.inProcess());
    }

    /**
     * Opens a connection whose every call is guarded and bounded in time, spending the host's rate budget, and
     * whose requests to the HR system are counted and timed.
     *
     * @param settings the stored settings, secrets decrypted
     * @param budget the host's shared budget of remote requests
     * @return the guarded connection
     */
    public HrisConnection open(ConnectionSettings settings, RateBudget budget) {
        HrisConnection connection =
                guard.call(pluginId, loader, "opening a connection", () -> connector.open(settings, budget, requests));
        if (connection == null) {
            throw new PluginFailureException(pluginId, "Plugin '" + pluginId + "' opened no connection", null);
        }
        return new GuardedConnection(pluginId, connection, loader, guard, limits);
    }
}
