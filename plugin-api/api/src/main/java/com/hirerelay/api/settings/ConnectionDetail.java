package com.hirerelay.api.settings;

import com.hirerelay.api.internal.Require;

/**
 * One line of the Connection Details a connected card's "View" page shows, such as "Company: Acme".
 * Never a secret.
 *
 * @param label what the value is; not blank
 * @param value the value; not blank
 */
public record ConnectionDetail(String label, String value) {

    /**
     * @throws IllegalArgumentException if a component is blank
     */
    public ConnectionDetail {
        Require.notBlank(label, "detail label");
        Require.notBlank(value, "detail value");
    }
}
