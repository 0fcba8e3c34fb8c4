package com.hirerelay.host.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the request bodies being read, per client address and in all, so that slow bodies cannot take
 * every request thread. Thread-safe; a slot taken with {@link #tryTake} must be given back with
 * {@link #giveBack} exactly once.
 */
final class BodyReadSlots {

    private final int perClient;
    private final int total;
    private final AtomicInteger taken = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> byClient = new ConcurrentHashMap<>();

    BodyReadSlots(int perClient, int total) {
        this.perClient = perClient;
        this.total = total;
    }

    /** @return whether a slot was free for this client (and is now taken) */
    boolean tryTake(String client) {
        if (taken.incrementAndGet() > total) {
            taken.decrementAndGet();
            return false;
        }
        boolean[] granted = {false};
        byClient.compute(client, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perClient) {
                return count;
            }
            granted[0] = true;
            return now + 1;
        });
        if (!granted[0]) {
            taken.decrementAndGet();
        }
        return granted[0];
    }

    /** Gives back a slot {@link #tryTake} granted to this client. */
    void giveBack(String client) {
        // a client without bodies in flight leaves no entry behind
        byClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
        taken.decrementAndGet();
    }

    /** @return the bodies being read now, for tests */
    int taken() {
        return taken.get();
    }
}
