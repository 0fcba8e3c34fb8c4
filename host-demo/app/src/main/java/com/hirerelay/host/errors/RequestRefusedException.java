package com.hirerelay.host.errors;

import com.hirerelay.api.FieldError;
import java.util.List;
import java.util.Locale;

/**
 * A request the host refuses for a reason the user can act on: the thing is missing, the candidate
 * cannot be exported, an export is already running, the input is invalid. The {@link Reason} decides
 * the status and the stable error code.
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
        ALREADY_CONNECTED
    }

    private final Reason reason;
    private final transient List<FieldError> fieldErrors;

    public RequestRefusedException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public RequestRefusedException(Reason reason, String message, List<FieldError> fieldErrors) {
        super(message, null);
        this.reason = reason;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** @return why */
    public Reason reason() {
        return reason;
    }

    /** @return errors to show beside form inputs; empty when none */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public int httpStatus() {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case BAD_REQUEST -> 400;
            case VALIDATION_FAILED -> 422;
            case NOT_EXPORTABLE, EXPORT_IN_PROGRESS, NEEDS_RECONNECTION, ALREADY_CONNECTED -> 409;
        };
    }

    /** @return the reason in lower case as the code, the message and the field errors */
    @Override
    public ApiError toApiError() {
        return new ApiError(reason.name().toLowerCase(Locale.ROOT), getMessage(), fieldErrors, null);
    }
}
