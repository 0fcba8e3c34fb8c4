package com.hirerelay.api.settings;

/**
 * How the host renders, stores and shows a {@link SettingField}.
 */
public enum SettingFieldType {
    /** Plain text. */
    TEXT,
    /**
     * Write-only text such as an API key: rendered as a password input, stored encrypted, never sent
     * back to a browser, shown masked at most.
     */
    SECRET,
    /** An http or https URL. */
    URL,
    /** A check box; the value is {@code true} or {@code false}. */
    BOOLEAN,
    /** One of {@link SettingField#options()}. */
    CHOICE
}
