package com.hirerelay.host.limits;

import com.hirerelay.api.FieldError;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects field errors for the length and characters of text input, so that a request with several
 * bad values gets one 422 naming each of them. Text may not hold control characters (multi-line text
 * may hold line breaks and tabs) or broken UTF-16 (a lone surrogate); lengths count characters (code
 * points).
 *
 * <p>Not thread-safe; one instance per request.
 */
public final class FieldChecks {

    private final List<FieldError> errors = new ArrayList<>();

    /** Checks an optional single-line value: null passes, otherwise at most {@code maxChars}, printable. */
    public FieldChecks text(String field, String value, int maxChars) {
        check(field, value, maxChars, false);
        return this;
    }

    /** Checks an optional value that may span lines. */
    public FieldChecks multiline(String field, String value, int maxChars) {
        check(field, value, maxChars, true);
        return this;
    }

    /** Checks a required single-line value: present, not blank, then as {@link #text}. */
    public FieldChecks required(String field, String value, int maxChars, String label) {
        if (value == null || value.isBlank()) {
            add(field, label + " is required.");
        } else {
            check(field, value, maxChars, false);
        }
        return this;
    }

    /**
     * Checks the keys and values of a submitted form: at most {@link RequestLimits#MAX_FORM_VALUES}
     * entries, keys not blank and short, values as {@link #text} (null values pass: they mean empty).
     * Field errors name the key; a blank key is reported on {@code formField}.
     */
    public FieldChecks form(String formField, Map<String, String> values, int maxValueChars) {
        if (values == null) {
            return this;
        }
        if (values.size() > RequestLimits.MAX_FORM_VALUES) {
            add(formField, "At most " + RequestLimits.MAX_FORM_VALUES + " values can be sent at once.");
            return this;
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank()) {
                add(formField, "Every value needs a field name; one was sent without.");
            } else if (problem(key, RequestLimits.MAX_KEY_CHARS, false) != null) {
                add(formField, "A field name is too long or holds characters that are not allowed.");
            } else {
                check(key, entry.getValue(), maxValueChars, false);
            }
        }
        return this;
    }

    /** Adds an error of the caller's own. */
    public FieldChecks add(String field, String message) {
        if (errors.stream().noneMatch(error -> error.field().equals(field))) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    /** @return the errors found so far */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** @throws RequestRefusedException (422, validation_failed) with the errors, if there are any */
    public void throwIfAny(String message) {
        if (!errors.isEmpty()) {
            throw new RequestRefusedException(Reason.VALIDATION_FAILED, message, errors);
        }
    }

    private void check(String field, String value, int maxChars, boolean multiline) {
        String problem = problem(value, maxChars, multiline);
        if (problem != null) {
            add(field, problem);
        }
    }

    /** @return what is wrong with the value, or null when nothing is */
    public static String problem(String value, int maxChars, boolean multiline) {
        if (value == null) {
            return null;
        }
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "This text is not valid Unicode.";
            } else if (Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return "This text holds a control character (such as a NUL byte or an escape), which is not allowed.";
            }
            if (++length > maxChars) {
                return "At most " + maxChars + " characters are allowed.";
            }
        }
        return null;
    }
}
