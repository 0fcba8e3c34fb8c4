package com.hirerelay.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The HR system asked us to slow down, and the plugin's own bounded retries did not get through.
 *
 * <p>A plugin reports the wait the HR system asked for in {@link #retryAfter()}, unchanged (the host
 * shows it and schedules the next try by it); it never invents one when the HR system gave none, and
 * it does not wait longer by itself than the host's time limit for the call ({@link PluginTimeLimits}): when
 * the wait asked for would not end within that limit, the plugin throws this exception at once, carrying the
 * wait, instead of sleeping through it (the host then schedules the next try).
 */
public class RateLimitedException extends HrisException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param message what was rate limited
     * @param retryAfter how long to wait before trying again, if the HR system said; null if unknown
     */
    public RateLimitedException(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    /**
     * @param message what was rate limited
     * @param retryAfter how long to wait before trying again, exactly as the HR system said (its
     *                   {@code Retry-After}, for example); null if it did not say
     * @param cause the underlying failure, or null
     * @since 1.1.0
     */
    public RateLimitedException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /**
     * @return how long to wait, when the HR system said so
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
