package com.hirerelay.host.export;

import com.hirerelay.api.HrisException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.ContractChange;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.CandidateLookup;
import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.plugins.PluginTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends "Changed since export" updates for many candidates at once, within the request: for each candidate, exactly
 * the fields its update dialog would preselect ({@link EmployeeUpdateService#changedFields}), contract fields
 * corrected on the current contract version (the dialog's default). Each candidate goes through
 * {@link EmployeeUpdateService}, so it is recorded like a single update and never runs twice at once.
 *
 * <p>It runs in the request rather than on the bulk export's pool, whose lanes are rows of bulk exports taken over
 * across instances: an update sends nothing that could be created twice, so a cut-off bulk update is simply sent
 * again. What it holds is bounded instead: at most {@value #MAX_CANDIDATES} candidates (each costs up to three
 * calls to the HR system, paced by its rate limit), {@value #MAX_RUNNING} bulk updates at once on the host and
 * one per user, and a time budget after which the remaining candidates are reported as not sent.
 *
 * <p>Thread-safe.
 */
public final class BulkUpdateService {

    private static final Logger LOG = LoggerFactory.getLogger(BulkUpdateService.class);
    /** The most candidates one bulk update may name. */
    public static final int MAX_CANDIDATES = 200;
    /** The most bulk updates the host runs at once, each holding a request thread. */
    public static final int MAX_RUNNING = 2;

    private final EmployeeUpdateService updates;
    private final ExportPolicy policy;
    private final CandidateLookup candidates;
    private final Duration timeBudget;
    private final LongSupplier nanoTime;
    private final Semaphore running = new Semaphore(MAX_RUNNING);
    // Guarded by itself: the users running a bulk update now.
    private final Set<Long> runningUsers = new HashSet<>();

    /** @param timeBudget how long one bulk update keeps starting candidates ({@link BulkExportLimits}); positive */
    public BulkUpdateService(
            EmployeeUpdateService updates, ExportPolicy policy, CandidateLookup candidates, Duration timeBudget) {
        this(updates, policy, candidates, timeBudget, System::nanoTime);
    }

    /**
     * @param timeBudget how long candidates keep being started; positive
     * @param nanoTime the monotonic clock the budget is measured with
     */
    BulkUpdateService(
            EmployeeUpdateService updates,
            ExportPolicy policy,
            CandidateLookup candidates,
            Duration timeBudget,
            LongSupplier nanoTime) {
        this.updates = updates;
        this.policy = policy;
        this.candidates = candidates;
        this.timeBudget = timeBudget;
        this.nanoTime = nanoTime;
    }

    /**
     * One candidate's line.
     *
     * @param message why it was skipped or failed, and which changed fields were left out; null when all went
     * @param employeeId the employee it updates, or null when the candidate has none with the connector
     * @param fields each field sent: what the HR system held, what was sent and what came of it; empty when none
     * @param leftOut the fields the ATS changed that were not sent, each with why
     */
    public record Result(
            long candidateId,
            String candidateName,
            BulkUpdateState state,
            String message,
            String employeeId,
            String link,
            List<EmployeeUpdate.Field> fields,
            List<EmployeeUpdateService.LeftOut> leftOut) {

        public Result {
            fields = List.copyOf(fields);
            leftOut = List.copyOf(leftOut);
        }
    }

    /**
     * A finished bulk update: the counts per state, and each candidate's line in the order asked.
     *
     * @param notSent the candidates not reached within the time budget: nothing was read or sent for them
     */
    public record BulkUpdate(
            String connectorId,
            int total,
            int updated,
            int partial,
            int failed,
            int skipped,
            int notSent,
            List<Result> results) {

        public BulkUpdate {
            results = List.copyOf(results);
        }
    }

    /**
     * Sends the updates and answers when every candidate has its line.
     *
     * @param candidateIds the candidates, at most {@value #MAX_CANDIDATES} distinct ones; repeats are sent once
     * @throws RequestRefusedException 400 for an empty or too long list, the refusals of
     *     {@link ExportPolicy#requireMayUse}, 429 when the user runs a bulk update already, 503 when the host runs
     *     {@value #MAX_RUNNING}
     */
    public BulkUpdate update(String connectorId, List<Long> candidateIds, User user) {
        if (candidateIds == null || candidateIds.isEmpty() || candidateIds.contains(null)) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "Select the candidates to update by their ids.");
        }
        List<Long> distinct = candidateIds.stream().distinct().toList();
        if (distinct.size() > MAX_CANDIDATES) {
            throw new RequestRefusedException(
                    Reason.BAD_REQUEST,
                    "A bulk update takes at most " + MAX_CANDIDATES + " candidates; " + distinct.size()
                            + " were sent. Send them in parts.");
        }
        policy.requireMayUse(user, connectorId);
        synchronized (runningUsers) {
            if (!runningUsers.add(user.id())) {
                throw new RequestRefusedException(
                        Reason.LIMIT_REACHED,
                        "You are sending a bulk update already. Send this one when it has finished.",
                        30);
            }
        }
        try {
            if (!running.tryAcquire()) {
                throw new RequestRefusedException(
                        Reason.BUSY,
                        "The host is sending as many bulk updates as it can. Nothing was sent; try again in a minute.",
                        60);
            }
            try {
                return run(connectorId, distinct, user);
            } finally {
                running.release();
            }
        } finally {
            synchronized (runningUsers) {
                runningUsers.remove(user.id());
            }
        }
    }

    private BulkUpdate run(String connectorId, List<Long> ids, User user) {
        LOG.info("Bulk update of {} candidates with {} started by user {}", ids.size(), connectorId, user.id());
        long deadline = nanoTime.getAsLong() + timeBudget.toNanos();
        List<Result> results = new ArrayList<>();
        for (Long id : ids) {
            if (nanoTime.getAsLong() - deadline > 0) {
                results.add(new Result(
                        id,
                        name(id),
                        BulkUpdateState.NOT_SENT,
                        "Not sent: this bulk update used its " + describe(timeBudget)
                                + " before reaching this candidate. Nothing was lost: it is still \"Changed since"
                                + " export\"; send it again.",
                        null,
                        null,
                        List.of(),
                        List.of()));
            } else {
                results.add(one(id, connectorId, user));
            }
        }
        int updated = count(results, BulkUpdateState.UPDATED);
        int partial = count(results, BulkUpdateState.PARTIAL);
        int failed = count(results, BulkUpdateState.FAILED);
        int skipped = count(results, BulkUpdateState.SKIPPED);
        int notSent = count(results, BulkUpdateState.NOT_SENT);
        LOG.info(
                "Bulk update with {} by user {}: {} updated, {} partly, {} failed, {} skipped, {} not reached in time",
                connectorId,
                user.id(),
                updated,
                partial,
                failed,
                skipped,
                notSent);
        return new BulkUpdate(connectorId, ids.size(), updated, partial, failed, skipped, notSent, results);
    }

    private Result one(long id, String connectorId, User user) {
        EmployeeUpdateService.ChangedFields changed;
        try {
            changed = updates.changedFields(id, connectorId, user);
        } catch (RequestRefusedException refused) {
            boolean notUpdatable = refused.reason() == Reason.NOT_FOUND || refused.reason() == Reason.NOT_EXPORTABLE;
            return notUpdatable
                    ? skipped(id, name(id), refused.getMessage())
                    : failed(id, name(id), null, null, refused);
        } catch (RuntimeException failure) {
            return failed(id, name(id), null, null, failure);
        }
        if (changed.changedFacts().isEmpty()) {
            return new Result(
                    id,
                    changed.candidateName(),
                    BulkUpdateState.SKIPPED,
                    "Nothing changed since it was last sent.",
                    changed.employeeId(),
                    changed.link(),
                    List.of(),
                    List.of());
        }
        if (changed.toSend().isEmpty()) {
            return new Result(
                    id,
                    changed.candidateName(),
                    BulkUpdateState.SKIPPED,
                    "Nothing to send. " + describe(changed.leftOut()),
                    changed.employeeId(),
                    changed.link(),
                    List.of(),
                    changed.leftOut());
        }
        EmployeeUpdateService.UpdateOutcome outcome;
        try {
            outcome = updates.update(
                    id,
                    connectorId,
                    new EmployeeUpdateService.UpdateRequest(
                            Map.of(), changed.toSend(), ContractChange.CORRECT_CURRENT.name(), null),
                    user,
                    !changed.hasConflicts());
        } catch (RuntimeException failure) {
            return failed(id, changed.candidateName(), changed.employeeId(), changed.link(), failure);
        }
        BulkUpdateState state = BulkUpdateState.of(outcome.state(), changed.hasConflicts());
        List<String> notes = new ArrayList<>();
        outcome.fields().stream()
                .filter(field -> field.message() != null)
                .forEach(field -> notes.add(field.label() + ": " + field.message()));
        if (!changed.leftOut().isEmpty()) {
            notes.add(describe(changed.leftOut()));
        }
        return new Result(
                id,
                changed.candidateName(),
                state,
                notes.isEmpty() ? null : String.join(" ", notes),
                outcome.employeeId(),
                outcome.link(),
                outcome.fields(),
                changed.leftOut());
    }

    private Result failed(long id, String name, String employeeId, String link, RuntimeException failure) {
        String message;
        if (failure instanceof HrisException remote) {
            ApiError error = ApiError.of(remote);
            message = error.message() + BulkExportService.describeFields(error.fieldErrors());
        } else if (failure instanceof PluginTimeoutException) {
            message = "The HR system did not confirm the update in time. Look at the employee there before sending"
                    + " it again.";
        } else if (failure instanceof HostException refused) {
            ApiError error = refused.toApiError();
            message = error.message() + BulkExportService.describeFields(error.fieldErrors());
        } else {
            LOG.error("Bulk update failed for candidate {}", id, failure);
            message = "Unexpected failure; it has been logged.";
        }
        return new Result(id, name, BulkUpdateState.FAILED, message, employeeId, link, List.of(), List.of());
    }

    private static Result skipped(long id, String name, String why) {
        return new Result(id, name, BulkUpdateState.SKIPPED, why, null, null, List.of(), List.of());
    }

    private String name(long id) {
        try {
            return candidates.findForExport(id).map(Candidate::fullName).orElse("Candidate " + id);
        } catch (RuntimeException unreadable) {
            return "Candidate " + id;
        }
    }

    /** "3 minutes", "2 seconds": the budget as a person reads it. */
    private static String describe(Duration budget) {
        return budget.toMinutes() >= 1
                ? budget.toMinutes() + (budget.toMinutes() == 1 ? " minute" : " minutes")
                : Math.max(1, budget.toSeconds()) + (budget.toSeconds() == 1 ? " second" : " seconds");
    }

    private static int count(List<Result> results, BulkUpdateState state) {
        return (int) results.stream().filter(result -> result.state() == state).count();
    }

    /** "Not sent: E-mail (the login e-mail cannot be changed); Job title (changed in FactorialHr too ...)." */
    private static String describe(List<EmployeeUpdateService.LeftOut> leftOut) {
        return "Not sent: "
                + String.join(
                        "; ",
                        leftOut.stream()
                                .map(field -> field.label() + " (" + stripStop(field.reason()) + ")")
                                .toList())
                + ".";
    }

    private static String stripStop(String text) {
        String reason = text == null ? "" : text.strip();
        return reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    }
}
