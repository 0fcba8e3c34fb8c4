package com.hirerelay.factorial.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Keeps POST requests under Factorial's documented limit (200 per minute per key) with a sliding
 * window: a request may start when fewer than {@code permits} requests were counted in the last
 * {@code window}; otherwise the caller waits. One limiter is shared by every export of a connection,
 * so a batch of hires slows down instead of running into 429 answers.
 *
 * <p>A request counts from when it starts and, once {@link Permit#sent()} is called, from when its answer
 * came: Factorial counts it on arrival, somewhere in between, so counting it at the later time keeps the
 * window on our side of Factorial's.
 *
 * <p>Thread-safe. Waiting threads are woken in no particular order.
 */
public final class PostRateLimiter {

    private final int permits;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final List<long[]> counted = new ArrayList<>();

    /**
     * A taken permit.
     */
    public final class Permit {
        private final long[] countedAt;
        private final Duration waited;

        private Permit(long[] countedAt, Duration waited) {
            this.countedAt = countedAt;
            this.waited = waited;
        }

        /** @return how long the caller waited for the permit */
        public Duration waited() {
            return waited;
        }

        /** Counts the request from now on, when its answer (or failure) has come back. */
        public void sent() {
            synchronized (PostRateLimiter.this) {
                countedAt[0] = Math.max(countedAt[0], nanoClock.getAsLong());
                PostRateLimiter.this.notifyAll();
            }
        }
    }

    /**
     * @param permits requests allowed per window; at least 1
     * @param window the window
     */
    public PostRateLimiter(int permits, Duration window) {
        this(permits, window, System::nanoTime);
    }

    PostRateLimiter(int permits, Duration window, LongSupplier nanoClock) {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs at least one permit and a positive window");
        }
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Waits until a request may start and counts it from now.
     *
     * @return how long the caller waited
     * @throws InterruptedException if interrupted while waiting; no permit is taken then
     */
    public Duration acquire() throws InterruptedException {
        return acquirePermit().waited();
    }

    /**
     * Waits until a request may start and counts it; call {@link Permit#sent()} when its answer came.
     *
     * @return the permit
     * @throws InterruptedException if interrupted while waiting; no permit is taken then
     */
    public synchronized Permit acquirePermit() throws InterruptedException {
        long began = nanoClock.getAsLong();
        // A permit taken at once reports no wait at all, not the nanoseconds between two clock readings.
        long now = began;
        while (true) {
            forgetOlderThanWindow(now);
            if (counted.size() < permits) {
                long[] countedAt = {now};
                counted.add(countedAt);
                return new Permit(countedAt, Duration.ofNanos(now - began));
            }
            long waitNanos = windowNanos - (now - oldest());
            wait(Math.max(1, waitNanos / 1_000_000), 0);
            now = nanoClock.getAsLong();
        }
    }

    /**
     * @return how long a request arriving now would wait, for diagnostics
     */
    public synchronized Duration currentDelay() {
        long now = nanoClock.getAsLong();
        forgetOlderThanWindow(now);
        return counted.size() < permits ? Duration.ZERO : Duration.ofNanos(windowNanos - (now - oldest()));
    }

    private void forgetOlderThanWindow(long now) {
        counted.removeIf(countedAt -> now - countedAt[0] >= windowNanos);
    }

    private long oldest() {
        long oldest = Long.MAX_VALUE;
        for (long[] countedAt : counted) {
            oldest = Math.min(oldest, countedAt[0]);
        }
        return oldest;
    }
}
