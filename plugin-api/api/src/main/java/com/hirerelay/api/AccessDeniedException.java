package com.hirerelay.api;

/**
 * The credentials are valid but not allowed to do this (an HTTP 403, for example). The host marks the
 * integration as needing attention from an admin.
 */
public class AccessDeniedException extends HrisException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which permission is missing, as far as the plugin knows
     */
    public AccessDeniedException(String message) {
        super(message, null);
    }

    /**
     * @param message which permission is missing, as far as the plugin knows
     * @param cause the underlying failure (for example the HTTP client's exception), or null
     * @since 1.1.0
     */
    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
