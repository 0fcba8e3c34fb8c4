package com.hirerelay.api;

/**
 * The root of the failures a plugin reports to the host. Unchecked, so that signatures stay short.
 * Every subclass has a constructor that takes the underlying failure as its cause, so that nothing a
 * plugin learnt about a failure is lost on the way to the host's log.
 *
 * <p>Plugins throw one of the subclasses; the host maps each to what the user sees:
 * <ul>
 *   <li>{@link InvalidCredentialsException}: the connection must be fixed by an admin;</li>
 *   <li>{@link AccessDeniedException}: the credentials work but lack a permission;</li>
 *   <li>{@link ValidationFailedException}: the input is wrong, shown next to the fields;</li>
 *   <li>{@link RateLimitedException}: try again after a while;</li>
 *   <li>{@link RemoteUnavailableException}: the HR system failed or could not be reached;</li>
 *   <li>{@link RemoteRejectedException}: the HR system refused the request for another reason;</li>
 *   <li>{@link ExportOutcomeUnknownException}: an export may or may not have created the employee;</li>
 *   <li>{@link com.hirerelay.api.hris.PossibleMatchException}: the HR system may already have the person; a user must choose;</li>
 *   <li>{@link ApiVersionUnavailableException}: the HR system no longer serves the configured API version;
 *       an admin must move the connection to another;</li>
 *   <li>{@link CapabilityNotSupportedException}: the connection was asked for a capability it does not
 *       declare.</li>
 * </ul>
 * Anything else thrown by a plugin (any other {@link RuntimeException} or a {@link LinkageError}) is
 * treated by the host as a defect of that plugin.
 *
 * <p>Messages are shown to users and written to logs: they must never contain a secret such as an
 * API key, and should name what failed in words a recruiter understands. The same holds for the
 * messages of the causes, which the host logs with the exception.
 */
public abstract class HrisException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, for people; never a secret
     * @param cause the underlying failure, or null
     */
    protected HrisException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the same call may succeed if it is simply made again later. The host uses this to offer
     * "try again" rather than "fix the input".
     *
     * @return true if retrying unchanged can help
     */
    public boolean isRetryable() {
        return false;
    }
}
