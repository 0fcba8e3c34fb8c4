package com.hirerelay.api;

/**
 * The HR system could not be reached or failed: a time-out, a refused connection, a 5xx answer, or a
 * response the plugin could not read. Nothing was changed by the failed call, as far as the plugin
 * knows; use {@link ExportOutcomeUnknownException} when that is not certain.
 */
public class RemoteUnavailableException extends HrisException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, for example "Factorial did not answer within 10 s"
     * @param cause the underlying failure, or null
     */
    public RemoteUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
