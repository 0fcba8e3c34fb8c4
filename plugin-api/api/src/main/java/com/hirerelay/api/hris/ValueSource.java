package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;

/**
 * Where the value a connector put into a {@link DraftField} came from, so the export dialog can say so
 * next to the input (for example "From the candidate's offer" or "Admin default in Connection settings").
 * A connector preselects a choice only from the candidate, an admin's explicit default or a mapping rule,
 * never because it happened to be the only option.
 *
 * @param origin the kind of source; not null
 * @param label the source in words, shown to the user; not blank
 */
public record ValueSource(Origin origin, String label) {

    /**
     * The kinds of source. Hosts must tolerate constants added in later minor versions (show the label).
     */
    public enum Origin {
        /** Taken from the candidate record in the ATS (profile, offer, application). */
        CANDIDATE,
        /** An admin's explicit default from the connect form. */
        ADMIN_DEFAULT,
        /** Derived by a mapping rule the connector documents (for example a namespaced reference). */
        MAPPING_RULE
    }

    /**
     * @throws IllegalArgumentException if the origin is missing or the label blank
     */
    public ValueSource {
        Require.notNull(origin, "origin");
        Require.notBlank(label, "label");
    }

    /**
     * @param label which part of the candidate, such as "Candidate's offer"
     * @return a {@link Origin#CANDIDATE} source
     */
    public static ValueSource candidate(String label) {
        return new ValueSource(Origin.CANDIDATE, label);
    }

    /**
     * @param label which default, such as "Admin default (connect form)"
     * @return an {@link Origin#ADMIN_DEFAULT} source
     */
    public static ValueSource adminDefault(String label) {
        return new ValueSource(Origin.ADMIN_DEFAULT, label);
    }

    /**
     * @param label which rule
     * @return a {@link Origin#MAPPING_RULE} source
     */
    public static ValueSource mappingRule(String label) {
        return new ValueSource(Origin.MAPPING_RULE, label);
    }
}
