package com.hirerelay.api.hris;

/**
 * What became of one {@link FieldChange}.
 *
 * @since 1.3.0
 */
public enum FieldUpdateStatus {

    /** The HR system confirmed the new value. */
    UPDATED,

    /** Nothing was sent: the field cannot change after creation ({@link UpdateRoute#READ_ONLY}). */
    READ_ONLY,

    /** The HR system refused the change or could not be reached; the message says why. */
    FAILED
}
