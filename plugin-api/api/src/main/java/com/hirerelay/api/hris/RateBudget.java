package com.hirerelay.api.hris;

import java.time.Duration;

/**
 * A request budget the host shares between everything that calls one remote API with one credential: every
 * connection of every plugin in this host and, when several host instances share a database, in all of them. An
 * HR system that allows, say, 200 POST requests a minute per API key is only safe if all callers with that key
 * count together; a limiter inside one connection counts only its own requests.
 *
 * <p>The host hands a budget to {@link HrisConnector#open(ConnectionSettings, RateBudget)}. A connector that
 * ignores it still works alone (it then keeps under the limit only as far as its own limiter can see). Outside a
 * host, for example in a plugin's own tests, {@link #inProcess()} gives a budget that counts in this JVM.
 *
 * <p>Usage, around each request the limit applies to:
 *
 * <pre>{@code
 * RateBudget.Permit permit = budget.acquire("factorial-posts:" + keyFingerprint, 200, Duration.ofMinutes(1));
 * try {
 *     send(request);
 * } finally {
 *     permit.sent();
 * }
 * }</pre>
 *
 * <p>Keys: a budget is identified by its key alone, so all callers of one budget must pass the same key, permits
 * and window. A key names the remote system and the credential, for example by a hash of the API key; it must never
 * contain a secret, since a host may store it in its database. Keys are at most 200 characters.
 *
 * <p>Counting: a request counts from when its permit is taken and, once {@link Permit#sent()} is called, from when
 * its answer came, so the window never runs ahead of the remote system's, which counts on arrival somewhere in
 * between. A request is forgotten one {@code window} after it counts.
 *
 * <p>Thread-safe; {@link #acquire} blocks the calling thread, so call it only on the threads the host runs plugin
 * calls on.
 */
public interface RateBudget {

    /**
     * Waits until one more request fits into the budget and counts it.
     *
     * @param key the budget's name (see the type's documentation); not blank, no secret
     * @param permits how many requests the budget allows per window; at least 1
     * @param window the sliding window; positive
     * @return the counted request; call {@link Permit#sent()} when its answer came
     * @throws InterruptedException if interrupted while waiting; nothing is counted then
     * @throws IllegalArgumentException for a blank or too long key, fewer than one permit or a window that is not
     *     positive
     */
    Permit acquire(String key, int permits, Duration window) throws InterruptedException;

    /**
     * A budget counted in this JVM only, by key: what a connector uses when it is opened without the host's budget.
     * Each call returns a new, independent budget.
     *
     * @return a new in-process budget
     */
    static RateBudget inProcess() {
        return new SlidingWindowRateBudget(System::nanoTime);
    }

    /** One request counted in a budget. */
    interface Permit {

        /** @return how long the caller waited for the permit; zero when the budget had room */
        Duration waited();

        /**
         * Counts the request from now on, when its answer (or its failure) has come back. Call it once, in a
         * {@code finally} block; later calls do nothing more.
         */
        void sent();
    }
}
