package com.hirerelay.api.hris;

/**
 * What an export has done so far, told to the host while it happens, so that a host that stops in the
 * middle (a crash, a kill, a lost connection) knows afterwards whether the employee was created and which
 * {@linkplain FollowUpStep follow-up steps} ran. The host passes one to
 * {@link HrisConnection#export(EmployeeDraft, MatchDecision, ExportJournal)}; each call returns once the
 * host has recorded it durably.
 *
 * <p>A connector calls {@link #employeeCreated} once, right after the HR system confirmed the create (or a
 * look-up confirmed an unclear one) and before the first step; then, for each step it runs,
 * {@link #stepStarted} before sending anything and {@link #stepDone} or {@link #stepFailed} after. A step
 * it does not run (not needed for this draft) it simply does not report.
 *
 * <p>Calls come from the thread that runs the export, or, for steps a connector runs side by side, from
 * the threads that run them, several at a time: a host's journal is thread-safe. Calls about one step come
 * from one thread, in order. The journal never throws to the connector: a host that cannot record
 * something logs it and carries on, since the export itself must not fail for it.
 *
 * @since 1.2.0
 */
public interface ExportJournal {

    /** A journal that records nothing, for callers that need no record. */
    ExportJournal NONE = new ExportJournal() {};

    /**
     * The employee now exists in the HR system, created by this export.
     *
     * @param employeeId the HR system's id of the new employee; not blank
     */
    default void employeeCreated(String employeeId) {}

    /**
     * A follow-up step is about to run: from now on the host treats its outcome as unknown until told.
     *
     * @param step the step, one of {@link HrisConnection#followUpSteps}
     */
    default void stepStarted(FollowUpStep step) {}

    /**
     * A follow-up step went through.
     *
     * @param step the step
     */
    default void stepDone(FollowUpStep step) {}

    /**
     * A follow-up step failed; the export reports it as an {@link ExportWarning} too.
     *
     * @param step the step
     * @param message why, for people, without secrets; the same as the warning's message
     */
    default void stepFailed(FollowUpStep step, String message) {}
}
