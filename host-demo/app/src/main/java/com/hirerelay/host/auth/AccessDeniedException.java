package com.hirerelay.host.auth;

import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;

/**
 * The signed-in user's role may not do this. Answered with HTTP 403 and the message.
 */
public class AccessDeniedException extends HostException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message, null);
    }

    @Override
    public int httpStatus() {
        return 403;
    }

    /** @return code {@code forbidden} with the message */
    @Override
    public ApiError toApiError() {
        return ApiError.of("forbidden", getMessage());
    }
}
