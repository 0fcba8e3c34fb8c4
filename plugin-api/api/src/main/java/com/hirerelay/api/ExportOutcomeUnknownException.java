package com.hirerelay.api;

/**
 * An export was sent but its outcome could not be established: the create call timed out or failed in
 * a way that may have created the employee, and looking the employee up again failed too.
 *
 * <p>The host records the attempt as unfinished, never as exported and never as failed-and-safe. The
 * next export of the same candidate must start with
 * {@link com.hirerelay.api.hris.HrisConnection#findExisting}, which every connector's
 * {@link com.hirerelay.api.hris.HrisConnection#export} does anyway.
 */
public class ExportOutcomeUnknownException extends HrisException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is unknown and what the user should do
     * @param cause the failure that left the outcome open
     */
    public ExportOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message what is unknown and what the user should do
     * @since 1.1.0
     */
    public ExportOutcomeUnknownException(String message) {
        super(message, null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
