package com.hirerelay.api;

import com.hirerelay.api.internal.Require;

/**
 * One choice in a select input: the value that is stored or sent, and the label a person reads.
 *
 * @param value the value submitted when this option is chosen; not blank
 * @param label what the user sees; not blank
 */
public record SelectOption(String value, String label) {

    /**
     * @throws IllegalArgumentException if a component is null or blank
     */
    public SelectOption {
        Require.notBlank(value, "option value");
        Require.notBlank(label, "option label");
    }
}
