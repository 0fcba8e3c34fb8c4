package com.hirerelay.api.hris;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The in-process {@link RateBudget}: one sliding window per key, counted in this JVM. Package-private: get one
 * from {@link RateBudget#inProcess()}.
 *
 * <p>Thread-safe. Waiting threads are woken in no particular order.
 */
final class SlidingWindowRateBudget implements RateBudget {

    private final LongSupplier nanoClock;
    private final Map<String, List<long[]>> countedByKey = new HashMap<>();

    /** @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}; tests pass their own) */
    SlidingWindowRateBudget(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized Permit acquire(String key, int permits, Duration window) throws InterruptedException {
        checkLimit(key, permits, window);
        long windowNanos = window.toNanos();
        List<long[]> counted = countedByKey.computeIfAbsent(key, k -> new ArrayList<>());
        long began = nanoClock.getAsLong();
        // A permit taken at once reports no wait at all, not the nanoseconds between two clock readings.
        long now = began;
        while (true) {
            long sinceNow = now;
            counted.removeIf(countedAt -> sinceNow - countedAt[0] >= windowNanos);
            if (counted.size() < permits) {
                long[] countedAt = {now};
                counted.add(countedAt);
                return new CountedPermit(countedAt, Duration.ofNanos(now - began));
            }
            long oldest = Long.MAX_VALUE;
            for (long[] countedAt : counted) {
                oldest = Math.min(oldest, countedAt[0]);
            }
            long waitNanos = windowNanos - (now - oldest);
            wait(Math.max(1, waitNanos / 1_000_000), 0);
            now = nanoClock.getAsLong();
        }
    }

    /**
     * @return how long a request of that budget arriving now would wait, for diagnostics and tests
     */
    synchronized Duration currentDelay(String key, int permits, Duration window) {
        checkLimit(key, permits, window);
        long now = nanoClock.getAsLong();
        long windowNanos = window.toNanos();
        List<long[]> counted = countedByKey.getOrDefault(key, List.of());
        long inWindow = counted.stream().filter(c -> now - c[0] < windowNanos).count();
        if (inWindow < permits) {
            return Duration.ZERO;
        }
        long oldest = counted.stream()
                .filter(c -> now - c[0] < windowNanos)
                .mapToLong(c -> c[0])
                .min()
                .orElse(now);
        return Duration.ofNanos(windowNanos - (now - oldest));
    }

    /**
     * Checks the arguments of {@link RateBudget#acquire} as every implementation must.
     *
     * @throws IllegalArgumentException for a blank or too long key, fewer than one permit or a non-positive window
     */
    static void checkLimit(String key, int permits, Duration window) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("a rate budget's key is 1 to 200 characters");
        }
        if (permits < 1 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate budget needs at least one permit and a positive window");
        }
    }

    private final class CountedPermit implements Permit {
        private final long[] countedAt;
        private final Duration waited;

        private CountedPermit(long[] countedAt, Duration waited) {
            this.countedAt = countedAt;
            this.waited = waited;
        }

        @Override
        public Duration waited() {
            return waited;
        }

        @Override
        public void sent() {
            synchronized (SlidingWindowRateBudget.this) {
                countedAt[0] = Math.max(countedAt[0], nanoClock.getAsLong());
                SlidingWindowRateBudget.this.notifyAll();
            }
        }
    }
}
