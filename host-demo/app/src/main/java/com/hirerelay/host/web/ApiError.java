package com.hirerelay.host.web;

import com.hirerelay.api.FieldError;
import java.util.List;

/**
 * The JSON body of every error answer of the host, from the HTTP layer up (see API.md, "Errors").
 *
 * @param code a stable machine-readable code, such as {@code validation_failed}, {@code forbidden},
 *             {@code rate_limited}, {@code export_in_progress}
 * @param message a sentence for people
 * @param fieldErrors errors to show next to form inputs; empty when none
 * @param retryAfterSeconds when to try again, for rate limiting; null otherwise
 * @param correlationId the id of the log line that holds the detail; filled in on the way out, so
 *                      code that refuses a request leaves it null
 */
public record ApiError(
        String code, String message, List<FieldError> fieldErrors, Long retryAfterSeconds, String correlationId) {

    public ApiError {
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /** An error whose correlation id is filled in when it is answered. */
    public ApiError(String code, String message, List<FieldError> fieldErrors, Long retryAfterSeconds) {
        this(code, message, fieldErrors, retryAfterSeconds, null);
    }

    /** An error with no field errors. */
    public static ApiError of(String code, String message) {
        return new ApiError(code, message, List.of(), null);
    }

    /** @return this error carrying that correlation id */
    public ApiError withCorrelationId(String id) {
        return new ApiError(code, message, fieldErrors, retryAfterSeconds, id);
    }
}
