package com.hirerelay.host.mapping;

/**
 * What a {@link MappingRule} looks at. Declared from the most to the least specific: when several rules of a
 * field match a candidate, the first kind in this order wins (the job itself before its department, its
 * department before its location, and the default last).
 */
public enum MatchOn {
    /** The candidate's job, by the job's id. */
    JOB("job"),
    /** The job's department, compared ignoring case and surrounding spaces. */
    DEPARTMENT("department"),
    /** The job's location, compared ignoring case and surrounding spaces. */
    LOCATION("location"),
    /** Any candidate: the field's default when no other rule matches. */
    DEFAULT("default");

    private final String words;

    MatchOn(String words) {
        this.words = words;
    }

    /** @return the kind in words, for messages and sources ("department") */
    public String words() {
        return words;
    }
}
