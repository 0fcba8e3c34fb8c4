package com.hirerelay.factorial.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FactorialClient} talks to Factorial. The defaults follow Factorial's documentation where
 * there is one (200 POST requests per minute per key) and are otherwise our own conservative choices.
 *
 * @param baseUri the API host, such as {@code https://api.factorialhr.com}, without a path
 * @param apiVersion the dated API version, {@code YYYY-MM-DD}
 * @param readTimeout how long a request may wait: to connect, for a pooled connection, and for each part of the
 *                    answer (an answer that keeps arriving is bounded by the host's limits on the plugin call)
 * @param readAttempts how many times a read (GET) is tried in all on a 5xx, a time-out or an unreadable
 *                     answer; at least 1
 * @param rateLimitRetries how many times a request refused with 429 is tried again; at least 0
 * @param backoffBase the first pause of the exponential back-off (doubled on each retry)
 * @param maxRetryAfter the longest {@code Retry-After} the client waits itself; a longer one is reported
 *                      to the caller instead
 * @param postsPerWindow how many POST requests may start in one {@code postWindow}
 * @param postWindow the window of the POST limit
 */
public record FactorialClientConfig(
        URI baseUri,
        String apiVersion,
        Duration readTimeout,
        int readAttempts,
        int rateLimitRetries,
        Duration backoffBase,
        Duration maxRetryAfter,
        int postsPerWindow,
        Duration postWindow) {

    /** The API version the official SDK 1.x pins. */
    public static final String DEFAULT_API_VERSION = "2026-04-01";
    /** The first version in which every id is a JSON string. */
    public static final String STRING_IDS_SINCE = "2026-07-01";
    /** Factorial's documented POST limit per key and minute. */
    public static final int DOCUMENTED_POSTS_PER_MINUTE = 200;

    /**
     * A JVM system property of the host that replaces {@link #DOCUMENTED_POSTS_PER_MINUTE}: for an account whose
     * limit Factorial raised, and for load tests against a sandbox that has none. A value that is not a positive
     * number is ignored.
     */
    public static final String POSTS_PER_MINUTE_PROPERTY = "hirerelay.factorial.postsPerMinute";

    /**
     * @throws IllegalArgumentException if a component is missing or out of range
     */
    public FactorialClientConfig {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!"https".equals(baseUri.getScheme()) && !"http".equals(baseUri.getScheme())) {
            throw new IllegalArgumentException("the base URL must be http or https, was " + baseUri);
        }
        if (apiVersion == null || !apiVersion.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("the API version must look like 2026-04-01, was " + apiVersion);
        }
        requirePositive(readTimeout, "readTimeout");
        requirePositive(backoffBase, "backoffBase");
        requirePositive(maxRetryAfter, "maxRetryAfter");
        requirePositive(postWindow, "postWindow");
        if (readAttempts < 1 || rateLimitRetries < 0 || postsPerWindow < 1) {
            throw new IllegalArgumentException(
                    "readAttempts and postsPerWindow must be at least 1," + " rateLimitRetries at least 0");
        }
    }

    /**
     * The defaults: 30 s per request (connecting included), 3 read attempts, 4 retries after a 429, back-off from
     * 500 ms, waiting at most 30 s for a {@code Retry-After}, 200 POSTs per minute (or
     * {@link #POSTS_PER_MINUTE_PROPERTY}).
     *
     * @param baseUri the API host
     * @param apiVersion the dated API version
     * @return the configuration
     */
    public static FactorialClientConfig defaults(URI baseUri, String apiVersion) {
        return new FactorialClientConfig(
                baseUri,
                apiVersion,
                Duration.ofSeconds(30),
                3,
                4,
                Duration.ofMillis(500),
                Duration.ofSeconds(30),
                postsPerMinute(),
                Duration.ofMinutes(1));
    }

    private static int postsPerMinute() {
        Integer configured = Integer.getInteger(POSTS_PER_MINUTE_PROPERTY);
        return configured != null && configured > 0 ? configured : DOCUMENTED_POSTS_PER_MINUTE;
    }

    /** @return this configuration with another time-out per request */
    public FactorialClientConfig withReadTimeout(Duration read) {
        return new FactorialClientConfig(
                baseUri,
                apiVersion,
                read,
                readAttempts,
                rateLimitRetries,
                backoffBase,
                maxRetryAfter,
                postsPerWindow,
                postWindow);
    }

    /** @return this configuration with another retry policy */
    public FactorialClientConfig withRetries(int attemptsForReads, int retriesAfter429, Duration firstBackoff) {
        return new FactorialClientConfig(
                baseUri,
                apiVersion,
                readTimeout,
                attemptsForReads,
                retriesAfter429,
                firstBackoff,
                maxRetryAfter,
                postsPerWindow,
                postWindow);
    }

    /** @return this configuration with another POST limit */
    public FactorialClientConfig withPostLimit(int posts, Duration window) {
        return new FactorialClientConfig(
                baseUri,
                apiVersion,
                readTimeout,
                readAttempts,
                rateLimitRetries,
                backoffBase,
                maxRetryAfter,
                posts,
                window);
    }

    /** @return whether this version expects ids as JSON strings (2026-07-01 and later) */
    public boolean sendsStringIds() {
        return apiVersion.compareTo(STRING_IDS_SINCE) >= 0;
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
