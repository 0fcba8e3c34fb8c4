package com.hirerelay.api;

/**
 * The HR system did not accept the credentials: wrong, expired, revoked, or from another environment
 * (a demo key used against production). The host marks the integration as needing reconnection.
 */
public class InvalidCredentialsException extends HrisException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message a sentence telling the admin what to do, without the credential itself
     */
    public InvalidCredentialsException(String message) {
        super(message, null);
    }

    /**
     * @param message a sentence telling the admin what to do, without the credential itself
     * @param cause the underlying failure, or null; its message must not contain the credential either
     * @since 1.1.0
     */
    public InvalidCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
