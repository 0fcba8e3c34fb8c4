package com.hirerelay.host.export;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.export.BulkExportService.BulkExport;
import com.hirerelay.host.export.BulkExportService.Result;
import com.hirerelay.host.storage.SqlDialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Bulk exports and each candidate's line, shared by every host instance on the database. A bulk export is run by
 * one instance at a time (its {@code host_instance}); its lanes claim one pending line after another, so a line is
 * exported by one lane only. Times are epoch milliseconds of the host's clock.
 */
public final class BulkExportRepository {

    // The first key of the PostgreSQL advisory lock that serialises one user's bulk starts over all instances.
    private static final int USER_BULK_LOCK = 17_036;

    private final Jdbi jdbi;
    private final SqlDialect dialect;

    /**
     * @param jdbi the database
     * @param dialect its dialect: on PostgreSQL, instances serialise one user's bulk starts with an advisory lock
     */
    public BulkExportRepository(Jdbi jdbi, SqlDialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /** A bulk export that has not finished: who runs it, and how far it got. */
    record Running(String id, String connectorId, long userId, int total, int done, long startedAt, String instance) {}

    /** A bulk export whose lines were deleted: whose it was, when it finished, and whether before its retention. */
    record Cleared(long userId, long finishedAt, boolean early) {}

    /** A line claimed by a lane. */
    record Claimed(int position, long candidateId) {}

    /** What {@link #find} found. */
    sealed interface Found {}

    /** A bulk export with its lines. */
    record Present(long userId, BulkExport view) implements Found {}

    /** A bulk export whose lines were cleared. */
    record Gone(Cleared cleared) implements Found {}

    /**
     * Creates a bulk export with its lines, all {@code PENDING}, unless the user already runs {@code perUser} bulk
     * exports (counted over all instances: on PostgreSQL the user's starts are serialised by an advisory lock).
     *
     * @param names the candidates' ids and names, in the order they are exported
     * @return empty when created; else the user's running bulk exports, for the refusal
     */
    Optional<List<Running>> create(
            String id,
            String connectorId,
            long userId,
            Map<Long, String> names,
            int perUser,
            long now,
            String instance) {
        try {
            jdbi.useTransaction(handle -> {
                if (dialect == SqlDialect.POSTGRESQL) {
                    handle.createQuery("SELECT pg_advisory_xact_lock(:kind, :user)")
                            .bind("kind", USER_BULK_LOCK)
                            .bind("user", (int) userId)
                            .mapTo(String.class)
                            .one();
                }
                // Written first, then counted: on SQLite a transaction that writes first holds the write lock, so
                // two starts never both count before either wrote.
                handle.createUpdate("INSERT INTO bulk_exports (id, connector_id, user_id, total, started_at,"
                                + " host_instance) VALUES (?, ?, ?, ?, ?, ?)")
                        .bind(0, id)
                        .bind(1, connectorId)
                        .bind(2, userId)
                        .bind(3, names.size())
                        .bind(4, now)
                        .bind(5, instance)
                        .execute();
                List<Running> others = running(handle, userId).stream()
                        .filter(bulk -> !bulk.id().equals(id))
                        .toList();
                if (others.size() >= perUser) {
                    throw new AtLimit(others);
                }
                PreparedBatch lines = handle.prepareBatch("INSERT INTO bulk_export_items (bulk_id, position,"
                        + " candidate_id, candidate_name, state) VALUES (?, ?, ?, ?, ?)");
                int position = 0;
                for (Map.Entry<Long, String> candidate : names.entrySet()) {
                    lines.bind(0, id)
                            .bind(1, position++)
                            .bind(2, candidate.getKey())
                            .bind(3, candidate.getValue())
                            .bind(4, BulkResultState.PENDING.name())
                            .add();
                }
                lines.execute();
            });
            return Optional.empty();
        } catch (AtLimit refused) {
            return Optional.of(refused.running);
        }
    }

    /** Rolls the start back: the user runs as many bulk exports as they may. */
    private static final class AtLimit extends RuntimeException {
        private final transient List<Running> running;

        AtLimit(List<Running> running) {
            super(null, null, false, false);
            this.running = running;
        }
    }

    /** @return the user's bulk exports that have not finished, on any instance */
    List<Running> running(long userId) {
        return jdbi.withHandle(handle -> running(handle, userId));
    }

    private static List<Running> running(Handle handle, long userId) {
        return handle.createQuery("SELECT b.id, b.connector_id, b.user_id, b.total, b.started_at, b.host_instance,"
                        + " (SELECT COUNT(*) FROM bulk_export_items i WHERE i.bulk_id = b.id"
                        + " AND i.state NOT IN ('PENDING', 'RUNNING')) AS done"
                        + " FROM bulk_exports b WHERE b.user_id = ? AND b.finished_at IS NULL")
                .bind(0, userId)
                .map((rs, ctx) -> new Running(
                        rs.getString("id"),
                        rs.getString("connector_id"),
                        rs.getLong("user_id"),
                        rs.getInt("total"),
                        rs.getInt("done"),
                        rs.getLong("started_at"),
                        rs.getString("host_instance")))
                .list();
    }

    /**
     * Claims the bulk export's first pending line for a lane of this instance.
     *
     * @return the line, or empty when none is pending
     */
    Optional<Claimed> claimNext(String bulkId, String instance) {
        if (dialect == SqlDialect.POSTGRESQL) {
            // One round trip; lanes skip each other's locked lines instead of queueing behind them.
            return jdbi.withHandle(handle -> handle.createQuery("UPDATE bulk_export_items SET state = :running,"
                            + " host_instance = :instance WHERE bulk_id = :bulk AND position = (SELECT position"
                            + " FROM bulk_export_items WHERE bulk_id = :bulk AND state = :pending ORDER BY position"
                            + " LIMIT 1 FOR UPDATE SKIP LOCKED) AND state = :pending RETURNING position, candidate_id")
                    .bind("running", BulkResultState.RUNNING.name())
                    .bind("instance", instance)
                    .bind("bulk", bulkId)
                    .bind("pending", BulkResultState.PENDING.name())
                    .map((rs, ctx) -> new Claimed(rs.getInt("position"), rs.getLong("candidate_id")))
                    .findOne());
        }
        while (true) {
            Optional<Claimed> next = jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT position, candidate_id FROM bulk_export_items WHERE bulk_id = ? AND state = ?"
                                    + " ORDER BY position LIMIT 1")
                    .bind(0, bulkId)
                    .bind(1, BulkResultState.PENDING.name())
                    .map((rs, ctx) -> new Claimed(rs.getInt("position"), rs.getLong("candidate_id")))
                    .findOne());
            if (next.isEmpty()) {
                return next;
            }
            int claimed = jdbi.withHandle(handle -> handle.createUpdate("UPDATE bulk_export_items SET state = ?,"
                            + " host_instance = ? WHERE bulk_id = ? AND position = ? AND state = ?")
                    .bind(0, BulkResultState.RUNNING.name())
                    .bind(1, instance)
                    .bind(2, bulkId)
                    .bind(3, next.get().position())
                    .bind(4, BulkResultState.PENDING.name())
                    .execute());
            if (claimed == 1) {
                return next;
            }
            // Another lane took it in between: the next one.
        }
    }

    /**
     * Records a line's final state, and the bulk export's end when it was the last line.
     *
     * @param state a final state
     */
    void record(
            String bulkId,
            int position,
            BulkResultState state,
            String message,
            String employeeId,
            String link,
            long now) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("UPDATE bulk_export_items SET state = ?, message = ?, employee_id = ?, link = ?"
                            + " WHERE bulk_id = ? AND position = ?")
                    .bind(0, state.name())
                    .bind(1, message)
                    .bind(2, employeeId)
                    .bind(3, link)
                    .bind(4, bulkId)
                    .bind(5, position)
                    .execute();
            markFinishedIfDone(handle, bulkId, now);
        });
    }

    /**
     * Records the bulk export's end if no line is pending or running: called when its last lane ended, since two
     * lanes recording their last lines at once (PostgreSQL) each see the other's line still running.
     */
    void finishIfDone(String bulkId, long now) {
        jdbi.useHandle(handle -> markFinishedIfDone(handle, bulkId, now));
    }

    private static void markFinishedIfDone(Handle handle, String bulkId, long now) {
        handle.createUpdate("UPDATE bulk_exports SET finished_at = ? WHERE id = ? AND finished_at IS NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM bulk_export_items WHERE bulk_id = ?"
                        + " AND state IN ('PENDING', 'RUNNING'))")
                .bind(0, now)
                .bind(1, bulkId)
                .bind(2, bulkId)
                .execute();
    }

    /** Puts a claimed line back to pending. */
    void release(String bulkId, int position) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE bulk_export_items SET state = ?, host_instance = NULL"
                        + " WHERE bulk_id = ? AND position = ? AND state = ?")
                .bind(0, BulkResultState.PENDING.name())
                .bind(1, bulkId)
                .bind(2, position)
                .bind(3, BulkResultState.RUNNING.name())
                .execute());
    }

    /** @return the bulk export with its lines, what is left of a cleared one, or empty when there is none */
    Optional<Found> find(String bulkId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT connector_id, user_id, total, finished_at,"
                                + " cleared_at, cleared_early FROM bulk_exports WHERE id = ?")
                        .bind(0, bulkId)
                        .map((rs, ctx) -> {
                            long userId = rs.getLong("user_id");
                            long finishedAt = rs.getLong("finished_at");
                            boolean finished = !rs.wasNull();
                            rs.getLong("cleared_at");
                            if (!rs.wasNull()) {
                                return (Found)
                                        new Gone(new Cleared(userId, finishedAt, rs.getInt("cleared_early") != 0));
                            }
                            return new Present(
                                    userId,
                                    new BulkExport(
                                            bulkId,
                                            rs.getString("connector_id"),
                                            rs.getInt("total"),
                                            0,
                                            0,
                                            0,
                                            0,
                                            finished,
                                            List.of()));
                        })
                        .findOne())
                .map(found -> found instanceof Present present ? withLines(present) : found);
    }

    private Present withLines(Present present) {
        BulkExport head = present.view();
        List<Result> results = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT candidate_id, candidate_name,"
                                + " state, message, employee_id, link FROM bulk_export_items WHERE bulk_id = ? ORDER BY position")
                .bind(0, head.id())
                .map((rs, ctx) -> new Result(
                        rs.getLong("candidate_id"),
                        rs.getString("candidate_name"),
                        BulkResultState.valueOf(rs.getString("state")),
                        rs.getString("message"),
                        rs.getString("employee_id"),
                        rs.getString("link")))
                .list());
        int succeeded = 0;
        int failed = 0;
        int needsReview = 0;
        for (Result result : results) {
            if (result.state().isSuccess()) {
                succeeded++;
            } else if (result.state() == BulkResultState.NEEDS_REVIEW) {
                needsReview++;
            } else if (result.state().isFinal()) {
                failed++;
            }
        }
        return new Present(
                present.userId(),
                new BulkExport(
                        head.id(),
                        head.connectorId(),
                        head.total(),
                        succeeded + failed + needsReview,
                        succeeded,
                        failed,
                        needsReview,
                        head.finished(),
                        results));
    }

    /**
     * Clears the lines of finished bulk exports: those that finished at or before {@code expiredBefore}, then the
     * oldest ones while together they hold more than {@code retainedLines}. Bulk exports cleared before
     * {@code forgetBefore} are forgotten altogether.
     *
     * @return the cleared ones' ids, with what is left of them
     */
    Map<String, Cleared> clearFinished(long expiredBefore, int retainedLines, long forgetBefore, long now) {
        record Finished(String id, long userId, int total, long finishedAt) {}
        // Read outside a transaction and cleared one by one, each transaction writing first (SQLite).
        List<Finished> finished = jdbi.withHandle(handle -> handle.createQuery("SELECT id, user_id, total, finished_at"
                        + " FROM bulk_exports WHERE finished_at IS NOT NULL AND cleared_at IS NULL"
                        + " ORDER BY finished_at DESC, id")
                .map((rs, ctx) -> new Finished(
                        rs.getString("id"), rs.getLong("user_id"), rs.getInt("total"), rs.getLong("finished_at")))
                .list());
        Map<String, Cleared> cleared = new LinkedHashMap<>();
        long kept = 0;
        boolean full = false;
        for (Finished bulk : finished) {
            if (bulk.finishedAt() <= expiredBefore) {
                cleared.put(bulk.id(), new Cleared(bulk.userId(), bulk.finishedAt(), false));
            } else if (full || kept + bulk.total() > retainedLines) {
                // Newest first: everything older than the lines that fit goes, as oldest-first clearing would.
                full = true;
                cleared.put(bulk.id(), new Cleared(bulk.userId(), bulk.finishedAt(), true));
            } else {
                kept += bulk.total();
            }
        }
        if (cleared.isEmpty()) {
            return cleared;
        }
        Map<String, Cleared> clearedHere = new LinkedHashMap<>();
        for (Map.Entry<String, Cleared> bulk : cleared.entrySet()) {
            boolean mine = jdbi.inTransaction(handle -> {
                int marked = handle.createUpdate("UPDATE bulk_exports SET cleared_at = ?, cleared_early = ?"
                                + " WHERE id = ? AND cleared_at IS NULL")
                        .bind(0, now)
                        .bind(1, bulk.getValue().early() ? 1 : 0)
                        .bind(2, bulk.getKey())
                        .execute();
                handle.createUpdate("DELETE FROM bulk_export_items WHERE bulk_id = ?")
                        .bind(0, bulk.getKey())
                        .execute();
                return marked == 1;
            });
            if (mine) {
                clearedHere.put(bulk.getKey(), bulk.getValue());
            }
        }
        jdbi.useHandle(handle -> handle.createUpdate(
                        "DELETE FROM bulk_exports WHERE cleared_at IS NOT NULL AND cleared_at < ?")
                .bind(0, forgetBefore)
                .execute());
        return clearedHere;
    }

    /**
     * @return the unfinished bulk exports whose instance is not this one and was not seen since
     *     {@code staleBefore} (stopped; on SQLite, any other)
     */
    List<String> abandoned(String instance, long staleBefore) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT b.id FROM bulk_exports b WHERE b.finished_at IS NULL"
                                + " AND b.host_instance <> ? AND NOT EXISTS (SELECT 1 FROM host_instances h"
                                + " WHERE h.id = b.host_instance AND h.last_seen_at >= ?) ORDER BY b.started_at, b.id")
                        .bind(0, instance)
                        .bind(1, staleBefore)
                        .mapTo(String.class)
                        .list());
    }

    /**
     * Takes over an abandoned bulk export for this instance: the lines its stopped instance was exporting are
     * pending again (their attempts were settled first, and the next export of each links what the HR system has).
     *
     * @return the user who started it, when this instance took it over (not another one first), and its connector
     */
    Optional<Adopted> adopt(String bulkId, String instance, long staleBefore) {
        return jdbi.inTransaction(handle -> {
            int taken = handle.createUpdate("UPDATE bulk_exports SET host_instance = ? WHERE id = ?"
                            + " AND finished_at IS NULL AND host_instance <> ? AND NOT EXISTS (SELECT 1 FROM"
                            + " host_instances h WHERE h.id = bulk_exports.host_instance AND h.last_seen_at >= ?)")
                    .bind(0, instance)
                    .bind(1, bulkId)
                    .bind(2, instance)
                    .bind(3, staleBefore)
                    .execute();
            if (taken == 0) {
                return Optional.<Adopted>empty();
            }
            handle.createUpdate("UPDATE bulk_export_items SET state = ?, host_instance = NULL WHERE bulk_id = ?"
                            + " AND state = ?")
                    .bind(0, BulkResultState.PENDING.name())
                    .bind(1, bulkId)
                    .bind(2, BulkResultState.RUNNING.name())
                    .execute();
            return handle.createQuery(
                            "SELECT b.connector_id, b.total, u.id, u.email, u.name, u.role FROM bulk_exports b"
                                    + " LEFT JOIN users u ON u.id = b.user_id WHERE b.id = ?")
                    .bind(0, bulkId)
                    .map((rs, ctx) -> {
                        String role = rs.getString("role");
                        Optional<User> user = role == null
                                ? Optional.empty()
                                : Optional.of(new User(
                                        rs.getLong("id"),
                                        rs.getString("email"),
                                        rs.getString("name"),
                                        UserRole.valueOf(role)));
                        return new Adopted(rs.getString("connector_id"), rs.getInt("total"), user);
                    })
                    .findOne();
        });
    }

    /** An abandoned bulk export this instance took over; the user is empty when they were deleted since. */
    record Adopted(String connectorId, int total, Optional<User> user) {}

    /** Gives a bulk export taken over but not run here back to whichever instance comes next. */
    void release(String bulkId, String instance) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE bulk_exports SET host_instance = ? WHERE id = ? AND host_instance = ?")
                .bind(0, "released-by-" + instance)
                .bind(1, bulkId)
                .bind(2, instance)
                .execute());
    }
}
