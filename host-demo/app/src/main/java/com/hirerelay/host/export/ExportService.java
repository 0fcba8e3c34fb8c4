package com.hirerelay.host.export;

import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.ApiVersionUnavailableException;
import com.hirerelay.api.Capability;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.DocumentKind;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeMatch;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.api.hris.FollowUpStep;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.MatchDecision;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.settings.ApiVersionStatus;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.CandidateFacts;
import com.hirerelay.host.candidates.CandidateLookup;
import com.hirerelay.host.candidates.ExportSummary;
import com.hirerelay.host.documents.DocumentService;
import com.hirerelay.host.documents.StoredDocument;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.integrations.IntegrationService;
import com.hirerelay.host.integrations.IntegrationSnapshot;
import com.hirerelay.host.mapping.DraftRules;
import com.hirerelay.host.metrics.HostMetrics;
import com.hirerelay.host.metrics.Phase;
import com.hirerelay.host.metrics.RequestTiming;
import com.hirerelay.host.plugins.PluginHost;
import com.hirerelay.host.plugins.PluginTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a candidate with a connector: builds the editable draft, and sends an edited draft exactly
 * once. Concurrent exports of the same candidate with the same connector share one call (the later
 * caller gets the first one's result); the attempt is recorded before the HR system is called and
 * finished after, so that nothing the HR system has is ever missing from the history.
 */
public final class ExportService {

    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);
    private static final Duration WAIT_FOR_RUNNING_EXPORT = Duration.ofMinutes(2);
    // An export takes a few hundred milliseconds to seconds; a quarter second adds little and costs one query.
    private static final Duration OTHER_INSTANCE_POLL = Duration.ofMillis(250);

    private final CandidateLookup candidates;
    private final PluginHost plugins;
    private final IntegrationService integrations;
    private final ExportPolicy policy;
    private final ExportAttemptRepository attempts;
    private final DocumentService documents;
    private final DocumentSteps documentSteps;
    private final FollowUpService followUps;
    private final Clock clock;
    private final HostMetrics metrics;
    private final DraftInputCheck inputCheck = new DraftInputCheck();
    private final DraftRules rules;
    private final ExportBaselineRepository baselines;
    private final Map<String, CompletableFuture<ExportViews.Outcome>> running = new ConcurrentHashMap<>();

    public ExportService(
            CandidateLookup candidates,
            PluginHost plugins,
            IntegrationService integrations,
            ExportPolicy policy,
            ExportAttemptRepository attempts,
            DocumentService documents,
            DocumentSteps documentSteps,
            FollowUpService followUps,
            Clock clock,
            DraftRules rules,
            HostMetrics metrics,
            ExportBaselineRepository baselines) {
        this.candidates = candidates;
        this.plugins = plugins;
        this.integrations = integrations;
        this.policy = policy;
        this.attempts = attempts;
        this.documents = documents;
        this.documentSteps = documentSteps;
        this.followUps = followUps;
        this.clock = clock;
        this.metrics = metrics;
        this.rules = rules;
        this.baselines = baselines;
    }

    /**
     * After a restart: finishes the follow-up steps of exports whose create the connector had reported
     * before the host stopped (see {@link FollowUpService}). Runs once, in the background.
     *
     * @return how many steps were finished
     */
    public int finishInterruptedFollowUps() {
        return followUps.finishAfterRestart(
                connectorId -> integrations.isUsable(connectorId)
                        ? Optional.of(integrations.connection(connectorId))
                        : Optional.empty(),
                candidates::findForExport);
    }

    /**
     * @return the draft for the export dialog: the connector's default mapping, with the edits of a
     *         failed last attempt restored, the reference lists, and the latest successful export
     */
    public ExportViews.Draft draft(long candidateId, String connectorId, User user) {
        IntegrationSnapshot integrationsNow = integrations.snapshot();
        Candidate candidate = exportable(candidateId, connectorId, user, integrationsNow);
        HrisConnection connection = integrationsNow.connection(connectorId);
        EmployeeDraft draft = mappedDraft(connectorId, connection, candidate);
        Optional<ExportAttempt> latest = attempts.latest(candidateId, connectorId);
        // A failed attempt's values are what one user typed, not the candidate's data: only that user gets them
        // back, and only while that attempt is the latest (a later export by anyone makes them stale).
        if (latest.isPresent()
                && latest.get().state().keepsEditsForNextAttempt()
                && attempts.userIdOf(latest.get().id()).orElse(-1L) == user.id()) {
            Map<String, String> kept = new LinkedHashMap<>(latest.get().draft());
            kept.keySet().removeIf(key -> draft.field(key).isEmpty());
            // Fields the user emptied were left out of the stored draft: empty them again.
            draft.fields().stream()
                    .map(field -> field.key())
                    .filter(key -> !kept.containsKey(key))
                    .forEach(key -> kept.put(key, ""));
            Restored restored = new Restored(latest.get().id(), latest.get().startedAt(), draft.values());
            return view(candidateId, connectorId, draft.withValues(kept), connection, restored, user);
        }
        return view(candidateId, connectorId, draft, connection, null, user);
    }

    /** The failed attempt whose values a draft restores, and the ATS's values they replaced. */
    private record Restored(long attemptId, java.time.Instant at, Map<String, String> atsValues) {}

    /**
     * What the HR system already has that may be this candidate, for the export dialog to show side by side
     * before the user chooses Link or Create new.
     *
     * @return the candidate as the draft has it and the match, or a view without a match
     */
    public ExportViews.MatchView match(long candidateId, String connectorId, Map<String, String> edits, User user) {
        IntegrationSnapshot integrationsNow = integrations.snapshot();
        Candidate candidate = exportable(candidateId, connectorId, user, integrationsNow);
        HrisConnection connection = integrationsNow.connection(connectorId);
        EmployeeDraft base = mappedDraft(connectorId, connection, candidate);
        Map<String, String> known = new LinkedHashMap<>();
        (edits == null ? Map.<String, String>of() : edits).forEach((field, value) -> {
            if (base.field(field).isPresent()) {
                known.put(field, value == null ? "" : value);
            }
        });
        EmployeeDraft draft = base.withValues(known);
        Optional<EmployeeMatch> match = call(connectorId, () -> connection.findMatch(draft));
        return ExportViews.MatchView.of(candidate, match.orElse(null));
    }

    /**
     * Exports the candidate with the user's edits applied to the connector's draft.
     *
     * @throws RequestRefusedException when the candidate may not be exported, the input is invalid
     *                                 (with field errors; recorded with the draft so it is not lost) or
     *                                 the same export is running and does not finish in time
     * @throws HrisException the connector's typed failure, recorded in the history
     */
    public ExportViews.Outcome export(long candidateId, String connectorId, Map<String, String> edits, User user) {
        return export(candidateId, connectorId, edits, null, user);
    }

    /**
     * Exports the candidate with the user's answer to a possible match: link that employee, or create a new
     * one beside it. Without a decision a possible match stops the export (recorded, 409 possible_match).
     */
    public ExportViews.Outcome export(
            long candidateId, String connectorId, Map<String, String> edits, MatchDecision decision, User user) {
        return export(candidateId, connectorId, edits, decision, List.of(), user);
    }

    /**
     * Exports the candidate and then sends the chosen documents to the employee, each on its own: a document
     * that fails is reported in the outcome (and as a warning) and can be sent again, the export stands.
     *
     * @param documentIds the candidate's documents to send; empty for none
     * @throws RequestRefusedException 422 naming {@code documentIds} when a document is not the candidate's,
     *     or the connector takes no documents; checked before anything is sent
     */
    public ExportViews.Outcome export(
            long candidateId,
            String connectorId,
            Map<String, String> edits,
            MatchDecision decision,
            List<Long> documentIds,
            User user) {
        // A request's timing is bound by the web layer; a bulk export's candidate gets its own.
        RequestTiming requestTiming = RequestTiming.current();
        RequestTiming timing = requestTiming != null
                ? requestTiming
                : RequestTiming.startedAt(System.nanoTime()).bind();
        if (requestTiming != null) {
            timing.lap(Phase.HTTP);
        }
        String outcome = "failed";
        boolean counted = true;
        try {
            // One read of the integrations serves the checks and the connection.
            IntegrationSnapshot integrationsNow = integrations.snapshot();
            Candidate candidate = exportable(candidateId, connectorId, user, integrationsNow);
            HrisConnection connection = integrationsNow.connection(connectorId);
            List<CandidateDocument> chosen = chosenDocuments(connection, candidateId, connectorId, documentIds);
            timing.lap(Phase.CHECKS);
            String key = candidateId + "/" + connectorId;
            CompletableFuture<ExportViews.Outcome> mine = new CompletableFuture<>();
            CompletableFuture<ExportViews.Outcome> theirs = running.putIfAbsent(key, mine);
            if (theirs != null) {
                LOG.info(
                        "Export of candidate {} with {} is running already; waiting for its result",
                        candidateId,
                        connectorId);
                counted = false; // the running export counts itself
                return awaitRunning(theirs);
            }
            try {
                // The ATS's draft, read once: the export starts from it, and it is the record of what the ATS said.
                EmployeeDraft base = mappedDraft(connectorId, connection, candidate);
                // The export's records after the HR system answered (its outcome, its steps settled, the
                // baseline) are written by exportOnce, in one transaction.
                ExportViews.Outcome result = exportOnce(
                        candidate, base, connection, candidateId, connectorId, edits, decision, chosen, user, timing);
                timing.lap(Phase.ATTEMPT);
                if (!chosen.isEmpty() && result.employeeId() != null) {
                    result = result.withDocuments(documentSteps.send(
                            connection, connectorId, candidateId, result.employeeId(), result.attemptId(), chosen));
                    // The uploads are the plugin's calls (their wait on the HR system is reported as such).
                    timing.lap(Phase.PLUGIN);
                }
                mine.complete(result);
                outcome = result.outcome().name().toLowerCase(Locale.ROOT);
                return result;
            } catch (RuntimeException failure) {
                mine.completeExceptionally(failure);
                throw failure;
            } finally {
                running.remove(key, mine);
            }
        } catch (RuntimeException failure) {
            outcome = outcomeOf(failure);
            throw failure;
        } finally {
            if (counted) {
                // The label is a connector the host has, never whatever a request named.
                String label = plugins.connector(connectorId).isPresent() ? connectorId : "other";
                metrics.exportFinished(label, outcome, timing.breakdown());
            }
            if (requestTiming == null) {
                RequestTiming.unbind();
            }
        }
    }

    /** The outcome label of an export that ended in an exception. */
    private static String outcomeOf(RuntimeException failure) {
        if (failure instanceof ValidationFailedException) {
            return "invalid";
        }
        if (failure instanceof RequestRefusedException refused) {
            return refused.reason() == Reason.VALIDATION_FAILED ? "invalid" : "refused";
        }
        if (failure instanceof ExportOutcomeUnknownException) {
            return "unknown";
        }
        if (failure instanceof com.hirerelay.host.auth.AccessDeniedException) {
            return "refused";
        }
        return "failed";
    }

    private ExportViews.Outcome exportOnce(
            Candidate candidate,
            EmployeeDraft base,
            HrisConnection connection,
            long candidateId,
            String connectorId,
            Map<String, String> edits,
            MatchDecision decision,
            List<CandidateDocument> chosen,
            User user,
            RequestTiming timing) {
        Map<String, String> known = new LinkedHashMap<>();
        List<FieldError> unknown = new ArrayList<>();
        (edits == null ? Map.<String, String>of() : edits).forEach((field, value) -> {
            if (base.field(field).isPresent()) {
                known.put(field, value == null ? "" : value);
            } else {
                unknown.add(new FieldError(field, "This HR system has no field '" + field + "'."));
            }
        });
        if (!unknown.isEmpty()) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED, "The export names fields this HR system does not have.", unknown);
        }
        DraftInputCheck.Checked checked = inputCheck.check(base.withValues(known));
        EmployeeDraft draft = checked.draft();
        String connectorName = connectorName(connectorId);
        // The host's own checks (the input check, the fields the mapping rules require) come first. Only when they
        // find something is the connector's validate() asked too, so that the user sees every field at once; a draft
        // the host finds nothing wrong with is validated once, by export itself, before it sends anything
        // (HrisConnection#export, proven for every plugin by the test kit).
        List<FieldError> invalid = withEmptyRequired(draft, checked.errors());
        // The steps after the create are recorded with the attempt, before anything is sent, so that none is
        // forgotten; a draft that is refused sends nothing and has none.
        List<FollowUpStep> planned = List.of();
        if (invalid.isEmpty()) {
            planned = new ArrayList<>(followUps.planned(connection, draft, candidateId));
            planned.addAll(DocumentSteps.planned(chosen));
        }
        timing.lap(Phase.DRAFT);
        long waitUntil = System.nanoTime() + WAIT_FOR_RUNNING_EXPORT.toNanos();
        Optional<Long> begun;
        while ((begun = attempts.begin(
                        candidateId,
                        candidate.fullName(),
                        connectorId,
                        connectorName,
                        user.id(),
                        user.name(),
                        draft.values(),
                        DraftLine.of(draft, referenceOrNull(connection, connectorId)),
                        planned,
                        clock.instant()))
                .isEmpty()) {
            // Another host instance on the same database is exporting this candidate (this one's own exports
            // wait in export() above): wait for its result instead of calling the HR system a second time.
            Optional<ExportViews.Outcome> theirs = awaitOtherInstance(candidateId, connectorId, waitUntil);
            if (theirs.isPresent()) {
                baselines.record(
                        candidateId, connectorId, CandidateFacts.of(candidate), base.values(), clock.instant());
                LOG.info(
                        "Export of candidate {} with {} was done by another host instance (attempt {})",
                        candidateId,
                        connectorId,
                        theirs.get().attemptId());
                return theirs.get();
            }
            if (System.nanoTime() - waitUntil >= 0) {
                throw new RequestRefusedException(
                        Reason.EXPORT_IN_PROGRESS,
                        candidate.fullName() + " is being exported to " + connectorName
                                + " right now. Wait a moment and look at the candidate again.");
            }
            // It did not succeed (failed, or its instance stopped): this export is made after all.
        }
        long attemptId = begun.get();
        timing.lap(Phase.ATTEMPT);
        if (!invalid.isEmpty()) {
            invalid = new ArrayList<>(checked.errors());
            try {
                // The host's refusal of a field stands; the connector speaks for the other fields.
                List<FieldError> mine = List.copyOf(invalid);
                call(connectorId, () -> connection.validate(draft)).stream()
                        .filter(error ->
                                mine.stream().noneMatch(own -> own.field().equals(error.field())))
                        .forEach(invalid::add);
                invalid = withEmptyRequired(draft, invalid);
            } catch (RuntimeException failure) {
                fail(attemptId, failure.getMessage());
                throw failure;
            }
            fail(attemptId, "Nothing was sent. " + describe(invalid, draft));
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Check the highlighted fields; nothing was sent to " + connectorName + "." + emptyRequired(draft),
                    invalid);
        }
        AttemptJournal journal = followUps.journal(attemptId, planned);
        Map<String, String> atsValues = base.values();
        LOG.info("Exporting candidate {} to {} (attempt {})", candidateId, connectorId, attemptId);
        ExportResult result;
        try {
            result = connection.export(draft, decision, journal);
            timing.lap(Phase.PLUGIN);
        } catch (ExportOutcomeUnknownException | PluginTimeoutException unconfirmed) {
            return settleUnknownOutcome(
                    attemptId, candidate, atsValues, connection, draft, connectorId, journal, unconfirmed);
        } catch (ValidationFailedException refused) {
            // The user's edits stay with the attempt, so the dialog reopens with them.
            fail(
                    attemptId,
                    sentence(refused.getMessage())
                            + (refused.fieldErrors().isEmpty() ? "" : " " + describe(refused.fieldErrors(), draft)));
            throw refused;
        } catch (InvalidCredentialsException | AccessDeniedException refused) {
            fail(attemptId, refused.getMessage());
            integrations.markNeedsReconnection(connectorId, refused.getMessage());
            throw refused;
        } catch (ApiVersionUnavailableException gone) {
            fail(attemptId, gone.getMessage());
            integrations.markNeedsAttention(connectorId, gone.getMessage());
            throw gone;
        } catch (RuntimeException failure) {
            if (journal.createdEmployeeId() != null) {
                // The connector failed after it created the employee: the export stands, its open steps wait.
                return succeed(
                        attemptId,
                        connectorId,
                        candidate,
                        atsValues,
                        connection,
                        new ExportResult(
                                com.hirerelay.api.hris.ExportOutcome.CREATED,
                                journal.createdEmployeeId(),
                                null,
                                List.of(new ExportWarning(
                                        "Finish the export",
                                        "The connector failed after it created the employee (" + failure.getMessage()
                                                + "). Export again to finish the remaining steps."))),
                        journal);
            }
            fail(attemptId, failure.getMessage());
            throw failure;
        }
        return succeed(attemptId, connectorId, candidate, atsValues, connection, result, journal);
    }

    /** The connector's draft with the integration's mapping rules applied (issue 16). */
    EmployeeDraft mappedDraft(String connectorId, HrisConnection connection, Candidate candidate) {
        EmployeeDraft draft = call(connectorId, () -> connection.draftFor(candidate));
        return rules.apply(connectorId, candidate, draft, () -> call(connectorId, connection::referenceData));
    }

    /**
     * Adds an error for each required field left empty that the connector did not flag itself: a field the
     * admin's mapping rules require is the host's rule, not the connector's, and must stop the export too.
     */
    private static List<FieldError> withEmptyRequired(EmployeeDraft draft, List<FieldError> fromConnector) {
        List<FieldError> all = new ArrayList<>(fromConnector);
        for (DraftField field : draft.fields()) {
            if (field.required()
                    && !field.hasValue()
                    && all.stream().noneMatch(error -> error.field().equals(field.key()))) {
                all.add(new FieldError(field.key(), field.label() + " must be filled; no mapping rule filled it."));
            }
        }
        return all;
    }

    /** @return " Empty: Team, Location." naming the required fields left empty, or "" */
    private static String emptyRequired(EmployeeDraft draft) {
        List<String> empty = draft.fields().stream()
                .filter(field -> field.required() && !field.hasValue())
                .map(DraftField::label)
                .toList();
        return empty.isEmpty() ? "" : " Empty: " + String.join(", ", empty) + ".";
    }

    /**
     * The HR system may or may not have created the employee. When the connector reported the create, it
     * did. Otherwise look once: found means it was us (it did not exist when the export started), not found
     * means nothing was created. If even the look-up fails, the attempt stays visibly unfinished and a later
     * export links whatever exists. Either way an employee found here gets the follow-up steps the connector
     * may not have run.
     */
    private ExportViews.Outcome settleUnknownOutcome(
            long attemptId,
            Candidate candidate,
            Map<String, String> atsValues,
            HrisConnection connection,
            EmployeeDraft draft,
            String connectorId,
            AttemptJournal journal,
            RuntimeException unknown) {
        Optional<ExistingEmployee> found;
        if (journal.createdEmployeeId() != null) {
            found = Optional.of(new ExistingEmployee(journal.createdEmployeeId(), null, null, null));
        } else {
            try {
                found = connection.findExisting(draft);
            } catch (RuntimeException lookupFailed) {
                attempts.finish(
                        attemptId,
                        ExportAttemptState.UNFINISHED,
                        null,
                        null,
                        "The HR system did not confirm the export (" + unknown.getMessage()
                                + "). Export again: an employee it already has is linked, not created twice.",
                        List.of(),
                        clock.instant());
                throw new ExportOutcomeUnknownException(
                        "The HR system did not confirm the export and could not be asked"
                                + " again. Export again in a moment: an employee it already has is linked, not created"
                                + " twice.",
                        unknown);
            }
        }
        if (found.isPresent()) {
            LOG.info(
                    "Export attempt {} with {} was confirmed by a look-up after: {}",
                    attemptId,
                    connectorId,
                    unknown.getMessage());
            ExportResult confirmed = new ExportResult(
                    com.hirerelay.api.hris.ExportOutcome.CREATED,
                    found.get().employeeId(),
                    found.get().link(),
                    List.of(),
                    true);
            List<ExportWarning> own = followUps.finishOwn(
                    attemptId,
                    Long.parseLong(candidate.id()),
                    connectorId,
                    found.get().employeeId(),
                    connection,
                    draft);
            return succeed(
                    attemptId,
                    connectorId,
                    candidate,
                    atsValues,
                    connection,
                    new ExportResult(confirmed.outcome(), confirmed.employeeId(), confirmed.link(), own, true),
                    journal);
        }
        fail(attemptId, "Not created: " + unknown.getMessage());
        throw unknown instanceof HrisException hris
                ? hris
                : new ExportOutcomeUnknownException(
                        "The HR system did not answer in time and has no such employee;"
                                + " nothing was created. Try again.",
                        unknown);
    }

    /**
     * Records the success, settles the steps the connector did not report and records the export baseline (one
     * transaction, which also reads the steps earlier attempts left open), then finishes those steps for the
     * same employee (their failures join the result's warnings).
     *
     * @param atsValues the draft's values as the ATS filled them, before the dialog's edits: the baseline
     */
    private ExportViews.Outcome succeed(
            long attemptId,
            String connectorId,
            Candidate candidate,
            Map<String, String> atsValues,
            HrisConnection connection,
            ExportResult result,
            AttemptJournal journal) {
        String link = result.link() == null ? null : result.link().toString();
        long candidateId = Long.parseLong(candidate.id());
        Instant now = clock.instant();
        List<ExportStepRepository.OpenStep> earlierOpen = attempts.inTransaction(handle -> {
            attempts.finish(
                    handle,
                    attemptId,
                    ExportAttemptState.of(result.outcome()),
                    result.employeeId(),
                    link,
                    null,
                    result.warnings(),
                    now);
            followUps.settle(handle, attemptId, result, journal);
            ExportBaselineRepository.record(
                    handle, candidateId, connectorId, CandidateFacts.of(candidate), atsValues, now);
            return FollowUpService.earlierOpen(handle, candidateId, connectorId, attemptId);
        });
        RequestTiming timing = RequestTiming.current();
        if (timing != null) {
            timing.lap(Phase.ATTEMPT);
        }
        ExportViews.Outcome outcome = new ExportViews.Outcome(
                result.outcome(), result.employeeId(), link, result.warnings(), attemptId, List.of());
        List<ExportWarning> earlier = followUps.finishEarlier(
                earlierOpen,
                candidateId,
                result.employeeId(),
                connection,
                values -> FollowUpService.draft(connection, candidate, values));
        if (earlier.isEmpty()) {
            return outcome;
        }
        List<ExportWarning> warnings = new ArrayList<>(outcome.warnings());
        warnings.addAll(earlier);
        return new ExportViews.Outcome(
                outcome.outcome(), outcome.employeeId(), outcome.link(), warnings, attemptId, outcome.documents());
    }

    private void fail(long attemptId, String message) {
        Instant now = clock.instant();
        // The steps that will not run and the outcome, in one transaction.
        attempts.inTransaction(handle -> {
            FollowUpService.nothingCreated(handle, attemptId, now);
            attempts.finish(
                    handle,
                    attemptId,
                    ExportAttemptState.FAILED,
                    null,
                    null,
                    message == null ? "Failed" : message,
                    List.of(),
                    now);
            return null;
        });
    }

    /**
     * Waits while the candidate's latest attempt is in progress on another instance.
     *
     * @return its outcome when it succeeded; empty when it did not, or still runs at {@code waitUntil}
     */
    private Optional<ExportViews.Outcome> awaitOtherInstance(long candidateId, String connectorId, long waitUntil) {
        while (true) {
            Optional<ExportAttempt> latest = attempts.latest(candidateId, connectorId);
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            ExportAttempt attempt = latest.get();
            if (attempt.state() != ExportAttemptState.IN_PROGRESS) {
                return attempt.state()
                        .outcome()
                        .map(outcome -> new ExportViews.Outcome(
                                outcome, attempt.employeeId(), attempt.link(), attempt.warnings(), attempt.id()));
            }
            if (System.nanoTime() - waitUntil >= 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(OTHER_INSTANCE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RequestRefusedException(
                        Reason.EXPORT_IN_PROGRESS, "This candidate's export is still running.");
            }
        }
    }

    private ExportViews.Outcome awaitRunning(CompletableFuture<ExportViews.Outcome> running) {
        try {
            return running.get(WAIT_FOR_RUNNING_EXPORT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new RequestRefusedException(Reason.EXPORT_IN_PROGRESS, "This candidate's export is still running.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestRefusedException(Reason.EXPORT_IN_PROGRESS, "This candidate's export is still running.");
        }
    }

    private ExportViews.Draft view(
            long candidateId,
            String connectorId,
            EmployeeDraft draft,
            HrisConnection connection,
            Restored restored,
            User user) {
        ReferenceData reference = call(connectorId, connection::referenceData);
        ExportSummary existing = attempts.latestFor(List.of(candidateId)).getOrDefault(candidateId, List.of()).stream()
                .filter(summary -> summary.connectorId().equals(connectorId))
                .findFirst()
                .orElse(null);
        List<Capability> capabilities =
                connection.capabilities().stream().sorted().toList();
        return new ExportViews.Draft(
                candidateId,
                connectorId,
                connectorName(connectorId),
                draft.fields(),
                draft.fields().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                field -> field.key(),
                                field -> draft.sectionOf(field.key()),
                                (first, second) -> first,
                                LinkedHashMap::new)),
                reference.lists(),
                existing,
                restored == null ? null : restored.attemptId(),
                restored == null ? null : restored.at(),
                restored == null ? null : restored.atsValues(),
                adminWarning(connectorId, user),
                capabilities,
                capabilities.contains(Capability.DOCUMENTS)
                        ? documentChoices(candidateId, connectorId, existing)
                        : null);
    }

    /**
     * Sends documents to the employee of the candidate's latest export: a retry of a failed one, or documents
     * added after the export.
     *
     * @throws RequestRefusedException 409 {@code not_exportable} when the candidate was not exported with the
     *     connector; 422 as {@link #export(long, String, Map, MatchDecision, List, User)}
     */
    public ExportViews.DocumentsSent sendDocuments(
            long candidateId, String connectorId, List<Long> documentIds, User user) {
        IntegrationSnapshot integrationsNow = integrations.snapshot();
        exportable(candidateId, connectorId, user, integrationsNow);
        HrisConnection connection = integrationsNow.connection(connectorId);
        List<CandidateDocument> chosen = chosenDocuments(connection, candidateId, connectorId, documentIds);
        if (chosen.isEmpty()) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Choose the documents to send.",
                    List.of(new FieldError("documentIds", "Choose at least one document.")));
        }
        ExportAttempt exported = attempts.latestWithEmployee(candidateId, connectorId)
                .orElseThrow(() -> new RequestRefusedException(
                        Reason.NOT_EXPORTABLE,
                        "Export the candidate to " + connectorName(connectorId) + " first; the documents go to"
                                + " that employee."));
        // The documents join that export's steps, beside the ones it sent then.
        return new ExportViews.DocumentsSent(
                exported.employeeId(),
                documentSteps.send(connection, connectorId, candidateId, exported.employeeId(), exported.id(), chosen));
    }

    private List<CandidateDocument> chosenDocuments(
            HrisConnection connection, long candidateId, String connectorId, List<Long> documentIds) {
        if (documentIds == null || documentIds.isEmpty()) {
            return List.of();
        }
        if (!connection.capabilities().contains(Capability.DOCUMENTS)) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    connectorName(connectorId) + " does not take documents; nothing was sent.",
                    List.of(new FieldError("documentIds", "This HR system does not take documents.")));
        }
        return documents.forExport(candidateId, documentIds);
    }

    private List<ExportViews.DocumentChoice> documentChoices(
            long candidateId, String connectorId, ExportSummary existing) {
        Map<String, DocumentUploadRepository.Upload> sent = new java.util.HashMap<>();
        if (existing != null && existing.employeeId() != null) {
            documentSteps.standing(candidateId, connectorId).stream()
                    .filter(upload -> upload.employeeId().equals(existing.employeeId()))
                    .forEach(upload -> sent.put(upload.sha256(), upload));
        }
        List<ExportViews.DocumentChoice> choices = new ArrayList<>();
        for (StoredDocument document : documents.list(candidateId)) {
            DocumentUploadRepository.Upload upload = sent.get(document.sha256());
            boolean usual = document.kind() == DocumentKind.CV || document.kind() == DocumentKind.OFFER_LETTER;
            choices.add(new ExportViews.DocumentChoice(
                    document.id(),
                    document.fileName(),
                    document.kind(),
                    document.sizeBytes(),
                    document.uploadedBy(),
                    document.uploadedAt(),
                    usual && (upload == null || upload.state() != DocumentUploadState.UPLOADED),
                    upload == null ? null : upload.state(),
                    upload == null ? null : upload.error()));
        }
        return choices;
    }

    /**
     * The API-version warning of the connection, for admins only: they are the ones who can act on it, and
     * other users need not be alarmed about an export that works today.
     */
    private String adminWarning(String connectorId, User user) {
        if (!user.role().mayManageIntegrations()) {
            return null;
        }
        return integrations
                .apiVersionStatus(connectorId)
                .map(ApiVersionStatus::warning)
                .orElse(null);
    }

    /** The candidate, if the user may export it with the connector ({@link ExportPolicy}). */
    Candidate exportable(long candidateId, String connectorId, User user, IntegrationSnapshot integrationsNow) {
        Candidate candidate = candidates
                .findForExport(candidateId)
                .orElseThrow(() ->
                        new RequestRefusedException(Reason.NOT_FOUND, "There is no candidate " + candidateId + "."));
        policy.requireMayExport(user, candidate, connectorId, integrationsNow);
        return candidate;
    }

    /** A candidate the user may export with the connector, and the connection, read together. */
    record Exportable(Candidate candidate, HrisConnection connection) {}

    /** @return the candidate and the connection, for a user who may export the candidate with the connector */
    Exportable exportableWithConnection(long candidateId, String connectorId, User user) {
        IntegrationSnapshot integrationsNow = integrations.snapshot();
        Candidate candidate = exportable(candidateId, connectorId, user, integrationsNow);
        return new Exportable(candidate, integrationsNow.connection(connectorId));
    }

    String connectorName(String connectorId) {
        return plugins.connector(connectorId)
                .map(handle -> handle.info().displayName())
                .orElse(connectorId);
    }

    <T> T call(String connectorId, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidCredentialsException | AccessDeniedException refused) {
            integrations.markNeedsReconnection(connectorId, refused.getMessage());
            throw refused;
        } catch (ApiVersionUnavailableException gone) {
            integrations.markNeedsAttention(connectorId, gone.getMessage());
            throw gone;
        }
    }

    /** "First name: Enter the first name. Phone number: ..." with the labels the person saw, not the keys. */
    private static String describe(List<FieldError> errors, EmployeeDraft draft) {
        return String.join(
                " ",
                errors.stream()
                        .map(error -> draft.field(error.field())
                                        .map(field -> field.label() + ": ")
                                        .orElse(
                                                error.field() == null
                                                                || error.field().isBlank()
                                                        ? ""
                                                        : error.field() + ": ")
                                + sentence(error.message()))
                        .toList());
    }

    private static String sentence(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() || trimmed.matches("(?s).*[.!?]$") ? trimmed : trimmed + ".";
    }

    /** The lists the draft's choices come from, for the history's names; the export does not depend on them. */
    private ReferenceData referenceOrNull(HrisConnection connection, String connectorId) {
        try {
            return call(connectorId, connection::referenceData);
        } catch (RuntimeException unreadable) {
            LOG.info(
                    "Export history of {} keeps ids without names: the reference lists could not be read ({})",
                    connectorId,
                    unreadable.getMessage());
            return null;
        }
    }
}
