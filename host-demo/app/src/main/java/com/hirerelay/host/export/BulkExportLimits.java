package com.hirerelay.host.export;

import java.time.Duration;

/**
 * What bulk exports may take of the host.
 *
 * @param threads the bulk pool's fixed size: how many candidates are exported at once over all bulk
 *                exports together (running bulk exports take turns on it); at least 1
 * @param queueCapacity how many more candidates may wait for a thread, over all bulk exports; each
 *                      running bulk export holds up to {@code threads} places until it finishes, and
 *                      one that does not fit is refused as busy; at least {@code threads}
 * @param perUser how many bulk exports one user may run at once; at least 1
 * @param retention how long a finished bulk export's progress stays in memory; its exports stay in
 *                  the export history for good; not negative
 * @param retainedResults how many candidate lines the finished bulk exports may hold in memory together,
 *                        within their retention too: beyond it the oldest finished ones are cleared first
 *                        (bulk exports of unknown ids finish in seconds, so the retention alone would let
 *                        one user fill the heap); at least 1
 * @param bulkUpdateBudget how long one bulk update (which runs within its request) keeps starting candidates; the
 *                         ones not reached by then are answered as not sent; positive
 */
public record BulkExportLimits(
        int threads,
        int queueCapacity,
        int perUser,
        Duration retention,
        int retainedResults,
        Duration bulkUpdateBudget) {

    /** Candidate lines of finished bulk exports kept by default: 20 full bulk exports, some tens of MB. */
    public static final int DEFAULT_RETAINED_RESULTS = 100_000;

    /** How long a bulk update keeps starting candidates by default. */
    public static final Duration DEFAULT_BULK_UPDATE_BUDGET = Duration.ofMinutes(3);

    /**
     * 8 threads, 256 waiting places (32 full-width bulk exports), 2 per user, kept 1 hour after finishing,
     * at most {@value #DEFAULT_RETAINED_RESULTS} finished candidate lines.
     */
    public static final BulkExportLimits DEFAULTS = new BulkExportLimits(8, 256, 2, Duration.ofHours(1));

    /**
     * @throws IllegalArgumentException if a number is out of its range
     */
    public BulkExportLimits {
        if (threads < 1) {
            throw new IllegalArgumentException("A bulk export needs at least one thread, not " + threads);
        }
        if (queueCapacity < threads) {
            throw new IllegalArgumentException("The bulk queue must hold at least one full bulk export (" + threads
                    + " places), not " + queueCapacity);
        }
        if (perUser < 1) {
            throw new IllegalArgumentException("Each user must be able to run a bulk export, not " + perUser);
        }
        if (retention == null || retention.isNegative()) {
            throw new IllegalArgumentException("The retention must be zero or more, not " + retention);
        }
        if (retainedResults < 1) {
            throw new IllegalArgumentException(
                    "Finished bulk exports must keep at least one line, not " + retainedResults);
        }
        if (bulkUpdateBudget == null || bulkUpdateBudget.isNegative() || bulkUpdateBudget.isZero()) {
            throw new IllegalArgumentException("A bulk update needs some time to run, not " + bulkUpdateBudget);
        }
    }

    /** Limits with the default bulk update budget. */
    public BulkExportLimits(int threads, int queueCapacity, int perUser, Duration retention, int retainedResults) {
        this(threads, queueCapacity, perUser, retention, retainedResults, DEFAULT_BULK_UPDATE_BUDGET);
    }

    /** Limits that keep {@value #DEFAULT_RETAINED_RESULTS} finished candidate lines at most. */
    public BulkExportLimits(int threads, int queueCapacity, int perUser, Duration retention) {
        this(threads, queueCapacity, perUser, retention, DEFAULT_RETAINED_RESULTS);
    }

    /** @return these limits with another retention */
    public BulkExportLimits withRetention(Duration newRetention) {
        return new BulkExportLimits(threads, queueCapacity, perUser, newRetention, retainedResults, bulkUpdateBudget);
    }

    /** @return these limits with another per-user limit */
    public BulkExportLimits withPerUser(int newPerUser) {
        return new BulkExportLimits(threads, queueCapacity, newPerUser, retention, retainedResults, bulkUpdateBudget);
    }

    /** @return these limits with another number of finished candidate lines kept in memory */
    public BulkExportLimits withRetainedResults(int newRetainedResults) {
        return new BulkExportLimits(threads, queueCapacity, perUser, retention, newRetainedResults, bulkUpdateBudget);
    }

    /** @return these limits with another pool size (the queue grows to hold one full bulk export if needed) */
    public BulkExportLimits withThreads(int newThreads) {
        return new BulkExportLimits(
                newThreads, Math.max(queueCapacity, newThreads), perUser, retention, retainedResults, bulkUpdateBudget);
    }

    /** @return these limits with another time budget for one bulk update */
    public BulkExportLimits withBulkUpdateBudget(Duration newBudget) {
        return new BulkExportLimits(threads, queueCapacity, perUser, retention, retainedResults, newBudget);
    }
}
