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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports many hired candidates with their default drafts and reports progress. Each candidate goes
 * through {@link ExportService#export}, so bulk and single exports of the same candidate never both
 * create an employee, and {@link ExportPolicy} decides for each one. The connector paces itself to the
 * HR system's rate limit.
 *
 * <p>What it takes of the host is bounded ({@link BulkExportLimits}):
 * <ul>
 *   <li>candidates are exported on a fixed pool of threads, however many a bulk export names. A bulk
 *       export runs in up to {@code threads} lanes; a lane exports one candidate and then queues
 *       itself behind the other bulk exports' lanes, so running bulk exports take turns instead of the
 *       first one holding every thread until it is done;</li>
 *   <li>the pool's queue is bounded, and never overflows: a bulk export reserves its lanes when it
 *       starts, and one that does not fit is refused as busy;</li>
 *   <li>a user runs a limited number of bulk exports at once; one more is refused with when to retry;</li>
 *   <li>a finished bulk export's progress is dropped from memory after the retention time, or sooner when
 *       the finished ones hold more candidate lines than the limit (oldest first). Its
 *       exports stay in the export history; asking for it then says that it finished and was cleared.</li>
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
    /** How many cleared bulk exports are remembered, to answer "cleared" rather than "no such". */
    private static final int CLEARED_REMEMBERED = 10_000;
    /** The suggested wait when nothing tells how long the running bulk exports will take. */
    private static final long DEFAULT_RETRY_SECONDS = 30;

    private final ExportService exports;
    private final ExportPolicy policy;
    private final CandidateLookup candidates;
    private final BulkExportLimits limits;
    private final Clock clock;
    private final ThreadPoolExecutor workers;
    // Guarded by this: the bulk exports in memory, the cleared ones, and the lanes reserved in the pool.
    private final Map<String, Bulk> bulks = new LinkedHashMap<>();
    private final Map<String, Cleared> cleared = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cleared> eldest) {
            return size() > CLEARED_REMEMBERED;
        }
    };
    private int reservedLanes;

    public BulkExportService(
            ExportService exports,
            ExportPolicy policy,
            CandidateLookup candidates,
            BulkExportLimits limits,
            Clock clock) {
        this.exports = exports;
        this.policy = policy;
        this.candidates = candidates;
        this.limits = limits;
        this.clock = clock;
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
     *                                 exports as one user may ({@link Reason#LIMIT_REACHED}, with when
     *                                 to retry), or the pool has no room ({@link Reason#BUSY})
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
        synchronized (this) {
            // Checked again below, with the lanes reserved: this only spares the look-ups of a refused one.
            Instant now = clock.instant();
            evictExpired(now);
            admit(user, lanes, now);
        }
        Map<Long, String> names = new LinkedHashMap<>();
        for (Long id : distinct) {
            names.put(id, candidates.findForExport(id).map(Candidate::fullName).orElse("Candidate " + id));
        }
        Bulk bulk;
        synchronized (this) {
            Instant now = clock.instant();
            evictExpired(now);
            admit(user, lanes, now);
            bulk = new Bulk(UUID.randomUUID().toString(), connectorId, user, now, names);
            bulks.put(bulk.id, bulk);
            reservedLanes += lanes;
        }
        LOG.info(
                "Bulk export {} of {} candidates with {} started by user {}",
                bulk.id,
                distinct.size(),
                connectorId,
                user.id());
        for (int lane = 0; lane < lanes; lane++) {
            queueLane(bulk);
        }
        return bulk.view();
    }

    /**
     * @return the bulk export's progress, for the user who started it (or an admin)
     * @throws RequestRefusedException {@link Reason#NOT_FOUND} when there is no such bulk export, or it
     *                                 finished and was cleared from memory (the message says so)
     */
    public BulkExport progress(String bulkId, User user) {
        Bulk bulk;
        Cleared gone;
        synchronized (this) {
            evictExpired(clock.instant());
            bulk = bulks.get(bulkId);
            gone = cleared.get(bulkId);
        }
        if (bulk != null && mayRead(bulk.user.id(), user)) {
            return bulk.view();
        }
        if (gone != null && mayRead(gone.userId(), user)) {
            String when = gone.early()
                    ? " to make room for later bulk exports"
                    : " " + describe(limits.retention()) + " later";
            throw new RequestRefusedException(
                    Reason.NOT_FOUND,
                    "This bulk export finished at " + gone.finishedAt() + " and was cleared from memory" + when
                            + ". Each candidate's page shows its export, and admins find every attempt in the export"
                            + " history.");
        }
        throw new RequestRefusedException(Reason.NOT_FOUND, "There is no such bulk export.");
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Refuses a bulk export that the user's limit or the pool's room does not allow. Holds this. */
    private void admit(User user, int lanes, Instant now) {
        List<Bulk> running = bulks.values().stream()
                .filter(bulk -> bulk.user.id() == user.id() && !bulk.isFinished())
                .toList();
        if (running.size() >= limits.perUser()) {
            long retryAfter = running.stream()
                    .map(bulk -> bulk.remaining(now))
                    .flatMap(Optional::stream)
                    .min(Comparator.naturalOrder())
                    .map(left -> Math.min(3600, Math.max(1, (left.toMillis() + 999) / 1000)))
                    .orElse(DEFAULT_RETRY_SECONDS);
            throw new RequestRefusedException(
                    Reason.LIMIT_REACHED,
                    "You are running " + running.size() + " bulk exports, as many as one user may at once."
                            + " Start this one when one of them has finished (in about "
                            + retryAfter + " s).",
                    retryAfter);
        }
        if (reservedLanes + lanes > limits.queueCapacity()) {
            throw new RequestRefusedException(
                    Reason.BUSY,
                    "The host is running as many bulk exports as it can. Nothing was started; try again in a"
                            + " minute.",
                    60);
        }
    }

    /**
     * Drops finished bulk exports older than the retention, then the oldest finished ones while together
     * they hold more lines than {@link BulkExportLimits#retainedResults()}. Holds this.
     */
    private void evictExpired(Instant now) {
        var iterator = bulks.values().iterator();
        while (iterator.hasNext()) {
            Bulk bulk = iterator.next();
            Optional<Instant> finishedAt = bulk.finishedAt();
            if (finishedAt.isPresent()
                    && !finishedAt.get().plus(limits.retention()).isAfter(now)) {
                iterator.remove();
                cleared.put(bulk.id, new Cleared(bulk.user.id(), finishedAt.get(), false));
                LOG.debug("Bulk export {} cleared from memory; it finished at {}", bulk.id, finishedAt.get());
            }
        }
        List<Bulk> finished = bulks.values().stream()
                .filter(Bulk::isFinished)
                .sorted(Comparator.comparing(bulk -> bulk.finishedAt().orElseThrow()))
                .toList();
        long retained = finished.stream().mapToLong(Bulk::size).sum();
        for (Bulk oldest : finished) {
            if (retained <= limits.retainedResults()) {
                break;
            }
            bulks.remove(oldest.id);
            retained -= oldest.size();
            Instant finishedAt = oldest.finishedAt().orElseThrow();
            cleared.put(oldest.id, new Cleared(oldest.user.id(), finishedAt, true));
            LOG.info(
                    "Bulk export {} of user {} cleared from memory before its retention ended, to make room for later"
                            + " ones; it finished at {}",
                    oldest.id,
                    oldest.user.id(),
                    finishedAt);
        }
    }

    private static boolean mayRead(long ownerId, User user) {
        return ownerId == user.id() || user.role().mayManageIntegrations();
    }

    private void queueLane(Bulk bulk) {
        try {
            workers.execute(() -> runLane(bulk));
        } catch (RejectedExecutionException stopping) {
            // Only after close(): the queue holds every reserved lane.
            laneEnded();
        }
    }

    /** Exports the bulk export's next candidate, then queues the lane again behind the others. */
    private void runLane(Bulk bulk) {
        OptionalLong next = bulk.next();
        if (next.isEmpty()) {
            laneEnded();
            return;
        }
        try {
            exportOne(bulk, next.getAsLong());
        } finally {
            if (workers.isShutdown()) {
                laneEnded();
            } else {
                queueLane(bulk);
            }
        }
    }

    /** @return the bulk exports in memory that have not finished */
    public synchronized int running() {
        return (int) bulks.values().stream().filter(bulk -> !bulk.isFinished()).count();
    }

    /** @return the candidates waiting for a bulk thread, over all bulk exports */
    public int queuedCandidates() {
        return workers.getQueue().size();
    }

    private synchronized void laneEnded() {
        reservedLanes--;
    }

    private void exportOne(Bulk bulk, long candidateId) {
        bulk.update(candidateId, BulkResultState.RUNNING, null, null, null, clock.instant());
        try {
            ExportViews.Outcome outcome = exports.export(candidateId, bulk.connectorId, Map.of(), bulk.user);
            bulk.update(
                    candidateId,
                    BulkResultState.of(outcome.outcome()),
                    outcome.warnings().isEmpty() ? null : describeWarnings(outcome.warnings()),
                    outcome.employeeId(),
                    outcome.link(),
                    clock.instant());
        } catch (HrisException failure) {
            var error = ApiError.of(failure);
            bulk.update(
                    candidateId,
                    BulkResultState.FAILED,
                    error.message() + describeFields(error.fieldErrors()),
                    null,
                    null,
                    clock.instant());
        } catch (HostException failure) {
            List<FieldError> fields =
                    failure instanceof RequestRefusedException refused ? refused.fieldErrors() : List.of();
            // Refused before anything was sent for fields the draft leaves empty or wrong: a person must look.
            boolean review =
                    failure instanceof RequestRefusedException refused && refused.reason() == Reason.VALIDATION_FAILED;
            bulk.update(
                    candidateId,
                    review ? BulkResultState.NEEDS_REVIEW : BulkResultState.FAILED,
                    failure.getMessage() + describeFields(fields),
                    null,
                    null,
                    clock.instant());
        } catch (RuntimeException failure) {
            LOG.error("Bulk export {} failed for candidate {}", bulk.id, candidateId, failure);
            bulk.update(
                    candidateId,
                    BulkResultState.FAILED,
                    "Unexpected failure; it has been logged.",
                    null,
                    null,
                    clock.instant());
        }
    }

    private static String describeFields(List<FieldError> fields) {
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

    /** A bulk export cleared from memory: whose it was, when it finished, and whether before its retention ended. */
    private record Cleared(long userId, Instant finishedAt, boolean early) {}

    private static final class Bulk {
        private final String id;
        private final String connectorId;
        private final User user;
        private final Instant startedAt;
        private final Map<Long, Result> results = new LinkedHashMap<>();
        private final Deque<Long> pending;
        private final int size;
        private int succeeded;
        private int failed;
        private int needsReview;
        private Instant finishedAt;

        Bulk(String id, String connectorId, User user, Instant startedAt, Map<Long, String> names) {
            this.id = id;
            this.connectorId = connectorId;
            this.user = user;
            this.startedAt = startedAt;
            names.forEach((candidateId, name) ->
                    results.put(candidateId, new Result(candidateId, name, BulkResultState.PENDING, null, null, null)));
            this.pending = new ArrayDeque<>(names.keySet());
            this.size = names.size();
        }

        synchronized OptionalLong next() {
            Long next = pending.poll();
            return next == null ? OptionalLong.empty() : OptionalLong.of(next);
        }

        synchronized void update(
                long candidateId, BulkResultState state, String message, String employeeId, String link, Instant now) {
            Result old = results.get(candidateId);
            results.put(candidateId, new Result(candidateId, old.candidateName(), state, message, employeeId, link));
            if (state.isFinal() && !old.state().isFinal()) {
                if (state.isSuccess()) {
                    succeeded++;
                } else if (state == BulkResultState.NEEDS_REVIEW) {
                    needsReview++;
                } else {
                    failed++;
                }
                if (succeeded + failed + needsReview == results.size()) {
                    finishedAt = now;
                }
            }
        }

        /** @return how many candidates it names */
        int size() {
            return size;
        }

        synchronized boolean isFinished() {
            return finishedAt != null;
        }

        synchronized Optional<Instant> finishedAt() {
            return Optional.ofNullable(finishedAt);
        }

        /** @return how long the rest will take at the pace so far; empty before the first candidate is done */
        synchronized Optional<Duration> remaining(Instant now) {
            int done = succeeded + failed + needsReview;
            if (done == 0) {
                return Optional.empty();
            }
            Duration elapsed = Duration.between(startedAt, now);
            return Optional.of(elapsed.multipliedBy(results.size() - done).dividedBy(done));
        }

        synchronized BulkExport view() {
            int done = succeeded + failed + needsReview;
            return new BulkExport(
                    id,
                    connectorId,
                    results.size(),
                    done,
                    succeeded,
                    failed,
                    needsReview,
                    finishedAt != null,
                    new ArrayList<>(results.values()));
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
