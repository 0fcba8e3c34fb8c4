package com.hirerelay.host.export;

import com.hirerelay.api.hris.ExportJournal;
import com.hirerelay.api.hris.FollowUpStep;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's {@link ExportJournal} for one attempt: every call is written to the database before it
 * returns, so that after a crash the history knows whether the employee was created and which follow-up
 * steps ran. Called on the plugin's threads, several at once for steps run side by side: thread-safe, as
 * each call is its own write of its own step's row and the created employee is volatile. Never throws to
 * the plugin (a write that fails is logged, and the step stays pending, to be finished later).
 */
final class AttemptJournal implements ExportJournal {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptJournal.class);

    private final long attemptId;
    private final ExportAttemptRepository attempts;
    private final ExportStepRepository steps;
    private final Clock clock;
    // The connector's planned steps no write of this journal has moved off pending yet.
    private final Set<String> stillPending = ConcurrentHashMap.newKeySet();
    private volatile String createdEmployeeId;

    /**
     * @param planned the steps the attempt recorded as pending with its begin; the host's document steps are
     *     left out (they run after the export, not through the connector)
     */
    AttemptJournal(
            long attemptId,
            List<FollowUpStep> planned,
            ExportAttemptRepository attempts,
            ExportStepRepository steps,
            Clock clock) {
        this.attemptId = attemptId;
        this.attempts = attempts;
        this.steps = steps;
        this.clock = clock;
        planned.stream()
                .map(FollowUpStep::id)
                .filter(id -> !DocumentSteps.isDocumentStep(id))
                .forEach(stillPending::add);
    }

    /**
     * @return whether every planned step of the connector was written off pending (running, done or failed) by
     *     this journal: then none of them is pending any more, and settling the pending ones has nothing to do
     */
    boolean recordedEveryPlannedStep() {
        return stillPending.isEmpty();
    }

    /** @return the employee the connector said it created, or null when it said nothing of the kind */
    String createdEmployeeId() {
        return createdEmployeeId;
    }

    @Override
    public void employeeCreated(String employeeId) {
        if (employeeId == null || employeeId.isBlank()) {
            return;
        }
        createdEmployeeId = employeeId;
        record("the created employee " + employeeId, () -> attempts.recordEmployee(attemptId, employeeId));
    }

    @Override
    public void stepStarted(FollowUpStep step) {
        record(step, FollowUpState.RUNNING, null);
    }

    @Override
    public void stepDone(FollowUpStep step) {
        record(step, FollowUpState.DONE, null);
    }

    @Override
    public void stepFailed(FollowUpStep step, String message) {
        record(step, FollowUpState.FAILED, message);
    }

    private void record(FollowUpStep step, FollowUpState state, String message) {
        if (step == null) {
            return;
        }
        if (record(
                "step '" + step.id() + "' as " + state,
                () -> steps.mark(attemptId, step, state, message, clock.instant()))) {
            stillPending.remove(step.id());
        }
    }

    /** @return whether the write was committed */
    private boolean record(String what, Runnable write) {
        // The plugin's class loader is the context loader on its threads; the database wants the host's.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AttemptJournal.class.getClassLoader());
        try {
            write.run();
            return true;
        } catch (RuntimeException failed) {
            LOG.warn("Could not record {} of export attempt {}: {}", what, attemptId, failed.toString());
            return false;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
