package com.hirerelay.factorial.connector;

import com.hirerelay.api.hris.ReferenceData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Keeps Factorial's reference lists for a short while, so that opening an export dialog, validating
 * and exporting read them once. Loads at most one copy at a time; a failed load is not cached. The age is
 * measured on the host's clock (the plugin API's rule), so a host, or the test kit, can move time on.
 *
 * <p>Thread-safe.
 */
final class ReferenceDataCache {

    private final Supplier<ReferenceData> loader;
    private final Duration ttl;
    private final Clock clock;
    private ReferenceData cached;
    private Instant loadedAt;

    ReferenceDataCache(Supplier<ReferenceData> loader, Duration ttl, Clock clock) {
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** @return the cached lists, loading them when there are none or they are older than the time to live */
    synchronized ReferenceData get() {
        if (!fresh()) {
            ReferenceData loaded = loader.get();
            cached = loaded;
            loadedAt = clock.instant();
        }
        return cached;
    }

    /** @return the cached lists while they are fresh, without loading; null otherwise */
    synchronized ReferenceData peek() {
        return fresh() ? cached : null;
    }

    /** A clock set back (a host correcting its time) counts as stale too: reading again is always safe. */
    private boolean fresh() {
        if (cached == null) {
            return false;
        }
        Duration age = Duration.between(loadedAt, clock.instant());
        return !age.isNegative() && age.compareTo(ttl) < 0;
    }
}
