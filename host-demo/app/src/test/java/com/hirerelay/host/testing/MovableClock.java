package com.hirerelay.host.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset that a test moves forward, for what depends on time passing (retention,
 * expiry) without waiting for it. It keeps ticking in between, as a host's clock does.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves the clock forward. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock to that moment (forward or back), from where it keeps ticking. */
    public void moveTo(Instant when) {
        offset = Duration.between(Instant.now(), when);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The host runs on UTC");
    }
}
