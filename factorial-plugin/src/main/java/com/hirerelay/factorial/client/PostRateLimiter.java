package com.hirerelay.factorial.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Keeps POST requests under Factorial's documented limit (200 per minute per key) with a sliding
 * window: a request may start when fewer than {@code permits} requests started in the last
 * {@code window}; otherwise the caller waits. One limiter is shared by every export of a connection,
 * so a batch of hires slows down instead of running into 429 answers.
 *
 * <p>Thread-safe. Waiting threads are woken in no particular order.
 */
public final class PostRateLimiter {

    private final int permits;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final Deque<Long> starts = new ArrayDeque<>();

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
     * Waits until a request may start and counts it.
     *
     * @return how long the caller waited
     * @throws InterruptedException if interrupted while waiting; no permit is taken then
     */
    public synchronized Duration acquire() throws InterruptedException {
        long began = nanoClock.getAsLong();
        while (true) {
            long now = nanoClock.getAsLong();
            while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
                starts.removeFirst();
            }
            if (starts.size() < permits) {
                starts.addLast(now);
                return Duration.ofNanos(now - began);
            }
            long waitNanos = windowNanos - (now - starts.peekFirst());
            long millis = Math.max(1, waitNanos / 1_000_000);
            wait(millis, 0);
        }
    }

    /**
     * @return how long a request arriving now would wait, for diagnostics
     */
    public synchronized Duration currentDelay() {
        long now = nanoClock.getAsLong();
        while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
            starts.removeFirst();
        }
        return starts.size() < permits ? Duration.ZERO : Duration.ofNanos(windowNanos - (now - starts.peekFirst()));
    }
}
