package com.hirerelay.api;

/**
 * The HR system answered and refused the request for a reason that is neither credentials, permission,
 * validation nor load, such as a 404 for a record that no longer exists, a 409 conflict or a full quota.
 * A connector uses it for a refusal it cannot attach to a field of the draft (a refusal it can attach is a
 * {@link ValidationFailedException}) and that is not an outage (which is a
 * {@link RemoteUnavailableException}). Not retryable: the same request would be refused again.
 */
public class RemoteRejectedException extends HrisException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the protocol status the HR system answered with (an HTTP status), or 0 if none
     * @param message what was refused and why, as far as the answer said
     */
    public RemoteRejectedException(int status, String message) {
        this(status, message, null);
    }

    /**
     * @param status the protocol status the HR system answered with (an HTTP status), or 0 if none
     * @param message what was refused and why, as far as the answer said
     * @param cause the underlying failure, or null
     * @since 1.1.0
     */
    public RemoteRejectedException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /**
     * @return the HR system's status code, or 0 when there was none
     */
    public int status() {
        return status;
    }
}
