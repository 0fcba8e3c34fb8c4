package com.hirerelay.host.storage;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This running host as the other instances on the same database see it: a row in {@code host_instances} that it
 * refreshes every {@link InstanceLease#heartbeat()} while it runs and deletes when it stops. An instance not seen
 * for its {@link InstanceLease#lease()} is taken for stopped (crashed, killed, cut off), and the others finish what
 * it left running. All instances on one database should be started with the same lease.
 *
 * <p>Times are the wall clock of each instance: instances on several machines need synchronised clocks (NTP);
 * the lease is long enough that a skew of seconds does no harm.
 */
public final class HostInstance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostInstance.class);

    private final String id;
    private final Jdbi jdbi;
    private final Clock clock;
    private final InstanceLease lease;
    private final ScheduledExecutorService heartbeat;
    private volatile Runnable onHeartbeat = () -> {};

    private HostInstance(String id, Jdbi jdbi, Clock clock, InstanceLease lease) {
        this.id = id;
        this.jdbi = jdbi;
        this.clock = clock;
        this.lease = lease;
        this.heartbeat = jdbi == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "host-instance-heartbeat");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * The only host of its database (a SQLite file): it has an id for the work it records, but no row and no
     * heartbeat, since no other instance looks. (A heartbeat would also write to the file every few seconds, and a
     * long SQLite transaction that read before such a write can then not write itself.)
     *
     * @return an instance that needs no closing
     */
    public static HostInstance alone() {
        return new HostInstance(UUID.randomUUID().toString(), null, Clock.systemUTC(), InstanceLease.DEFAULT);
    }

    /**
     * Registers a new instance and starts its heartbeat.
     *
     * @param jdbi the database
     * @param clock the wall clock (not a test's movable clock: the lease is about real time)
     * @param lease how long this instance may go unseen, and how long it waits before taking another for stopped
     * @return the registered instance
     */
    public static HostInstance register(Jdbi jdbi, Clock clock, InstanceLease lease) {
        HostInstance instance = new HostInstance(UUID.randomUUID().toString(), jdbi, clock, lease);
        long now = clock.millis();
        jdbi.useHandle(handle -> handle.createUpdate(
                        "INSERT INTO host_instances (id, started_at, last_seen_at) VALUES (?, ?, ?)")
                .bind(0, instance.id)
                .bind(1, now)
                .bind(2, now)
                .execute());
        instance.heartbeat.scheduleWithFixedDelay(
                () -> {
                    try {
                        instance.beat();
                        instance.onHeartbeat.run();
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "Host instance {}: heartbeat failed, retrying in {}: {}",
                                instance.id,
                                lease.heartbeat(),
                                e.getMessage());
                    }
                },
                lease.heartbeat().toMillis(),
                lease.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
        return instance;
    }

    /**
     * Runs the task after each heartbeat, on the heartbeat's thread (the sweep of stopped instances' work); its
     * failures are logged and never stop the heartbeat.
     */
    public void onHeartbeat(Runnable task) {
        if (heartbeat == null) {
            throw new IllegalStateException("An instance alone on its database has no heartbeat");
        }
        this.onHeartbeat = task;
    }

    /** @return this instance's id, recorded on the work it does */
    public String id() {
        return id;
    }

    /** @return the time before which an instance last seen is taken for stopped, in epoch milliseconds */
    public long staleBefore() {
        return clock.millis() - lease.lease().toMillis();
    }

    private void beat() {
        long now = clock.millis();
        jdbi.useHandle(handle -> {
            int updated = handle.createUpdate("UPDATE host_instances SET last_seen_at = ? WHERE id = ?")
                    .bind(0, now)
                    .bind(1, id)
                    .execute();
            if (updated == 0) {
                // Taken for stopped after a long pause and cleaned away: be seen again.
                handle.createUpdate("INSERT INTO host_instances (id, started_at, last_seen_at) VALUES (?, ?, ?)")
                        .bind(0, id)
                        .bind(1, now)
                        .bind(2, now)
                        .execute();
            }
            handle.createUpdate("DELETE FROM host_instances WHERE last_seen_at < ?")
                    .bind(0, now - 10 * lease.lease().toMillis())
                    .execute();
        });
    }

    /** Stops the heartbeat and removes the row. */
    @Override
    public void close() {
        if (heartbeat == null) {
            return;
        }
        heartbeat.shutdownNow();
        try {
            jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM host_instances WHERE id = ?")
                    .bind(0, id)
                    .execute());
        } catch (RuntimeException e) {
            LOG.warn("Host instance {} could not remove its row: {}", id, e.getMessage());
        }
    }
}
