package com.hirerelay.host.integrations;

import java.time.Instant;

/**
 * A stored integration's state without its settings: what deciding whether it may be used needs, read without
 * parsing or decrypting anything.
 *
 * @param connectorId the connector
 * @param status {@link IntegrationStatus#CONNECTED}, {@link IntegrationStatus#NEEDS_RECONNECTION} or {@link IntegrationStatus#NEEDS_ATTENTION}
 * @param problem why it needs reconnection or attention, or null
 * @param connectedAt when it was connected: a new connection (new settings) has a new instant, which is how an open
 *                    connection made from older settings is recognised, in this process or after another one
 *                    reconnected
 */
public record IntegrationState(String connectorId, IntegrationStatus status, String problem, Instant connectedAt) {}
