package com.hirerelay.host.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an instance sharing a PostgreSQL database may go unseen before the others take it for stopped and
 * finish its work, and how often it says it is alive (a twelfth of that, so that a few missed heartbeats under
 * load never make a running instance look stopped).
 *
 * @param lease how long an instance may go unseen; keep it well above a plugin call's time-out, or a slow export
 *     of a running instance is taken over while it still runs (its attempt record keeps it from happening twice,
 *     but the user then sees it settled as unknown)
 */
public record InstanceLease(Duration lease) {

    /** The shortest lease accepted: below it a heartbeat would be a busy loop on the database. */
    public static final Duration SHORTEST = Duration.ofSeconds(2);

    // Declared after SHORTEST, which its constructor reads.
    /** Two minutes: far above the plugin calls' time-outs, short enough that a crash delays a bulk export little. */
    public static final InstanceLease DEFAULT = new InstanceLease(Duration.ofMinutes(2));

    public InstanceLease {
        Objects.requireNonNull(lease, "lease");
        if (lease.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException(
                    "An instance lease must be at least " + SHORTEST.toSeconds() + " s, not " + lease);
        }
    }

    /** @return how often a running instance refreshes its row */
    public Duration heartbeat() {
        return lease.dividedBy(12);
    }
}
