package com.hirerelay.host.web;

import com.hirerelay.api.FieldError;
import java.util.List;

/**
 * The JSON body of every error answer of the host's API.
 *
 * @param code a stable machine-readable code, such as {@code validation_failed}, {@code forbidden},
 *             {@code rate_limited}, {@code export_in_progress}
 * @param message a sentence for people
 * @param fieldErrors errors to show next to form inputs; empty when none
 * @param retryAfterSeconds when to try again, for rate limiting; null otherwise
 */
public record ApiError(String code, String message, List<FieldError> fieldErrors, Long retryAfterSeconds) {

    public ApiError {
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /** An error with no field errors. */
    public static ApiError of(String code, String message) {
        return new ApiError(code, message, List.of(), null);
    }
}
