package com.hirerelay.host.integrations;

/**
 * Where a connector's integration stands. {@link #CONNECTED} and {@link #NEEDS_RECONNECTION} are stored
 * in {@code integrations.status} by their {@link #name()} (the schema's CHECK constraint names them);
 * every constant is sent in JSON by its name, which the web UI reads.
 */
public enum IntegrationStatus {
    /** Connected, and the HR system accepted the credentials the last time they were used. */
    CONNECTED,
    /** The HR system refused the stored credentials; exports stop until an admin reconnects. */
    NEEDS_RECONNECTION,
    /** Nothing stored for the connector: never connected, or removed. */
    NOT_CONNECTED;

    /** @return true when exports may use the integration */
    public boolean isUsable() {
        return this == CONNECTED;
    }
}
