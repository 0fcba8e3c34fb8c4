package com.hirerelay.api;

import com.hirerelay.api.internal.Require;

/**
 * A problem with one input field, so that the host can show the message next to that input.
 *
 * @param field the key of the field it concerns: an {@link com.hirerelay.api.hris.DraftField#key()}
 *              or a {@link com.hirerelay.api.settings.SettingField#key()}; not blank
 * @param message a sentence the user can act on, for example "Enter a date such as 2026-09-01";
 *                not blank, and never containing a secret
 */
public record FieldError(String field, String message) {

    /**
     * @throws IllegalArgumentException if a component is null or blank
     */
    public FieldError {
        Require.notBlank(field, "field");
        Require.notBlank(message, "message");
    }
}
