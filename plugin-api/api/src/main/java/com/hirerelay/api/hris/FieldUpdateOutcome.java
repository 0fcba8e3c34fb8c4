package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;

/**
 * What became of one field of an {@link HrisConnection#update}.
 *
 * @param key the {@link FieldChange#key()}; not blank
 * @param status what happened; not null
 * @param message for {@link FieldUpdateStatus#READ_ONLY} and {@link FieldUpdateStatus#FAILED}, why, for
 *                people (not blank); null or a short note otherwise
 * @since 1.3.0
 */
public record FieldUpdateOutcome(String key, FieldUpdateStatus status, String message) {

    /**
     * @throws IllegalArgumentException if the key is blank, the status missing, or a field that was not updated
     *                                  gives no reason
     */
    public FieldUpdateOutcome {
        Require.notBlank(key, "field key");
        Require.notNull(status, "status");
        if (status != FieldUpdateStatus.UPDATED) {
            Require.notBlank(message, "reason '" + key + "' was not updated");
        }
    }

    /**
     * @param key the field key
     * @return the outcome of a field the HR system took
     */
    public static FieldUpdateOutcome updated(String key) {
        return new FieldUpdateOutcome(key, FieldUpdateStatus.UPDATED, null);
    }

    /**
     * @param key the field key
     * @param reason why not, for people
     * @return the outcome of a field that was not changed
     */
    public static FieldUpdateOutcome failed(String key, String reason) {
        return new FieldUpdateOutcome(key, FieldUpdateStatus.FAILED, reason);
    }
}
