package com.hirerelay.host.integrations;

import java.time.Instant;
import java.util.Map;

/**
 * A connected connector as stored: non-secret settings in clear, secrets still encrypted.
 *
 * @param connectorId the connector
 * @param settings the non-secret connect-form values
 * @param secretsCiphertext the secret values as one AES-GCM ciphertext of a JSON object
 * @param accountName what the credentials connected to (company name), or null
 * @param accountId the account's id in the HR system, or null
 * @param accountAttributes the non-secret attributes verification returned
 * @param status any but {@link IntegrationStatus#NOT_CONNECTED}
 * @param problem why it needs reconnection or attention, or null
 * @param connectedBy who connected it (display name)
 * @param connectedAt when
 */
public record StoredIntegration(
        String connectorId,
        Map<String, String> settings,
        String secretsCiphertext,
        String accountName,
        String accountId,
        Map<String, String> accountAttributes,
        IntegrationStatus status,
        String problem,
        String connectedBy,
        Instant connectedAt) {

    /**
     * @throws IllegalArgumentException if the status is {@link IntegrationStatus#NOT_CONNECTED}, which
     *         is the absence of a stored integration
     */
    public StoredIntegration {
        if (status == null || !status.isStored()) {
            throw new IllegalArgumentException("A stored integration is connected or needs action, not " + status);
        }
        settings = Map.copyOf(settings);
        accountAttributes = Map.copyOf(accountAttributes);
    }
}
