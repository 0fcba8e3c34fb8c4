package com.hirerelay.host.export;

import com.hirerelay.api.HrisException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.api.hris.FollowUpStep;
import com.hirerelay.api.hris.HrisConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash-safe follow-up steps. Before an export calls the connector, the steps it will run after the create
 * (job title and salary, the invitation, ...) are recorded as pending; the connector reports each as it
 * runs it ({@link AttemptJournal}); what it did not report is settled when the export returns. A step the
 * host lost track of (the host stopped while it ran, or before it ran; the export's outcome was settled by a
 * later look-up) is finished later through {@link HrisConnection#resumeFollowUp}: when the host starts
 * again, and when the same candidate is exported again, which finds the employee and then finishes its
 * steps instead of answering "already exists" with data missing.
 *
 * <p>Only steps of an attempt that created the employee are ever finished: its connector reported the
 * create, or its outcome stayed unknown and a later look-up found the employee (absent when the attempt
 * began, so the attempt created it). An employee that existed before is never changed.
 */
public final class FollowUpService {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpService.class);
    private static final Set<FollowUpState> AFTER_RESTART = EnumSet.of(FollowUpState.PENDING, FollowUpState.RUNNING);
    private static final Set<FollowUpState> ON_EXPORT =
            EnumSet.of(FollowUpState.PENDING, FollowUpState.RUNNING, FollowUpState.FAILED);

    private final ExportAttemptRepository attempts;
    private final ExportStepRepository steps;
    private final DocumentSteps documentSteps;
    private final Clock clock;

    /**
     * @param documentSteps sends the documents an export chose: the host's own steps ({@code document-<id>}),
     *     finished through it rather than through the connector's {@link HrisConnection#resumeFollowUp}
     */
    public FollowUpService(
            ExportAttemptRepository attempts, ExportStepRepository steps, DocumentSteps documentSteps, Clock clock) {
        this.attempts = attempts;
        this.steps = steps;
        this.documentSteps = documentSteps;
        this.clock = clock;
    }

    /**
     * The steps the export is about to run, for the attempt's begin to record as pending. A connector that
     * cannot list its steps exports anyway: its steps are then only known from its warnings.
     */
    List<FollowUpStep> planned(HrisConnection connection, EmployeeDraft draft, long candidateId) {
        try {
            List<FollowUpStep> planned = connection.followUpSteps(draft);
            return planned == null ? List.of() : planned;
        } catch (RuntimeException failed) {
            LOG.warn(
                    "The export of candidate {} could not list its follow-up steps: {}",
                    candidateId,
                    failed.getMessage());
            return List.of();
        }
    }

    /**
     * @param planned the steps the attempt's begin recorded as pending
     * @return the journal the connector reports the attempt's steps to
     */
    AttemptJournal journal(long attemptId, List<FollowUpStep> planned) {
        return new AttemptJournal(attemptId, planned, attempts, steps, clock);
    }

    /**
     * Settles the steps the connector did not report once the export returned, in the caller's transaction
     * (with the attempt's outcome): an employee that existed was not changed; a connector that reported its
     * create but not a step did not run that step; a connector that reports nothing (written against API 1.0)
     * ran every step but those it warned about. The host's document steps are left pending: they run after
     * the export, for the created or linked employee.
     */
    void settle(Handle handle, long attemptId, ExportResult result, AttemptJournal journal) {
        boolean reported = journal.createdEmployeeId() != null;
        Instant now = clock.instant();
        if (result.outcome() == ExportOutcome.ALREADY_EXISTS && !reported) {
            ExportStepRepository.skipPending(
                    handle,
                    attemptId,
                    DocumentSteps.STEP_PREFIX,
                    "The employee existed already; it was linked, not changed.",
                    now);
        } else if (reported) {
            // A step the journal wrote is not pending any more: when it wrote them all, the UPDATE would change
            // nothing, and is not sent.
            if (!journal.recordedEveryPlannedStep()) {
                ExportStepRepository.skipPending(handle, attemptId, DocumentSteps.STEP_PREFIX, "Not needed.", now);
            }
        } else {
            Map<String, String> failed = new LinkedHashMap<>();
            result.warnings().forEach(warning -> failed.put(warning.step(), warning.message()));
            for (FollowUpRecord step :
                    ExportStepRepository.forAttempts(handle, List.of(attemptId)).getOrDefault(attemptId, List.of())) {
                if (step.state() == FollowUpState.PENDING && !DocumentSteps.isDocumentStep(step.stepId())) {
                    String message = failed.get(step.label());
                    ExportStepRepository.mark(
                            handle,
                            attemptId,
                            new FollowUpStep(step.stepId(), step.label()),
                            message == null ? FollowUpState.DONE : FollowUpState.FAILED,
                            message,
                            now);
                }
            }
        }
    }

    /** The attempt created nothing: none of its steps will run (in the caller's transaction, with its outcome). */
    static void nothingCreated(Handle handle, long attemptId, Instant now) {
        ExportStepRepository.settle(
                handle, attemptId, FollowUpState.PENDING, FollowUpState.SKIPPED, "Nothing was created.", now);
    }

    /**
     * The steps earlier attempts of the candidate with the connector left open (pending, running or failed),
     * read in the caller's transaction, for {@link #finishEarlier}.
     *
     * @param currentAttemptId the export that reads them; its own steps are left out
     */
    static List<ExportStepRepository.OpenStep> earlierOpen(
            Handle handle, long candidateId, String connectorId, long currentAttemptId) {
        return ExportStepRepository.open(handle, candidateId, connectorId, ON_EXPORT).stream()
                .filter(step -> step.attemptId() != currentAttemptId)
                .toList();
    }

    /**
     * Finishes, for the employee an export of this candidate now stands for, every step the host lost track
     * of in earlier attempts that created that employee (see the class comment), failed steps too. Of
     * earlier attempts whose outcome stayed unknown only the latest is taken to have created the employee;
     * the steps of older ones are skipped, as the latest's stand for them.
     *
     * @param open the steps earlier attempts left open ({@link #earlierOpen})
     * @param draftFor the candidate's draft with an attempt's values (as that attempt sent them)
     * @return a warning for each step that could not be finished, for the user who exported
     */
    List<ExportWarning> finishEarlier(
            List<ExportStepRepository.OpenStep> open,
            long candidateId,
            String employeeId,
            HrisConnection connection,
            Function<Map<String, String>, EmployeeDraft> draftFor) {
        if (open.isEmpty()) {
            return List.of();
        }
        long latestUnknown = open.stream()
                .filter(step -> step.employeeId() == null && step.attemptState() == ExportAttemptState.UNFINISHED)
                .mapToLong(ExportStepRepository.OpenStep::attemptId)
                .max()
                .orElse(-1);
        List<ExportWarning> warnings = new ArrayList<>();
        for (ExportStepRepository.OpenStep step : open) {
            if (step.employeeId() != null) {
                if (step.employeeId().equals(employeeId)) {
                    finish(step, employeeId, connection, draftFor.apply(step.draft()))
                            .ifPresent(warnings::add);
                }
            } else if (step.attemptId() == latestUnknown) {
                LOG.info(
                        "Export attempt {} of candidate {} did not learn its outcome; employee {} found since was"
                                + " created by it",
                        step.attemptId(),
                        candidateId,
                        employeeId);
                attempts.attributeEmployee(step.attemptId(), employeeId);
                finish(step, employeeId, connection, draftFor.apply(step.draft()))
                        .ifPresent(warnings::add);
            } else if (step.attemptState() != ExportAttemptState.IN_PROGRESS) {
                steps.mark(
                        step.attemptId(),
                        step.step(),
                        FollowUpState.SKIPPED,
                        "A later export of this candidate finished the steps.",
                        clock.instant());
            }
        }
        return warnings;
    }

    /**
     * Finishes this attempt's own pending and running steps, when its outcome was settled by a look-up after
     * the connector stopped without saying (a time-out, an unknown outcome): the connector may not have run
     * them.
     *
     * @return a warning for each step that could not be finished
     */
    List<ExportWarning> finishOwn(
            long attemptId,
            long candidateId,
            String connectorId,
            String employeeId,
            HrisConnection connection,
            EmployeeDraft draft) {
        List<ExportWarning> warnings = new ArrayList<>();
        for (FollowUpRecord record : steps.forAttempts(List.of(attemptId)).getOrDefault(attemptId, List.of())) {
            // The documents are sent right after by the export itself.
            if ((record.state() == FollowUpState.PENDING || record.state() == FollowUpState.RUNNING)
                    && !DocumentSteps.isDocumentStep(record.stepId())) {
                ExportStepRepository.OpenStep open = new ExportStepRepository.OpenStep(
                        attemptId,
                        candidateId,
                        connectorId,
                        ExportAttemptState.CREATED,
                        employeeId,
                        Map.of(),
                        new FollowUpStep(record.stepId(), record.label()),
                        record.state());
                finish(open, employeeId, connection, draft).ifPresent(warnings::add);
            }
        }
        return warnings;
    }

    /**
     * After a restart: finishes the pending and running steps of attempts whose create the connector had
     * reported before the host stopped.
     *
     * @param connections the usable connection of a connector, or empty when it has none now
     * @param candidates a candidate by id, for its draft
     * @return how many steps were finished
     */
    public int finishAfterRestart(
            Function<String, Optional<HrisConnection>> connections, Function<Long, Optional<Candidate>> candidates) {
        int finished = 0;
        for (ExportStepRepository.OpenStep open : steps.open(null, null, AFTER_RESTART)) {
            if (open.employeeId() == null || !open.attemptState().isSuccess()) {
                continue; // an unfinished attempt is settled by the next export, which looks the employee up
            }
            Optional<HrisConnection> connection = connections.apply(open.connectorId());
            Optional<Candidate> candidate = candidates.apply(open.candidateId());
            if (connection.isEmpty() || candidate.isEmpty()) {
                LOG.warn(
                        "Step '{}' of export attempt {} waits: connector {} or candidate {} is not available",
                        open.step().label(),
                        open.attemptId(),
                        open.connectorId(),
                        open.candidateId());
                continue;
            }
            EmployeeDraft draft = draft(connection.get(), candidate.get(), open.draft());
            if (finish(open, open.employeeId(), connection.get(), draft).isEmpty()) {
                finished++;
            }
        }
        return finished;
    }

    /** @return the candidate's draft with the values an attempt sent (values of fields it no longer has dropped) */
    static EmployeeDraft draft(HrisConnection connection, Candidate candidate, Map<String, String> values) {
        EmployeeDraft base = connection.draftFor(candidate);
        Map<String, String> known = new LinkedHashMap<>(values);
        known.keySet().removeIf(key -> base.field(key).isEmpty());
        return base.withValues(known);
    }

    /** @return empty when the step is done, else the warning saying why not */
    private Optional<ExportWarning> finish(
            ExportStepRepository.OpenStep open, String employeeId, HrisConnection connection, EmployeeDraft draft) {
        FollowUpStep step = open.step();
        try {
            steps.mark(open.attemptId(), step, FollowUpState.RUNNING, null, clock.instant());
            if (DocumentSteps.isDocumentStep(step.id())) {
                Optional<String> notSent =
                        documentSteps.resume(open.candidateId(), open.connectorId(), employeeId, step, connection);
                if (notSent.isPresent()) {
                    return failed(open, step, notSent.get());
                }
            } else {
                connection.resumeFollowUp(step, employeeId, draft);
            }
            steps.mark(
                    open.attemptId(),
                    step,
                    FollowUpState.DONE,
                    "Finished after the host lost track of it ("
                            + open.state().name().toLowerCase(java.util.Locale.ROOT) + ").",
                    clock.instant());
            LOG.info(
                    "Finished step '{}' of export attempt {} for employee {}",
                    step.label(),
                    open.attemptId(),
                    employeeId);
            return Optional.empty();
        } catch (HrisException | UnsupportedOperationException failed) {
            return failed(open, step, failed.getMessage());
        } catch (RuntimeException failed) {
            return failed(
                    open, step, "It could not be finished (" + failed.getMessage() + "). Do it in the HR system.");
        }
    }

    private Optional<ExportWarning> failed(ExportStepRepository.OpenStep open, FollowUpStep step, String message) {
        String shown =
                message == null || message.isBlank() ? "It could not be finished; do it in the HR system." : message;
        steps.mark(open.attemptId(), step, FollowUpState.FAILED, shown, clock.instant());
        LOG.warn("Step '{}' of export attempt {} could not be finished: {}", step.label(), open.attemptId(), shown);
        return Optional.of(new ExportWarning(step.label(), shown));
    }
}
