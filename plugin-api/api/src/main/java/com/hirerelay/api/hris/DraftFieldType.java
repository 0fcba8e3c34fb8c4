package com.hirerelay.api.hris;

/**
 * How the host renders and pre-checks a {@link DraftField}. Values always travel as strings.
 */
public enum DraftFieldType {
    /** Free text on one line. */
    TEXT,
    /** An e-mail address. */
    EMAIL,
    /** A phone number. */
    PHONE,
    /** A calendar date, sent as ISO-8601 {@code YYYY-MM-DD}. */
    DATE,
    /** A decimal number with a dot as separator, for example {@code 45000.50}. */
    DECIMAL,
    /** One of {@link DraftField#options()} or of the reference list {@link DraftField#referenceList()}. */
    SELECT,
    /** {@code true} or {@code false}. */
    BOOLEAN
}
