package com.hirerelay.factorial.connector;

import com.hirerelay.api.hris.ReferenceData;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps Factorial's reference lists for a short while, so that opening an export dialog, validating
 * and exporting read them once. Loads at most one copy at a time; a failed load is not cached.
 *
 * <p>Thread-safe.
 */
final class ReferenceDataCache {

    private final Supplier<ReferenceData> loader;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private ReferenceData cached;
    private long loadedAt;

    ReferenceDataCache(Supplier<ReferenceData> loader, Duration ttl, LongSupplier nanoClock) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    /** @return the cached lists, loading them when there are none or they are older than the time to live */
    synchronized ReferenceData get() {
        long now = nanoClock.getAsLong();
        if (cached == null || now - loadedAt >= ttlNanos) {
            ReferenceData fresh = loader.get();
            cached = fresh;
            loadedAt = nanoClock.getAsLong();
        }
        return cached;
    }

    /** @return the cached lists while they are fresh, without loading; null otherwise */
    synchronized ReferenceData peek() {
        return cached != null && nanoClock.getAsLong() - loadedAt < ttlNanos ? cached : null;
    }
}
