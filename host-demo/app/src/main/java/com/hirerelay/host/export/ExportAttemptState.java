package com.hirerelay.host.export;

import com.hirerelay.api.hris.ExportOutcome;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where an attempt of the export history stands. Stored in {@code export_attempts.state} by its
 * {@link #name()} (the schema's CHECK constraint and the partial unique index on {@code IN_PROGRESS}
 * name them too), and sent in JSON by the same name: renaming a constant breaks stored rows.
 */
public enum ExportAttemptState {
    /** Written before the HR system is called; at most one per candidate and connector. */
    IN_PROGRESS,
    /** The HR system created a new employee. */
    CREATED,
    /** The HR system already had the person; the existing employee was linked. */
    ALREADY_EXISTS,
    /** Nothing was created; the error says why, and the draft is kept for the next attempt. */
    FAILED,
    /** The host stopped, or the HR system could not confirm, while the export was running. */
    UNFINISHED;

    /** @return the state that records a successful export with that outcome */
    public static ExportAttemptState of(ExportOutcome outcome) {
        return switch (outcome) {
            case CREATED -> CREATED;
            case ALREADY_EXISTS -> ALREADY_EXISTS;
        };
    }

    /** @return the state with that name, or empty (for input from requests) */
    public static Optional<ExportAttemptState> named(String name) {
        return Arrays.stream(values())
                .filter(state -> state.name().equals(name))
                .findFirst();
    }

    /** @return true when an employee stands for the candidate after this attempt */
    public boolean isSuccess() {
        return this == CREATED || this == ALREADY_EXISTS;
    }

    /** @return the successful outcome, or empty when the attempt did not succeed */
    public Optional<ExportOutcome> outcome() {
        return switch (this) {
            case CREATED -> Optional.of(ExportOutcome.CREATED);
            case ALREADY_EXISTS -> Optional.of(ExportOutcome.ALREADY_EXISTS);
            case IN_PROGRESS, FAILED, UNFINISHED -> Optional.empty();
        };
    }

    /**
     * @return true when the attempt's edits should be restored into the next export dialog: it did not
     *         succeed, and it is not running any more
     */
    public boolean keepsEditsForNextAttempt() {
        return this == FAILED || this == UNFINISHED;
    }
}
