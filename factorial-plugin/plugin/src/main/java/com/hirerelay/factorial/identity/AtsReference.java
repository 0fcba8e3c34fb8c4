package com.hirerelay.factorial.identity;

import java.util.Locale;

/**
 * The reference the plugin writes to Factorial for a candidate: {@code hirerelay:<ATS instance>:<candidate
 * id>}. Namespaced so it cannot be mistaken for a company's own employee number ({@code "10"}) nor for a
 * reference another ATS wrote.
 *
 * @param value the full reference
 */
public record AtsReference(String value) {

    /** The prefix every reference starts with. */
    public static final String PREFIX = "hirerelay:";

    /**
     * @param atsInstance the admin's name for this ATS, such as {@code acme-ats}; letters, digits, dots,
     *                    dashes and underscores
     * @param candidateId the host's candidate id
     * @return the reference
     * @throws IllegalArgumentException if the instance name is not usable
     */
    public static AtsReference of(String atsInstance, String candidateId) {
        if (!isInstanceName(atsInstance)) {
            throw new IllegalArgumentException("ATS instance name '" + atsInstance + "' is not usable");
        }
        return new AtsReference(PREFIX + atsInstance.strip().toLowerCase(Locale.ROOT) + ":" + candidateId.strip());
    }

    /**
     * @param name a proposed instance name
     * @return whether it can stand in a reference (1 to 40 of letters, digits, '.', '-', '_')
     */
    public static boolean isInstanceName(String name) {
        return name != null && name.strip().matches("[A-Za-z0-9._-]{1,40}");
    }
}
