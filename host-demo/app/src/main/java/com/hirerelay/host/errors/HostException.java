package com.hirerelay.host.errors;

/**
 * The root of the host's own failures (as opposed to {@link com.hirerelay.api.HrisException}, which
 * plugins report). Unchecked; each area has a subclass, and each subclass says how the API answers it,
 * so the web layer maps every host failure without knowing the feature that threw it.
 */
public abstract class HostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected HostException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return the HTTP status the API answers this failure with, a 4xx or 5xx */
    public abstract int httpStatus();

    /** @return the body the API answers this failure with */
    public abstract ApiError toApiError();
}
