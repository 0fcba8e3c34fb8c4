package com.hirerelay.api.testkit;

import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.HrisConnection;

/**
 * The methods of {@link HrisConnection} that call the HR system, over which the kit repeats every failure
 * rule. {@code validate} is not among them: it must not fail because the HR system does.
 */
public enum RemoteMethod {
    /** {@link HrisConnection#verify()}. */
    VERIFY(true),
    /** {@link HrisConnection#referenceData()}. */
    REFERENCE_DATA(false),
    /** {@link HrisConnection#draftFor}; may succeed without any call when the connector reads no reference data. */
    DRAFT_FOR(false),
    /** {@link HrisConnection#findExisting}. */
    FIND_EXISTING(true),
    /** {@link HrisConnection#export}. */
    EXPORT(true);

    private final boolean alwaysCallsTheHrSystem;

    RemoteMethod(boolean alwaysCallsTheHrSystem) {
        this.alwaysCallsTheHrSystem = alwaysCallsTheHrSystem;
    }

    /** @return whether the method cannot do its job without a call, so it can never succeed in an outage */
    public boolean alwaysCallsTheHrSystem() {
        return alwaysCallsTheHrSystem;
    }

    Object invoke(HrisConnection connection, Candidate candidate, EmployeeDraft draft) {
        return switch (this) {
            case VERIFY -> connection.verify();
            case REFERENCE_DATA -> connection.referenceData();
            case DRAFT_FOR -> connection.draftFor(candidate);
            case FIND_EXISTING -> connection.findExisting(draft);
            case EXPORT -> connection.export(draft);
        };
    }

    @Override
    public String toString() {
        return switch (this) {
            case VERIFY -> "verify()";
            case REFERENCE_DATA -> "referenceData()";
            case DRAFT_FOR -> "draftFor(candidate)";
            case FIND_EXISTING -> "findExisting(draft)";
            case EXPORT -> "export(draft)";
        };
    }
}
