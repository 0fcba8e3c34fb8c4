package com.hirerelay.host.export;

import com.hirerelay.api.hris.ExportOutcome;

/**
 * Where one candidate of a bulk export stands. Sent in JSON by its {@link #name()}; the web UI reads
 * these names.
 */
public enum BulkResultState {
    /** Waiting for a bulk worker. */
    PENDING,
    /** Being exported. */
    RUNNING,
    /** A new employee was created. */
    CREATED,
    /** The HR system had the person already; the existing employee was linked. */
    ALREADY_EXISTS,
    /** Not exported; the message says why. */
    FAILED,
    /**
     * Not sent: fields that must be filled stayed empty after the mapping rules (or the connector found the
     * draft invalid); the message names them, and the candidate's export dialog opens with the rest filled.
     */
    NEEDS_REVIEW;

    /** @return the state of a candidate exported with that outcome */
    public static BulkResultState of(ExportOutcome outcome) {
        return switch (outcome) {
            case CREATED -> CREATED;
            case ALREADY_EXISTS -> ALREADY_EXISTS;
        };
    }

    /** @return true when the candidate will not change any more */
    public boolean isFinal() {
        return this != PENDING && this != RUNNING;
    }

    /** @return true when an employee stands for the candidate */
    public boolean isSuccess() {
        return this == CREATED || this == ALREADY_EXISTS;
    }
}
