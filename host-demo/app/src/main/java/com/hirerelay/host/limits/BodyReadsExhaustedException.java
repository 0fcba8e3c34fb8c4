package com.hirerelay.host.limits;

import java.io.IOException;

/**
 * A request body was about to be read while its client already has
 * {@link RequestLimits#MAX_BODY_READS_PER_CLIENT} bodies being read (or the host
 * {@link RequestLimits#MAX_BODY_READS}): each waits on a request thread, so they are bounded, and this one is
 * refused unread. An {@link IOException}, because it surfaces from the body's stream; the web layer answers it
 * with 429 and a {@code Retry-After}.
 */
public final class BodyReadsExhaustedException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyReadsExhaustedException() {
        super("Too many requests of this client are sending their bodies at once; try again in a moment.");
    }
}
