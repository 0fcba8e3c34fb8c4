package com.hirerelay.api.hris;

import org.pf4j.ExtensionPoint;

/**
 * The extension point for one HR information system. A plugin contributes one implementation per HR
 * system it supports, annotated with {@code @org.pf4j.Extension}.
 *
 * <p>The host creates one instance per plugin start and keeps it until the plugin stops. The instance
 * is a factory: everything that needs credentials happens on the {@link HrisConnection} it
 * {@link #open opens}, one per connected account.
 *
 * <p>Several accounts: a host may hold several connections of one connector open at the same time, one
 * per connected account, each opened with its own {@link ConnectionSettings#connectionId()} and its own
 * settings (two Factorial companies, say). The connections share no per-account state (credentials,
 * company ids, caches are per connection or keyed by connection id), and closing one leaves the others
 * working. Request limits that the remote system counts per credential are the exception: they are spent
 * through the host's {@link RateBudget}, which all connections and host instances share. A host may also connect only one account per connector: the host of this
 * repository does, with the connector id as connection id.
 *
 * <p>Implementations must be thread-safe and must not do I/O (no file, network or HR-system access) in
 * their constructor, in {@link #info()} or in {@link #open}.
 *
 * @see com.hirerelay.api.menu.ExportMenuContribution
 * @see com.hirerelay.api.settings.IntegrationSettingsPanel
 */
public interface HrisConnector extends ExtensionPoint {

    /**
     * Who this connector is. Called often; returns equal values on every call, without I/O.
     *
     * @return the connector's identity
     */
    ConnectorInfo info();

    /**
     * Opens a connection with the given settings. Must not do I/O: the host opens a connection before
     * verifying it, and opens one per saved integration at start. Invalid settings (a malformed base
     * URL, say) are reported by {@link HrisConnection#verify()}, not here; {@code open} does not throw
     * for them.
     *
     * <p>The host keeps the connection for as long as the integration exists and closes it when the
     * integration is removed, its settings change, or the plugin stops.
     *
     * @param settings the values of the connect form, secrets decrypted
     * @return a new connection, independent of every other connection this connector opened; never null
     */
    HrisConnection open(ConnectionSettings settings);

    /**
     * Opens a connection that spends the host's shared {@link RateBudget} for the remote system's request limits,
     * so that every connection and every host instance using the same credential keep together under the limit.
     * The same rules as {@link #open(ConnectionSettings)} apply (no I/O, no throwing for invalid settings).
     *
     * <p>The default ignores the budget and opens the connection with {@link #open(ConnectionSettings)}: a
     * connector written before this method existed keeps working, alone with its own limiter if it has one.
     *
     * @param settings the values of the connect form, secrets decrypted
     * @param budget the host's budget; never null; valid for as long as the connection is open
     * @return a new connection; never null
     * @since 1.2.0
     */
    default HrisConnection open(ConnectionSettings settings, RateBudget budget) {
        return open(settings);
    }

    /**
     * Opens a connection that spends the host's shared {@link RateBudget} and reports its requests to the HR
     * system to {@code listener}. Hosts call this one; the rules of {@link #open(ConnectionSettings)} apply.
     * Connectors that report requests override it; the default ignores the listener and opens the connection
     * with {@link #open(ConnectionSettings, RateBudget)}.
     *
     * @param settings the values of the connect form, secrets decrypted
     * @param budget the host's budget; never null; valid for as long as the connection is open
     * @param listener told about every request the connection sends and every wait for the HR system's
     *                 rate limit; never null ({@link HrisRequestListener#NONE} when the host wants none)
     * @return a new connection; never null
     * @since 1.2.0
     */
    default HrisConnection open(ConnectionSettings settings, RateBudget budget, HrisRequestListener listener) {
        return open(settings, budget);
    }
}
