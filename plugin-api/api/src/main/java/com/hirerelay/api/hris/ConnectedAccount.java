package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.util.Map;

/**
 * What a successful credential check found: the account the credentials belong to.
 *
 * @param accountName the company or account name, shown in Connection Details; not blank
 * @param accountId the HR system's id of the account, or null if it has none
 * @param attributes further non-secret facts the connector wants back on later calls (for example a
 *                   company id needed to create employees); the host stores them and passes them to
 *                   {@link HrisConnector#open} in {@link ConnectionSettings#accountAttributes()}; never
 *                   null
 */
public record ConnectedAccount(String accountName, String accountId, Map<String, String> attributes) {

    /**
     * @throws IllegalArgumentException if the name is blank or the attributes hold nulls
     */
    public ConnectedAccount {
        Require.notBlank(accountName, "account name");
        attributes = Map.copyOf(Require.noNulls(attributes == null ? Map.of() : attributes, "attributes"));
    }
}
