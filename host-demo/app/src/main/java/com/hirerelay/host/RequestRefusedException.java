package com.hirerelay.host;

import com.hirerelay.api.FieldError;
import java.util.List;

/**
 * A request the host refuses for a reason the user can act on: the thing is missing, the candidate
 * cannot be exported, an export is already running, the input is invalid. The web layer turns the
 * {@link Reason} into a status and a stable error code.
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
        ALREADY_CONNECTED,
        /** The request's body is larger than the call accepts (HTTP 413). */
        TOO_LARGE
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
}
