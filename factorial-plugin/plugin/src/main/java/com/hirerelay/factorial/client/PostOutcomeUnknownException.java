package com.hirerelay.factorial.client;

import com.hirerelay.api.RemoteUnavailableException;

/**
 * A POST reached Factorial, or may have, but its answer was lost: a time-out after sending, a dropped
 * connection, a 5xx, or a success answer that could not be read. The caller must look before deciding
 * whether the POST took effect; retrying blindly could create a second employee.
 *
 * <p>It is a {@link RemoteUnavailableException} so that a caller that cannot look (a follow-up step)
 * still reports something sensible.
 */
public class PostOutcomeUnknownException extends RemoteUnavailableException {

    private static final long serialVersionUID = 1L;

    /** What happened to the request. */
    public enum Reason {
        /** Factorial answered 5xx: it usually did nothing, but may have. */
        SERVER_ERROR,
        /** No answer in time, or the connection dropped after the request was sent. */
        NO_ANSWER,
        /** A 2xx answer whose body could not be read: the POST most likely took effect. */
        UNREADABLE_ANSWER
    }

    private final Reason reason;
    private final int status;

    PostOutcomeUnknownException(Reason reason, int status, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
    }

    /** @return what happened */
    public Reason reason() {
        return reason;
    }

    /** @return the HTTP status, or 0 when there was no answer */
    public int status() {
        return status;
    }
}
