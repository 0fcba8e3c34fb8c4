package com.hirerelay.api.hris;

/**
 * Told about the requests a connection sends to its HR system, so that a host can count them by
 * endpoint and status, see rate limiting, and tell the time it spent waiting on the HR system from its
 * own. The host passes one to {@link HrisConnector#open(ConnectionSettings, HrisRequestListener)}.
 *
 * <p>Optional for plugins: a connector that does not override that method reports nothing, and the
 * host then counts the whole time of a connection call as the plugin's.
 *
 * <p>Threading: report a request on the thread that runs the {@link HrisConnection} method it belongs
 * to, after it finished. A connection that sends a request from a thread of its own (look-ups side by
 * side, say) reports it from the calling thread once it has waited for it, with the request's own start
 * and end: the host attributes a report to the call running on the reporting thread. The host's
 * implementation is thread-safe, never blocks and never throws; a plugin need not guard the calls.
 */
public interface HrisRequestListener {

    /** A listener that ignores every report. */
    HrisRequestListener NONE = new HrisRequestListener() {};

    /**
     * A request was answered or failed. Report every attempt: a request retried after a 429 or a 5xx is
     * reported once per attempt, each with its own status.
     *
     * @param request what was sent and how it ended
     */
    default void requestFinished(HrisRequest request) {}

    /**
     * The connection held a request back to stay within the HR system's rate limit: its own pacing, or
     * the pause before retrying a request the HR system refused with 429. Report only waits that
     * happened (a request sent at once is not a wait).
     *
     * @param startNanos when the wait began, by {@link System#nanoTime()}
     * @param endNanos when it ended, by {@link System#nanoTime()}; not before {@code startNanos}
     */
    default void rateBudgetWaited(long startNanos, long endNanos) {}
}
