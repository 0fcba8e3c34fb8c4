package com.hirerelay.host.errors;

import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.ApiVersionUnavailableException;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.hris.PossibleMatchException;
import java.util.List;

/**
 * The JSON body of every error answer of the host, from the HTTP layer up (see API.md, "Errors").
 *
 * @param code a stable machine-readable code, such as {@code validation_failed}, {@code forbidden},
 *             {@code rate_limited}, {@code export_in_progress}
 * @param message a sentence for people
 * @param fieldErrors errors to show next to form inputs; empty when none
 * @param retryAfterSeconds when to try again, for rate limiting; null otherwise
 * @param correlationId the id of the log line that holds the detail; filled in on the way out, so code
 *                      that refuses a request leaves it null
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

    /** @return this error carrying that correlation id */
    public ApiError withCorrelationId(String id) {
        return new ApiError(code, message, fieldErrors, retryAfterSeconds, id);
    }

    /** An error with no field errors. */
    public static ApiError of(String code, String message) {
        return new ApiError(code, message, List.of(), null);
    }

    /**
     * The error for a connector's failure: the web layer answers it, bulk exports record it per candidate.
     *
     * @param remote what the plugin reported
     * @return the error with a code per {@link HrisException} subclass ({@code remote_failed} for others)
     */
    public static ApiError of(HrisException remote) {
        if (remote instanceof ValidationFailedException invalid) {
            return new ApiError("validation_failed", invalid.getMessage(), invalid.fieldErrors(), null);
        } else if (remote instanceof RateLimitedException limited) {
            return new ApiError(
                    "rate_limited",
                    limited.getMessage(),
                    List.of(),
                    limited.retryAfter()
                            .map(d -> Math.max(1, (d.toMillis() + 999) / 1000))
                            .orElse(null));
        } else if (remote instanceof InvalidCredentialsException || remote instanceof AccessDeniedException) {
            return ApiError.of("needs_reconnection", remote.getMessage());
        } else if (remote instanceof ApiVersionUnavailableException) {
            return ApiError.of("needs_attention", remote.getMessage());
        } else if (remote instanceof PossibleMatchException) {
            return ApiError.of("possible_match", remote.getMessage());
        } else if (remote instanceof ExportOutcomeUnknownException) {
            return ApiError.of("export_outcome_unknown", remote.getMessage());
        } else if (remote instanceof RemoteUnavailableException) {
            return ApiError.of("remote_unavailable", remote.getMessage());
        } else if (remote instanceof RemoteRejectedException) {
            return ApiError.of("remote_rejected", remote.getMessage());
        }
        return ApiError.of("remote_failed", remote.getMessage());
    }
}
