package com.hirerelay.api.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock the kit hands every connection it opens, as a host hands its own: it stands still until the kit
 * moves it on, so a test can age a connection's caches without waiting. Thread-safe.
 */
public final class KitClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** @param start the instant the clock shows until it is moved on */
    public KitClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private KitClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** @param step how far to move the clock on; not negative */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("a clock only moves on");
        }
        now.updateAndGet(instant -> instant.plus(step));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** @return a view in another zone that moves on with this clock */
    @Override
    public Clock withZone(ZoneId otherZone) {
        return new KitClock(now, otherZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public String toString() {
        return "KitClock[" + now.get() + ", " + zone + "]";
    }
}
