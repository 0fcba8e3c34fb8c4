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
 * @param source where the current value came from, or null when the field is empty or the value was
 *               typed or changed by the user (see {@link #withValue}); since API 1.1
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
        int maxLength,
        ValueSource source) {

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
        if (value == null || value.isBlank()) {
            source = null;
        }
    }

    /**
     * The 1.0 constructor, without a {@link #source()}.
     *
     * @param key the key
     * @param label the label
     * @param type the type
     * @param required whether a value is required
     * @param value the value, or null
     * @param options the fixed choices
     * @param referenceList the reference list, or null
     * @param helpText the hint, or null
     * @param maxLength the maximum length, or 0
     */
    public DraftField(
            String key,
            String label,
            DraftFieldType type,
            boolean required,
            String value,
            List<SelectOption> options,
            String referenceList,
            String helpText,
            int maxLength) {
        this(key, label, type, required, value, options, referenceList, helpText, maxLength, null);
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
        return new DraftField(key, label, type, false, null, List.of(), null, null, 0, null);
    }

    /** @return this field, required */
    public DraftField asRequired() {
        return new DraftField(key, label, type, true, value, options, referenceList, helpText, maxLength, source);
    }

    /**
     * Sets the value as a user would: the {@link #source()} is kept only while the value stays the same,
     * so an edited value no longer claims to come from, say, the candidate.
     *
     * @return this field with {@code newValue} (null or blank empties it)
     */
    public DraftField withValue(String newValue) {
        String normalised = newValue == null || newValue.isBlank() ? null : newValue;
        ValueSource kept = java.util.Objects.equals(normalised, value) ? source : null;
        return new DraftField(
                key, label, type, required, normalised, options, referenceList, helpText, maxLength, kept);
    }

    /**
     * @param newValue the value (null or blank empties the field and drops the source)
     * @param from where the value came from; null for unknown
     * @return this field with the value and its source
     */
    public DraftField withValue(String newValue, ValueSource from) {
        String normalised = newValue == null || newValue.isBlank() ? null : newValue;
        return new DraftField(
                key, label, type, required, normalised, options, referenceList, helpText, maxLength, from);
    }

    /** @return this field with fixed choices */
    public DraftField withOptions(List<SelectOption> choices) {
        return new DraftField(key, label, type, required, value, choices, referenceList, helpText, maxLength, source);
    }

    /** @return this field with its choices taken from the named {@link ReferenceData} list */
    public DraftField withReferenceList(String listName) {
        return new DraftField(key, label, type, required, value, options, listName, helpText, maxLength, source);
    }

    /** @return this field with a hint */
    public DraftField withHelpText(String hint) {
        return new DraftField(key, label, type, required, value, options, referenceList, hint, maxLength, source);
    }

    /** @return this field with a maximum length */
    public DraftField withMaxLength(int length) {
        return new DraftField(key, label, type, required, value, options, referenceList, helpText, length, source);
    }

    /** @return whether the field holds a non-blank value */
    public boolean hasValue() {
        return value != null && !value.isBlank();
    }
}
