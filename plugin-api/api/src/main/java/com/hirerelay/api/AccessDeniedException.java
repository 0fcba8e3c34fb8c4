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
}
