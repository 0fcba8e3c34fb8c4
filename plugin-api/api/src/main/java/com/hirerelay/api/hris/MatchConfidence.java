package com.hirerelay.api.hris;

/**
 * How sure a connector is that an employee the HR system already has is the candidate being exported.
 * Hosts must tolerate constants added in later minor versions by treating an unknown one like
 * {@link #POSSIBLE_MATCH}.
 */
public enum MatchConfidence {
    /**
     * Certainly the same person: the HR system holds the reference this connector wrote for the
     * candidate, or an equally strong signal (for example the same e-mail address and the same name). An
     * export links the employee and creates nothing.
     */
    SAME_PERSON,
    /**
     * Maybe the same person, on a weaker signal only (the same name with another e-mail, the same e-mail
     * with another name). Never linked silently: a person must choose {@link MatchDecision#link} or
     * {@link MatchDecision#createNew}; an export without that choice stops with
     * {@link PossibleMatchException}.
     */
    POSSIBLE_MATCH
}
