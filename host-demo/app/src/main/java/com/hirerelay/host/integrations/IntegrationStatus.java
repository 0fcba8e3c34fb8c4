package com.hirerelay.host.integrations;

/**
 * Where a connector's integration stands. {@link #CONNECTED}, {@link #NEEDS_RECONNECTION} and
 * {@link #NEEDS_ATTENTION} are stored in {@code integrations.status} by their {@link #name()} (the schema's
 * CHECK constraint names them);
 * every constant is sent in JSON by its name, which the web UI reads.
 */
public enum IntegrationStatus {
    /** Connected, and the HR system accepted the credentials the last time they were used. */
    CONNECTED,
    /** The HR system refused the stored credentials; exports stop until an admin reconnects. */
    NEEDS_RECONNECTION,
    /**
     * The credentials are fine but the HR system no longer serves what the connection is set to (its API
     * version); exports stop until an admin upgrades the connection (or removes and connects it again).
     */
    NEEDS_ATTENTION,
    /** Nothing stored for the connector: never connected, or removed. */
    NOT_CONNECTED;

    /** @return true when exports may use the integration */
    public boolean isUsable() {
        return this == CONNECTED;
    }

    /** @return true when an integration is stored, usable or not */
    public boolean isStored() {
        return this != NOT_CONNECTED;
    }
}
