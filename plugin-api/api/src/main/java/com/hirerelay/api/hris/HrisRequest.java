package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.time.Duration;

/**
 * One request a connection sent to its HR system, as reported to a {@link HrisRequestListener}.
 *
 * <p>Times are {@link System#nanoTime()} readings of the JVM the plugin runs in, so a host can lay
 * requests sent side by side over each other and count the time it waited once.
 *
 * @param method the HTTP method (or the protocol's equivalent), upper case, for example {@code GET};
 *               not blank
 * @param endpoint which kind of request it was, stable across requests and low in variety, for example
 *                 {@code employees/employees}: a path template without ids, query, e-mail addresses or
 *                 secrets, since hosts use it as a label of their metrics; not blank
 * @param status the HTTP status of the answer, or {@link #NO_ANSWER} when none came (a time-out, a
 *               refused or dropped connection)
 * @param startNanos when the request was started, by {@link System#nanoTime()}
 * @param endNanos when its answer had been read or the request failed, by {@link System#nanoTime()};
 *                 not before {@code startNanos}
 */
public record HrisRequest(String method, String endpoint, int status, long startNanos, long endNanos) {

    /** The status of a request that got no answer. */
    public static final int NO_ANSWER = 0;

    /**
     * @throws IllegalArgumentException if the method or endpoint is blank, the status negative, or the
     *         request ends before it starts
     */
    public HrisRequest {
        Require.notBlank(method, "method");
        Require.notBlank(endpoint, "endpoint");
        if (status < 0) {
            throw new IllegalArgumentException("status must be an HTTP status or NO_ANSWER (0), not " + status);
        }
        if (endNanos - startNanos < 0) {
            throw new IllegalArgumentException("a request cannot end before it starts");
        }
    }

    /** @return how long the request took */
    public Duration duration() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /** @return true when the HR system answered, whatever the status */
    public boolean answered() {
        return status != NO_ANSWER;
    }
}
