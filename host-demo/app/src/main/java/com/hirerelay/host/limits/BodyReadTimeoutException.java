package com.hirerelay.host.limits;

import java.io.IOException;

/**
 * A request body stopped arriving: no byte came for {@link RequestLimits#BODY_READ_TIMEOUT_SECONDS} seconds
 * while it was being read. An {@link IOException}, because it surfaces from the body's stream; the web layer
 * answers it with 408 and closes the connection.
 */
public final class BodyReadTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyReadTimeoutException(Throwable cause) {
        super(
                "The request body did not arrive in time (no data for " + RequestLimits.BODY_READ_TIMEOUT_SECONDS
                        + " seconds).",
                cause);
    }
}
