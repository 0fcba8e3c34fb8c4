package com.hirerelay.host.storage;

/**
 * The database server could not be reached at start, or refused the credentials. The message names the server
 * (never the password) and the cause; nothing was changed.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
