package com.hirerelay.host.limits;

import java.io.IOException;

/**
 * A request body turned out longer than its call accepts while it was being read (a chunked body has no
 * length to check beforehand). An {@link IOException}, because it surfaces from the body's stream; the web
 * layer answers it with 413.
 */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limitBytes) {
        super("The request body is larger than this call accepts (at most " + RequestLimits.describe(limitBytes)
                + ").");
    }
}
