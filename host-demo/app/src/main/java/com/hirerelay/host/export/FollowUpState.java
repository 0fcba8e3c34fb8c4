package com.hirerelay.host.export;

/**
 * Where a follow-up step of an export stands. Stored in {@code export_steps.state} by its {@link #name()}
 * and sent in JSON by the same name: renaming a constant breaks stored rows.
 */
public enum FollowUpState {
    /** Recorded before the export; not run yet. */
    PENDING,
    /** Started and not heard of since: it may or may not have happened. */
    RUNNING,
    /** Went through. */
    DONE,
    /** Failed; the message says why and what to do. An export of the same candidate tries it again. */
    FAILED,
    /** Not needed: nothing was created, the employee existed already, or the connector did not run it. */
    SKIPPED;

    /** @return whether the host still has to finish the step (or try it again) */
    public boolean isOpen() {
        return this == PENDING || this == RUNNING || this == FAILED;
    }
}
