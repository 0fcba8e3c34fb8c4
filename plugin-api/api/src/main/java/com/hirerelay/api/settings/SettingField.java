package com.hirerelay.api.settings;

import com.hirerelay.api.SelectOption;
import com.hirerelay.api.internal.Require;
import java.net.URI;
import java.util.List;

/**
 * One input of a connect form, declared as data so the host can render it.
 *
 * @param key stable key the plugin reads the value by; lower-case letters, digits and underscores
 * @param label what the admin reads next to the input; not blank
 * @param type how to render and store it
 * @param required whether the form is refused without a value
 * @param defaultValue the value the input starts with, or null; never set for a {@code SECRET}
 * @param options the choices of a {@link SettingFieldType#CHOICE}; empty otherwise
 * @param helpText a hint under the input, or null
 * @param helpLink a link next to the hint (where to find the value), or null
 * @param advanced whether the host may fold the input away under "Advanced"
 * @param referenceList the name of the {@link com.hirerelay.api.hris.ReferenceData} list whose entry ids this
 *                      setting holds (such as a default team), or null. The host offers that list's labels
 *                      instead of asking for an id, reading it through a connection opened with the form's
 *                      other values once they are filled in; since API 1.2
 */
public record SettingField(
        String key,
        String label,
        SettingFieldType type,
        boolean required,
        String defaultValue,
        List<SelectOption> options,
        String helpText,
        URI helpLink,
        boolean advanced,
        String referenceList) {

    /**
     * @throws IllegalArgumentException if the key is malformed, the label blank, a secret has a default,
     *                                  or a choice has no options
     */
    public SettingField {
        Require.notBlank(key, "setting key");
        if (!key.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalArgumentException("setting key '" + key
                    + "' must be lower-case letters, digits and underscores, starting with a letter");
        }
        Require.notBlank(label, "setting label");
        Require.notNull(type, "setting type");
        options = List.copyOf(Require.noNulls(options == null ? List.of() : options, "options"));
        if (type == SettingFieldType.SECRET && defaultValue != null) {
            throw new IllegalArgumentException("secret setting '" + key + "' must not have a default value");
        }
        if (type == SettingFieldType.CHOICE && options.isEmpty()) {
            throw new IllegalArgumentException("choice setting '" + key + "' needs options (use SettingField.choice)");
        }
    }

    /**
     * The API 1.0 constructor, without a {@link #referenceList()}.
     *
     * @param key the key
     * @param label the label
     * @param type the type
     * @param required whether a value is required
     * @param defaultValue the starting value, or null
     * @param options the choices of a {@code CHOICE}
     * @param helpText the hint, or null
     * @param helpLink the help link, or null
     * @param advanced whether it may be folded away
     */
    public SettingField(
            String key,
            String label,
            SettingFieldType type,
            boolean required,
            String defaultValue,
            List<SelectOption> options,
            String helpText,
            URI helpLink,
            boolean advanced) {
        this(key, label, type, required, defaultValue, options, helpText, helpLink, advanced, null);
    }

    /**
     * An optional field with no default, hint or options. For a {@link SettingFieldType#CHOICE} use
     * {@link #choice}.
     *
     * @param key the key
     * @param label the label
     * @param type the type
     * @return the field
     */
    public static SettingField of(String key, String label, SettingFieldType type) {
        return new SettingField(key, label, type, false, null, List.of(), null, null, false, null);
    }

    /**
     * An optional {@link SettingFieldType#CHOICE} field.
     *
     * @param key the key
     * @param label the label
     * @param options the choices, in display order; not empty
     * @return the field
     */
    public static SettingField choice(String key, String label, List<SelectOption> options) {
        return new SettingField(key, label, SettingFieldType.CHOICE, false, null, options, null, null, false, null);
    }

    /** @return this field, required */
    public SettingField asRequired() {
        return new SettingField(
                key, label, type, true, defaultValue, options, helpText, helpLink, advanced, referenceList);
    }

    /** @return this field with a default value */
    public SettingField withDefault(String value) {
        return new SettingField(
                key, label, type, required, value, options, helpText, helpLink, advanced, referenceList);
    }

    /** @return this field with choices */
    public SettingField withOptions(List<SelectOption> choices) {
        return new SettingField(
                key, label, type, required, defaultValue, choices, helpText, helpLink, advanced, referenceList);
    }

    /** @return this field with a hint and an optional link */
    public SettingField withHelp(String text, URI link) {
        return new SettingField(key, label, type, required, defaultValue, options, text, link, advanced, referenceList);
    }

    /** @return this field, folded under "Advanced" */
    public SettingField asAdvanced() {
        return new SettingField(
                key, label, type, required, defaultValue, options, helpText, helpLink, true, referenceList);
    }

    /**
     * @param listName the {@link com.hirerelay.api.hris.ReferenceData} list whose entry ids this setting holds
     * @return this field, offered by the host as a choice among that list's entries (a {@code TEXT} setting)
     * @throws IllegalArgumentException if the name is blank or the field is not a {@code TEXT} setting
     */
    public SettingField withReferenceList(String listName) {
        Require.notBlank(listName, "reference list name");
        if (type != SettingFieldType.TEXT) {
            throw new IllegalArgumentException("setting '" + key + "' must be TEXT to hold reference-list ids");
        }
        return new SettingField(
                key, label, type, required, defaultValue, options, helpText, helpLink, advanced, listName);
    }

    /** @return whether the value is secret */
    public boolean isSecret() {
        return type == SettingFieldType.SECRET;
    }
}
