package com.hirerelay.host.errors;

import com.hirerelay.api.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request the host refuses for a reason the user can act on: the thing is missing, the candidate
 * cannot be exported, an export is already running, the input is invalid, a limit is reached. The
 * {@link Reason} decides the status and the stable error code.
 */
public class RequestRefusedException extends HostException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Reason {
        NOT_FOUND,
        BAD_REQUEST,
        VALIDATION_FAILED,
        NOT_EXPORTABLE,
        EXPORT_IN_PROGRESS,
        NEEDS_RECONNECTION,
        /** The integration's API version is no longer served; an admin must upgrade it (HTTP 409). */
        NEEDS_ATTENTION,
        /** An upgrade of an integration was not applied; the integration stays as it was (HTTP 409). */
        UPGRADE_FAILED,
        ALREADY_CONNECTED,
        /** The user runs as much of something as one user may at once (HTTP 429); try again later. */
        LIMIT_REACHED,
        /** The host, or a plugin, has no room for more work right now (HTTP 503); nothing was done. */
        BUSY,
        /** The same thing exists already (HTTP 409), such as a candidate's document with the same bytes. */
        DUPLICATE,
        /** The request's body is larger than the call accepts (HTTP 413). */
        TOO_LARGE,
        /**
         * The body is not of a type the call accepts (HTTP 415), judged by its content for an upload; the same
         * code the host answers when Jersey refuses a request's media type.
         */
        UNSUPPORTED_MEDIA_TYPE
    }

    private final Reason reason;
    private final transient List<FieldError> fieldErrors;
    private final Long retryAfterSeconds;

    public RequestRefusedException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public RequestRefusedException(Reason reason, String message, List<FieldError> fieldErrors) {
        this(reason, message, fieldErrors, null);
    }

    /**
     * A refusal worth retrying, such as {@link Reason#LIMIT_REACHED} or {@link Reason#BUSY}.
     *
     * @param retryAfterSeconds when to try again, at least 1
     */
    public RequestRefusedException(Reason reason, String message, long retryAfterSeconds) {
        this(reason, message, List.of(), Math.max(1, retryAfterSeconds));
    }

    private RequestRefusedException(
            Reason reason, String message, List<FieldError> fieldErrors, Long retryAfterSeconds) {
        super(message, null);
        this.reason = reason;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }

    /** @return errors to show beside form inputs; empty when none */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** @return when to try again, in seconds; empty when trying again will not help by itself */
    public Optional<Long> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }

    @Override
    public int httpStatus() {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case BAD_REQUEST -> 400;
            case VALIDATION_FAILED -> 422;
            case NOT_EXPORTABLE,
                    EXPORT_IN_PROGRESS,
                    NEEDS_RECONNECTION,
                    NEEDS_ATTENTION,
                    UPGRADE_FAILED,
                    ALREADY_CONNECTED,
                    DUPLICATE -> 409;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case LIMIT_REACHED -> 429;
            case BUSY -> 503;
            case TOO_LARGE -> 413;
        };
    }

    /** @return the reason in lower case as the code, the message, the field errors and when to retry */
    @Override
    public ApiError toApiError() {
        return new ApiError(reason.name().toLowerCase(Locale.ROOT), getMessage(), fieldErrors, retryAfterSeconds);
    }
}
