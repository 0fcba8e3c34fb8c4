package com.hirerelay.api;

import java.util.List;

/**
 * The input was refused, by the plugin's own checks before sending or by the HR system. The host keeps
 * the user's draft and shows each {@link FieldError} next to its field, and the message above the form.
 */
public class ValidationFailedException extends HrisException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> fieldErrors;

    /**
     * @param message a summary for the top of the form, for example "Factorial refused the employee"
     * @param fieldErrors the errors that concern a known field; may be empty when the HR system's
     *                    answer named no field
     */
    public ValidationFailedException(String message, List<FieldError> fieldErrors) {
        super(message, null);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /**
     * @return the field-level errors, never null, possibly empty
     */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
