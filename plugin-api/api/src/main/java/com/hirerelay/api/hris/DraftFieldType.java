package com.hirerelay.api.hris;

/**
 * How the host renders and pre-checks a {@link DraftField}. Values always travel as strings.
 */
public enum DraftFieldType {
    /** Free text on one line. */
    TEXT,
    /** An e-mail address. */
    EMAIL,
    /**
     * A phone number. The HireRelay host checks it and sends it in E.164 form ({@code +34600000000}); a
     * number typed without its country code is read in the country of the draft's {@link #COUNTRY} fields when
     * they agree, and refused otherwise.
     */
    PHONE,
    /** A calendar date, sent as ISO-8601 {@code YYYY-MM-DD}. */
    DATE,
    /** A decimal number with a dot as separator, for example {@code 45000.50}. */
    DECIMAL,
    /** One of {@link DraftField#options()} or of the reference list {@link DraftField#referenceList()}. */
    SELECT,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /**
     * A country, sent as its upper-case ISO 3166-1 alpha-2 code such as {@code ES}. The host offers a
     * searchable list of country names in the user's language and refuses a code that is not in ISO 3166-1.
     * Since API 1.2.
     */
    COUNTRY
}
