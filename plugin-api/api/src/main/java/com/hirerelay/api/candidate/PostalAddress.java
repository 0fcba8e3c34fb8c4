package com.hirerelay.api.candidate;

/**
 * A postal address as the ATS holds it. Any component may be null.
 *
 * @param line1 street and number
 * @param line2 flat, floor or other detail
 * @param postalCode the postal or ZIP code
 * @param city the city or town
 * @param state the state, province or region
 * @param country an ISO 3166-1 alpha-2 country code such as {@code ES}, or null
 */
public record PostalAddress(String line1, String line2, String postalCode, String city, String state, String country) {

    /** An address that says nothing. */
    public static final PostalAddress NONE = new PostalAddress(null, null, null, null, null, null);
}
