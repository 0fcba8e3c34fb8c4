package com.hirerelay.host.integrations;

/**
 * Whether a connector can be used for exports right now.
 */
public interface ConnectionStates {

    /**
     * @param connectorId a connector id
     * @return true when the connector is connected and does not need reconnection
     */
    boolean isUsable(String connectorId);
}
