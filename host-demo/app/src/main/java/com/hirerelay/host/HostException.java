package com.hirerelay.host;

/**
 * The root of the host's own failures (as opposed to {@link com.hirerelay.api.HrisException}, which
 * plugins report). Unchecked; each area has a subclass.
 */
public abstract class HostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
