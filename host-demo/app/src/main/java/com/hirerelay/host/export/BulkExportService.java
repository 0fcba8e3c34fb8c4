package com.hirerelay.host.export;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.CandidateLookup;
import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports many hired candidates with their default drafts and reports progress. Each candidate goes
 * through {@link ExportService#export}, so bulk and single exports of the same candidate never both
 * create an employee, and {@link ExportPolicy} decides for each one. The connector paces itself to the
 * HR system's rate limit.
 *
 * <p>A bulk export and each candidate's line are rows of the database ({@link BulkExportRepository}), so every
 * host instance on it answers the same progress. The instance that started it runs it; when that instance stops
 * (a crash, a kill, a restart on SQLite), another one, or the next start, takes it over with
 * {@link #resumeAbandoned()} and exports the candidates that were left. A candidate the stopped instance was
 * exporting is exported again after its attempt was settled: the export links the employee the HR system may
 * already have (the attempt records and the single-flight make each export happen once).
 *
 * <p>What it takes of the host is bounded ({@link BulkExportLimits}):
 * <ul>
 *   <li>candidates are exported on a fixed pool of threads per instance, however many a bulk export names. A
 *       bulk export runs in up to {@code threads} lanes; a lane exports one candidate and then queues
 *       itself behind the other bulk exports' lanes, so running bulk exports take turns instead of the
 *       first one holding every thread until it is done;</li>
 *   <li>the pool's queue is bounded, and never overflows: a bulk export reserves its lanes when it
 *       starts (or is taken over), and one that does not fit is refused as busy;</li>
 *   <li>a user runs a limited number of bulk exports at once, over all instances together; one more is refused
 *       with when to retry;</li>
 *   <li>a finished bulk export's lines are cleared after the retention time, or sooner when the finished ones
 *       hold more candidate lines than the limit (oldest first). Its exports stay in the export history; asking
 *       for it then says that it finished and was cleared.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class BulkExportService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkExportService.class);
    /** The most candidates a bulk export may name. */
    public static final int MAX_CANDIDATES = 5_000;
    /** The names of the bulk pool's threads start with this. */
    public static final String THREAD_NAME_PREFIX = "bulk-export-";
    /** How long a cleared bulk export is remembered, to answer "cleared" rather than "no such". */
    private static final Duration CLEARED_REMEMBERED = Duration.ofDays(30);
    /** How long a stopping host waits for the bulk exports' candidates in flight. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** The suggested wait when nothing tells how long the running bulk exports will take. */
    private static final long DEFAULT_RETRY_SECONDS = 30;

    private final ExportService exports;
    private final ExportPolicy policy;
    private final CandidateLookup candidates;
    private final BulkExportRepository repository;
    private final BulkExportLimits limits;
    private final Clock clock;
    private final String instance;
    private final LongSupplier staleBefore;
    private final ThreadPoolExecutor workers;
    // Guarded by this: the bulk exports this instance runs lanes for, and the lanes reserved in the pool.
    private final Map<String, Lanes> runningHere = new LinkedHashMap<>();
    private int reservedLanes;

    /**
     * @param repository where bulk exports and their lines are kept, for every instance on the database
     * @param instance this host instance's id, recorded on the bulk exports it runs
     * @param staleBefore the time (epoch milliseconds of the wall clock) before which an instance last seen is taken
     *     for stopped; a host alone on its database ({@link Long#MAX_VALUE}) takes every other instance for stopped
     */
    public BulkExportService(
            ExportService exports,
            ExportPolicy policy,
            CandidateLookup candidates,
            BulkExportRepository repository,
            BulkExportLimits limits,
            Clock clock,
            String instance,
            LongSupplier staleBefore) {
        this.exports = exports;
        this.policy = policy;
        this.candidates = candidates;
        this.repository = repository;
        this.limits = limits;
        this.clock = clock;
        this.instance = instance;
        this.staleBefore = staleBefore;
        this.workers = new ThreadPoolExecutor(
                limits.threads(),
                limits.threads(),
                1,
                TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(limits.queueCapacity()),
                new BulkThreadFactory());
        // Idle between bulk exports, the pool holds no threads.
        workers.allowCoreThreadTimeOut(true);
    }

    /** One candidate's line in a bulk export. */
    public record Result(
            long candidateId,
            String candidateName,
            BulkResultState state,
            String message,
            String employeeId,
            String link) {}

    /** A bulk export's progress. */
    public record BulkExport(
            String id,
            String connectorId,
            int total,
            int done,
            int succeeded,
            int failed,
            int needsReview,
            boolean finished,
            List<Result> results) {}

    /**
     * Starts a bulk export and returns at once.
     *
     * @throws RequestRefusedException when the list is empty or too long, the connector cannot be used
     *                                 ({@link ExportPolicy#requireMayUse}), the user runs as many bulk
     *                                 exports as one user may on all instances together
     *                                 ({@link Reason#LIMIT_REACHED}, with when to retry), or this instance's pool
     *                                 has no room ({@link Reason#BUSY})
     */
    public BulkExport start(String connectorId, List<Long> candidateIds, User user) {
        if (candidateIds == null || candidateIds.isEmpty()) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "Select at least one candidate.");
        }
        if (candidateIds.contains(null)) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "Every candidate id must be a number.");
        }
        List<Long> distinct = candidateIds.stream().distinct().toList();
        if (distinct.size() > MAX_CANDIDATES) {
            throw new RequestRefusedException(
                    Reason.BAD_REQUEST, "A bulk export takes at most " + MAX_CANDIDATES + " candidates.");
        }
        policy.requireMayUse(user, connectorId);
        int lanes = Math.min(limits.threads(), distinct.size());
        // Checked again when it is written, with the lanes reserved: this only spares the look-ups of a refused one.
        clearFinished();
        synchronized (this) {
            requireRoom(lanes);
        }
        refuseIfAtLimit(repository.running(user.id()));
        Map<Long, String> names = new LinkedHashMap<>();
        for (Long id : distinct) {
            names.put(id, candidates.findForExport(id).map(Candidate::fullName).orElse("Candidate " + id));
        }
        String id = UUID.randomUUID().toString();
        Lanes bulk = new Lanes(id, connectorId, user);
        synchronized (this) {
            requireRoom(lanes);
            // Reserved before the row exists, so that a lane that ends at once finds its bulk export here.
            reservedLanes += lanes;
            bulk.lanes = lanes;
            runningHere.put(id, bulk);
        }
        Optional<List<BulkExportRepository.Running>> refused;
        try {
            refused = repository.create(id, connectorId, user.id(), names, limits.perUser(), clock.millis(), instance);
        } catch (RuntimeException failed) {
            unreserve(bulk);
            throw failed;
        }
        if (refused.isPresent()) {
            unreserve(bulk);
            refuseIfAtLimit(refused.get());
        }
        LOG.info(
                "Bulk export {} of {} candidates with {} started by user {}",
                id,
                distinct.size(),
                connectorId,
                user.id());
        for (int lane = 0; lane < lanes; lane++) {
            queueLane(bulk);
        }
        return progress(id, user);
    }

    /**
     * @return the bulk export's progress, for the user who started it (or an admin), whichever instance runs it
     * @throws RequestRefusedException {@link Reason#NOT_FOUND} when there is no such bulk export, or it
     *                                 finished and was cleared (the message says so)
     */
    public BulkExport progress(String bulkId, User user) {
        clearFinished();
        Optional<BulkExportRepository.Found> found = repository.find(bulkId);
        if (found.isPresent()
                && found.get() instanceof BulkExportRepository.Present present
                && mayRead(present.userId(), user)) {
            return present.view();
        }
        if (found.isPresent()
                && found.get() instanceof BulkExportRepository.Gone gone
                && mayRead(gone.cleared().userId(), user)) {
            String when = gone.cleared().early()
                    ? " to make room for later bulk exports"
                    : " " + describe(limits.retention()) + " later";
            throw new RequestRefusedException(
                    Reason.NOT_FOUND,
                    "This bulk export finished at "
                            + Instant.ofEpochMilli(gone.cleared().finishedAt())
                            + " and was cleared from memory" + when
                            + ". Each candidate's page shows its export, and admins find every attempt in the export"
                            + " history.");
        }
        throw new RequestRefusedException(Reason.NOT_FOUND, "There is no such bulk export.");
    }

    /**
     * Takes over the bulk exports that stopped instances left unfinished (on SQLite: the last run of this host), as
     * far as this instance's pool has room, and runs their remaining candidates. Call it after the export attempts
     * of stopped instances were settled: a candidate such an instance was exporting is exported again, and the
     * export links the employee the HR system already has instead of creating one.
     *
     * @return how many were taken over
     */
    public int resumeAbandoned() {
        int resumed = 0;
        long stale = staleBefore.getAsLong();
        for (String bulkId : repository.abandoned(instance, stale)) {
            synchronized (this) {
                if (reservedLanes + 1 > limits.queueCapacity() || workers.isShutdown()) {
                    break;
                }
            }
            Optional<BulkExportRepository.Adopted> adopted = repository.adopt(bulkId, instance, stale);
            if (adopted.isEmpty()) {
                continue; // another instance took it first
            }
            int lanes = Math.min(limits.threads(), adopted.get().total());
            Lanes bulk = new Lanes(
                    bulkId, adopted.get().connectorId(), adopted.get().user().orElse(null));
            synchronized (this) {
                lanes = Math.min(lanes, limits.queueCapacity() - reservedLanes);
                if (lanes < 1) {
                    repository.release(bulkId, instance);
                    break;
                }
                reservedLanes += lanes;
                bulk.lanes = lanes;
                runningHere.put(bulkId, bulk);
            }
            LOG.warn(
                    "Bulk export {} was left unfinished by a host instance that stopped; this instance finishes it",
                    bulkId);
            for (int lane = 0; lane < lanes; lane++) {
                queueLane(bulk);
            }
            resumed++;
        }
        return resumed;
    }

    /**
     * Stops taking candidates and lets the exports in flight finish for up to {@link #STOP_GRACE}, so that their
     * outcome is recorded; the candidates not started stay pending for the next start or another instance.
     */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Bulk exports still running after {}; stopping them", STOP_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }

    /** Refuses a bulk export that the user's limit does not allow. */
    private void refuseIfAtLimit(List<BulkExportRepository.Running> running) {
        if (running.size() < limits.perUser()) {
            return;
        }
        long now = clock.millis();
        long retryAfter = running.stream()
                .filter(bulk -> bulk.done() > 0)
                // How long the rest will take at the pace so far.
                .map(bulk -> Math.max(0, now - bulk.startedAt()) * (bulk.total() - bulk.done()) / bulk.done())
                .min(Comparator.naturalOrder())
                .map(left -> Math.min(3600, Math.max(1, (left + 999) / 1000)))
                .orElse(DEFAULT_RETRY_SECONDS);
        throw new RequestRefusedException(
                Reason.LIMIT_REACHED,
                "You are running " + running.size() + " bulk exports, as many as one user may at once."
                        + " Start this one when one of them has finished (in about "
                        + retryAfter + " s).",
                retryAfter);
    }

    /** Refuses a bulk export that this instance's pool has no room for. Holds this. */
    private void requireRoom(int lanes) {
        if (reservedLanes + lanes > limits.queueCapacity() || workers.isShutdown()) {
            throw new RequestRefusedException(
                    Reason.BUSY,
                    "The host is running as many bulk exports as it can. Nothing was started; try again in a"
                            + " minute.",
                    60);
        }
    }

    private synchronized void unreserve(Lanes bulk) {
        reservedLanes -= bulk.lanes;
        bulk.lanes = 0;
        runningHere.remove(bulk.id);
    }

    /**
     * Clears the lines of finished bulk exports older than the retention, then of the oldest finished ones while
     * together they hold more lines than {@link BulkExportLimits#retainedResults()}.
     */
    private void clearFinished() {
        long now = clock.millis();
        repository
                .clearFinished(
                        now - limits.retention().toMillis(),
                        limits.retainedResults(),
                        now - CLEARED_REMEMBERED.toMillis(),
                        now)
                .forEach((id, cleared) -> {
                    if (cleared.early()) {
                        LOG.info(
                                "Bulk export {} of user {} cleared before its retention ended, to make room for later"
                                        + " ones; it finished at {}",
                                id,
                                cleared.userId(),
                                Instant.ofEpochMilli(cleared.finishedAt()));
                    } else {
                        LOG.debug(
                                "Bulk export {} cleared; it finished at {}",
                                id,
                                Instant.ofEpochMilli(cleared.finishedAt()));
                    }
                });
    }

    private static boolean mayRead(long ownerId, User user) {
        return ownerId == user.id() || user.role().mayManageIntegrations();
    }

    private void queueLane(Lanes bulk) {
        try {
            workers.execute(() -> runLane(bulk));
        } catch (RejectedExecutionException stopping) {
            // Only after close(): the queue holds every reserved lane.
            laneEnded(bulk);
        }
    }

    /** Exports the bulk export's next candidate, then queues the lane again behind the others. */
    private void runLane(Lanes bulk) {
        Optional<BulkExportRepository.Claimed> next;
        try {
            next = workers.isShutdown() ? Optional.empty() : repository.claimNext(bulk.id, instance);
        } catch (RuntimeException failure) {
            // The database is away: the lane stops; the line stays pending for this instance's next start or
            // another instance.
            LOG.warn("Bulk export {}: a lane stopped, the database failed: {}", bulk.id, failure.getMessage());
            laneEnded(bulk);
            return;
        }
        if (next.isEmpty()) {
            laneEnded(bulk);
            return;
        }
        try {
            exportOne(bulk, next.get());
        } catch (RuntimeException failure) {
            LOG.warn(
                    "Bulk export {}: the result for candidate {} could not be recorded: {}",
                    bulk.id,
                    next.get().candidateId(),
                    failure.getMessage());
        } finally {
            if (workers.isShutdown()) {
                laneEnded(bulk);
            } else {
                queueLane(bulk);
            }
        }
    }

    /** @return the bulk exports this instance runs lanes for */
    public synchronized int running() {
        return runningHere.size();
    }

    /** @return the candidates waiting for a bulk thread, over all bulk exports */
    public int queuedCandidates() {
        return workers.getQueue().size();
    }

    private void laneEnded(Lanes bulk) {
        boolean last;
        synchronized (this) {
            reservedLanes--;
            bulk.lanes--;
            last = bulk.lanes == 0;
            if (last) {
                runningHere.remove(bulk.id);
            }
        }
        if (last) {
            try {
                repository.finishIfDone(bulk.id, clock.millis());
            } catch (RuntimeException failure) {
                LOG.warn("Bulk export {}: its end could not be recorded: {}", bulk.id, failure.getMessage());
            }
        }
        if (last && !workers.isShutdown()) {
            // Room again: bulk exports left by stopped instances that did not fit before.
            try {
                resumeAbandoned();
            } catch (RuntimeException failure) {
                LOG.warn("Looking for abandoned bulk exports failed: {}", failure.getMessage());
            }
        }
    }

    private void exportOne(Lanes bulk, BulkExportRepository.Claimed line) {
        long candidateId = line.candidateId();
        if (bulk.user == null) {
            record(
                    bulk,
                    line,
                    BulkResultState.FAILED,
                    "The user who started this bulk export no longer exists.",
                    null,
                    null);
            return;
        }
        try {
            ExportViews.Outcome outcome = exports.export(candidateId, bulk.connectorId, Map.of(), bulk.user);
            record(
                    bulk,
                    line,
                    BulkResultState.of(outcome.outcome()),
                    outcome.warnings().isEmpty() ? null : describeWarnings(outcome.warnings()),
                    outcome.employeeId(),
                    outcome.link());
        } catch (HrisException failure) {
            var error = ApiError.of(failure);
            record(
                    bulk,
                    line,
                    BulkResultState.FAILED,
                    error.message() + describeFields(error.fieldErrors()),
                    null,
                    null);
        } catch (HostException failure) {
            List<FieldError> fields =
                    failure instanceof RequestRefusedException refused ? refused.fieldErrors() : List.of();
            // Refused before anything was sent for fields the draft leaves empty or wrong: a person must look.
            boolean review =
                    failure instanceof RequestRefusedException refused && refused.reason() == Reason.VALIDATION_FAILED;
            record(
                    bulk,
                    line,
                    review ? BulkResultState.NEEDS_REVIEW : BulkResultState.FAILED,
                    failure.getMessage() + describeFields(fields),
                    null,
                    null);
        } catch (RuntimeException failure) {
            LOG.error("Bulk export {} failed for candidate {}", bulk.id, candidateId, failure);
            record(bulk, line, BulkResultState.FAILED, "Unexpected failure; it has been logged.", null, null);
        }
    }

    private void record(
            Lanes bulk,
            BulkExportRepository.Claimed line,
            BulkResultState state,
            String message,
            String employeeId,
            String link) {
        if (state == BulkResultState.FAILED && workers.isShutdown()) {
            // Most likely cut off by this host's own stop: pending again, for the next start or another instance,
            // whose export links what the HR system may have got.
            repository.release(bulk.id, line.position());
            return;
        }
        repository.record(bulk.id, line.position(), state, message, employeeId, link, clock.millis());
    }

    /** @return " (field: message; ...)", or "" when there are none */
    static String describeFields(List<FieldError> fields) {
        return fields.isEmpty()
                ? ""
                : " ("
                        + String.join(
                                "; ",
                                fields.stream()
                                        .map(field -> field.field() + ": " + field.message())
                                        .toList())
                        + ")";
    }

    private static String describeWarnings(List<ExportWarning> warnings) {
        return String.join(
                "; ",
                warnings.stream()
                        .map(warning -> warning.step() + ": " + warning.message())
                        .toList());
    }

    private static String describe(Duration duration) {
        if (duration.toHours() > 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
            return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
        }
        if (duration.toMinutes() > 0 && duration.toSecondsPart() == 0) {
            return duration.toMinutes() + (duration.toMinutes() == 1 ? " minute" : " minutes");
        }
        return duration.toSeconds() + (duration.toSeconds() == 1 ? " second" : " seconds");
    }

    /** A bulk export this instance runs lanes for; the lines themselves are in the database. */
    private static final class Lanes {
        private final String id;
        private final String connectorId;
        // Null when the bulk export was taken over and its user has been deleted since.
        private final User user;
        private int lanes; // guarded by the service

        Lanes(String id, String connectorId, User user) {
            this.id = id;
            this.connectorId = connectorId;
            this.user = user;
        }
    }

    private static final class BulkThreadFactory implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, THREAD_NAME_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
