package com.hirerelay.host.integrations;

/**
 * Whether a connector's integration can be used for exports right now.
 */
public interface ConnectionStates {

    /**
     * @param connectorId a connector id
     * @return where its integration stands; {@link IntegrationStatus#NOT_CONNECTED} when there is none
     */
    IntegrationStatus status(String connectorId);

    /**
     * @param connectorId a connector id
     * @return true when the connector is connected and needs neither reconnection nor attention
     */
    default boolean isUsable(String connectorId) {
        return status(connectorId).isUsable();
    }

    /**
     * @param connectorId a connector id
     * @throws com.hirerelay.host.errors.RequestRefusedException naming what an admin must do when the
     *         integration is not connected, or needs reconnection or attention
     */
    void requireUsable(String connectorId);

    /**
     * @return these states as one request sees them: each read at most once, however often the request asks (the
     *         menus of a whole page of candidates, say); the default reads on every question
     */
    default ConnectionStates snapshot() {
        return this;
    }
}
