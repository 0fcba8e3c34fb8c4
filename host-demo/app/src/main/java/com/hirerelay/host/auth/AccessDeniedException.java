package com.hirerelay.host.auth;

import com.hirerelay.host.HostException;

/**
 * The signed-in user's role may not do this. Answered with HTTP 403 and the message.
 */
public class AccessDeniedException extends HostException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message, null);
    }
}
