package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;

/**
 * A person's answer to a {@linkplain MatchConfidence#POSSIBLE_MATCH possible match}, passed to
 * {@link HrisConnection#export(EmployeeDraft, MatchDecision)}. The decision names the employee the
 * person saw, so that a connector acts on it only while the HR system still offers that same employee.
 *
 * @param choice link the employee, or create a new one beside it; not null
 * @param employeeId the HR system's id of the employee the person was shown; not blank
 */
public record MatchDecision(Choice choice, String employeeId) {

    /** What the person chose. */
    public enum Choice {
        /** The employee is the candidate: link it, create nothing. */
        LINK,
        /** The employee is someone else: create a new employee for the candidate. */
        CREATE_NEW
    }

    /**
     * @throws IllegalArgumentException if the choice is missing or the id blank
     */
    public MatchDecision {
        Require.notNull(choice, "choice");
        Require.notBlank(employeeId, "employee id");
    }

    /**
     * @param employeeId the employee the person confirmed
     * @return the decision to link it
     */
    public static MatchDecision link(String employeeId) {
        return new MatchDecision(Choice.LINK, employeeId);
    }

    /**
     * @param employeeId the employee the person said is someone else
     * @return the decision to create a new employee anyway
     */
    public static MatchDecision createNew(String employeeId) {
        return new MatchDecision(Choice.CREATE_NEW, employeeId);
    }
}
