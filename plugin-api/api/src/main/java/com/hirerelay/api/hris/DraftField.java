package com.hirerelay.api.hris;

import com.hirerelay.api.SelectOption;
import com.hirerelay.api.internal.Require;
import java.util.List;

/**
 * One input of an {@link EmployeeDraft}: what the connector can write to the HR system, its current
 * value, and how the host should render it.
 *
 * <p>Build fields with the factory and the {@code with...} methods, for example
 * {@code DraftField.of("email", "Email", DraftFieldType.EMAIL).asRequired().withValue(candidate.email())}.
 *
 * @param key stable key the connector reads the value by, such as {@code first_name}; not blank
 * @param label what the user reads next to the input; not blank
 * @param type how to render and pre-check the value
 * @param required whether an export without a value is refused
 * @param value the current value, or null when empty
 * @param options the fixed choices of a {@link DraftFieldType#SELECT}; empty otherwise
 * @param referenceList for a {@link DraftFieldType#SELECT} whose choices come from the HR system, the
 *                      name of the list in {@link ReferenceData}; null otherwise
 * @param helpText a short hint shown under the input, or null
 * @param maxLength the longest value accepted, or 0 for no limit
 */
public record DraftField(
        String key,
        String label,
        DraftFieldType type,
        boolean required,
        String value,
        List<SelectOption> options,
        String referenceList,
        String helpText,
        int maxLength) {

    /**
     * @throws IllegalArgumentException if the key or label is blank, the type missing, or the length
     *                                  negative
     */
    public DraftField {
        Require.notBlank(key, "field key");
        Require.notBlank(label, "field label");
        Require.notNull(type, "field type");
        options = List.copyOf(Require.noNulls(options == null ? List.of() : options, "options"));
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must not be negative");
        }
    }

    /**
     * An optional, empty field.
     *
     * @param key the field key
     * @param label the label
     * @param type the type
     * @return the field
     */
    public static DraftField of(String key, String label, DraftFieldType type) {
        return new DraftField(key, label, type, false, null, List.of(), null, null, 0);
    }

    /** @return this field, required */
    public DraftField asRequired() {
        return new DraftField(key, label, type, true, value, options, referenceList, helpText, maxLength);
    }

    /** @return this field with {@code newValue} (null or blank empties it) */
    public DraftField withValue(String newValue) {
        String normalised = newValue == null || newValue.isBlank() ? null : newValue;
        return new DraftField(key, label, type, required, normalised, options, referenceList, helpText, maxLength);
    }

    /** @return this field with fixed choices */
    public DraftField withOptions(List<SelectOption> choices) {
        return new DraftField(key, label, type, required, value, choices, referenceList, helpText, maxLength);
    }

    /** @return this field with its choices taken from the named {@link ReferenceData} list */
    public DraftField withReferenceList(String listName) {
        return new DraftField(key, label, type, required, value, options, listName, helpText, maxLength);
    }

    /** @return this field with a hint */
    public DraftField withHelpText(String hint) {
        return new DraftField(key, label, type, required, value, options, referenceList, hint, maxLength);
    }

    /** @return this field with a maximum length */
    public DraftField withMaxLength(int length) {
        return new DraftField(key, label, type, required, value, options, referenceList, helpText, length);
    }

    /** @return whether the field holds a non-blank value */
    public boolean hasValue() {
        return value != null && !value.isBlank();
    }
}
