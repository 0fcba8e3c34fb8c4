package com.hirerelay.host.plugins;

import com.hirerelay.api.hris.RateBudget;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@link RateBudget} of host instances that share a PostgreSQL database: each counted request is a row of
 * {@code rate_budget_uses}, and a transaction holding the budget's advisory lock counts the rows in the window and
 * adds one only when the budget has room, so the instances together never take more than the limit. Times are the
 * database server's clock, the one clock all instances share.
 *
 * <p>A caller that finds no room sleeps until the oldest request leaves the window (at most a second at a time,
 * so a permit freed early by another instance is noticed) and tries again; no database connection is held while
 * it sleeps.
 */
public final class DatabaseRateBudget implements RateBudget {

    private static final long LONGEST_NAP_MILLIS = 1_000;
    private static final String NOW_MILLIS = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

    private final Jdbi jdbi;

    /** @param jdbi a PostgreSQL database migrated to version 21 or later */
    public DatabaseRateBudget(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Permit acquire(String key, int permits, Duration window) throws InterruptedException {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("a rate budget's key is 1 to 200 characters");
        }
        if (permits < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate budget needs at least one permit and a positive window");
        }
        long windowMillis = Math.max(1, window.toMillis());
        long began = System.nanoTime();
        boolean napped = false;
        while (true) {
            Grant grant = tryCount(key, permits, windowMillis);
            if (grant.countedId() != null) {
                // A permit counted at once reports no wait: the round trip to the database is not the limit's.
                return new CountedRow(
                        grant.countedId(), napped ? Duration.ofNanos(System.nanoTime() - began) : Duration.ZERO);
            }
            napped = true;
            Thread.sleep(Math.max(1, Math.min(LONGEST_NAP_MILLIS, grant.waitMillis())));
        }
    }

    /** Counts the request if the window has room; otherwise says how long until it may. */
    private Grant tryCount(String key, int permits, long windowMillis) {
        return jdbi.inTransaction(handle -> {
            // Serialises the budget's counters across instances until the transaction ends.
            handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?, 0))) AS locked")
                    .bind(0, key)
                    .mapTo(Integer.class)
                    .one();
            long now =
                    handle.createQuery("SELECT " + NOW_MILLIS).mapTo(Long.class).one();
            handle.createUpdate("DELETE FROM rate_budget_uses WHERE budget_key = ? AND counted_at <= ?")
                    .bind(0, key)
                    .bind(1, now - windowMillis)
                    .execute();
            long[] inWindow = handle.createQuery(
                            "SELECT COUNT(*), COALESCE(MIN(counted_at), 0) FROM rate_budget_uses WHERE budget_key = ?")
                    .bind(0, key)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .one();
            if (inWindow[0] < permits) {
                long id = handle.createQuery(
                                "INSERT INTO rate_budget_uses (budget_key, counted_at) VALUES (?, ?) RETURNING id")
                        .bind(0, key)
                        .bind(1, now)
                        .mapTo(Long.class)
                        .one();
                return new Grant(id, 0);
            }
            return new Grant(null, inWindow[1] + windowMillis - now);
        });
    }

    private record Grant(Long countedId, long waitMillis) {}

    /** A counted request, a row that {@link #sent()} moves to the time the answer came. */
    private final class CountedRow implements Permit {
        private final long id;
        private final Duration waited;
        private boolean sent;

        private CountedRow(long id, Duration waited) {
            this.id = id;
            this.waited = waited;
        }

        @Override
        public Duration waited() {
            return waited;
        }

        @Override
        public synchronized void sent() {
            if (sent) {
                return;
            }
            sent = true;
            jdbi.useHandle(
                    handle -> handle.createUpdate("UPDATE rate_budget_uses SET counted_at = GREATEST(counted_at, "
                                    + NOW_MILLIS + ") WHERE id = ?")
                            .bind(0, id)
                            .execute());
        }
    }
}
