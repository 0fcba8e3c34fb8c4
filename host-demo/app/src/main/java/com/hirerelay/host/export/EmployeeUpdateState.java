package com.hirerelay.host.export;

/**
 * Where an update of an exported employee stands. Stored in {@code employee_updates.state} by its
 * {@link #name()} (the schema's CHECK constraint and the partial unique index on {@code IN_PROGRESS} name them):
 * renaming a constant breaks stored rows.
 */
public enum EmployeeUpdateState {
    /** Written before the HR system is called; at most one per candidate and connector. */
    IN_PROGRESS,
    /** Every chosen field was updated. */
    UPDATED,
    /** Some fields were updated and some failed; the failed ones say why. */
    PARTIAL,
    /** Nothing was updated; the error or the fields say why. */
    FAILED
}
