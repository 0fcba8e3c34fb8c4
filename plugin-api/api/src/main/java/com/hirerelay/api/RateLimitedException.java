package com.hirerelay.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The HR system asked us to slow down, and the plugin's own bounded retries did not get through.
 */
public class RateLimitedException extends HrisException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /**
     * @param message what was rate limited
     * @param retryAfter how long to wait before trying again, if the HR system said; null if unknown
     */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message, null);
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
