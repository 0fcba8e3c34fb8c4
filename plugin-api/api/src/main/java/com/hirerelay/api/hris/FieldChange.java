package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;

/**
 * One field to change on an existing employee: the value the HR system should hold afterwards.
 *
 * @param key a {@link DraftField#key()} of the draft passed with it; not blank
 * @param value the new value in the field's draft form; not blank (the update does not empty fields)
 * @since 1.3.0
 */
public record FieldChange(String key, String value) {

    /**
     * @throws IllegalArgumentException if the key or value is blank
     */
    public FieldChange {
        Require.notBlank(key, "field key");
        Require.notBlank(value, "value of '" + key + "'");
        value = value.strip();
    }
}
