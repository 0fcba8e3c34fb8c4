package com.hirerelay.api;

import java.util.List;

/**
 * The input was refused, by the plugin's own checks before sending or by the HR system. The host keeps
 * the user's draft and shows each {@link FieldError} next to its field, and the message above the form.
 *
 * <p>When the draft was refused, every {@link FieldError#field()} is the
 * {@link com.hirerelay.api.hris.DraftField#key()} of a field of that draft: a plugin translates the
 * HR system's own field names (such as {@code work_email}) into draft keys, and puts a refusal that
 * names no field of the draft (a field it cannot translate, or none at all) into the message instead, naming
 * the field as the HR system did (its words may be written out for people), so that nothing it said is lost. When settings were refused
 * ({@link com.hirerelay.api.hris.HrisConnection#verify()}), each field is a
 * {@link com.hirerelay.api.settings.SettingField#key()}.
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
        this(message, fieldErrors, null);
    }

    /**
     * @param message a summary for the top of the form, for example "Factorial refused the employee"
     * @param fieldErrors the errors that concern a known field; may be empty when the HR system's
     *                    answer named no field
     * @param cause the underlying failure (the HR system's refusal as the plugin's client saw it), or null
     * @since 1.1.0
     */
    public ValidationFailedException(String message, List<FieldError> fieldErrors, Throwable cause) {
        super(message, cause);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /**
     * @return the field-level errors, never null, possibly empty
     */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
