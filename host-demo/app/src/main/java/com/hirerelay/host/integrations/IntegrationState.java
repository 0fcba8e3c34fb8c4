package com.hirerelay.host.integrations;

import java.time.Instant;

/**
 * A stored integration's state without its settings: what deciding whether it may be used needs, read without
 * parsing or decrypting anything.
 *
 * @param connectorId the connector
 * @param status {@link IntegrationStatus#CONNECTED}, {@link IntegrationStatus#NEEDS_RECONNECTION} or {@link IntegrationStatus#NEEDS_ATTENTION}
 * @param problem why it needs reconnection or attention, or null
 * @param connectedAt when it was connected
 * @param revision what the stored settings are, as text compared, never parsed: the connection instant, the settings
 *     and the account attributes as stored. An open connection made from another revision is stale, in this process
 *     or after another one reconnected or upgraded the API version (which keeps the connection instant)
 */
public record IntegrationState(
        String connectorId, IntegrationStatus status, String problem, Instant connectedAt, String revision) {}
