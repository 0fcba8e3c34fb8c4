package com.hirerelay.api.hris;

import com.hirerelay.api.HrisException;
import com.hirerelay.api.internal.Require;

/**
 * An export stopped before creating anything because the HR system has an employee that may be the
 * candidate ({@link MatchConfidence#POSSIBLE_MATCH}). Nothing was created or linked.
 * A host shows the candidate and {@link #match()} side by side and exports again with the person's
 * {@link MatchDecision}; a bulk or automatic export reports the candidate as stopped
 * with this message.
 */
public class PossibleMatchException extends HrisException {

    private static final long serialVersionUID = 1L;

    private final transient EmployeeMatch match;

    /**
     * @param message what was found and what to do, for people; never a secret
     * @param match the possible match; not null
     */
    public PossibleMatchException(String message, EmployeeMatch match) {
        super(message, null);
        this.match = Require.notNull(match, "match");
    }

    /** @return the employee that may be the candidate, with the reason */
    public EmployeeMatch match() {
        return match;
    }
}
