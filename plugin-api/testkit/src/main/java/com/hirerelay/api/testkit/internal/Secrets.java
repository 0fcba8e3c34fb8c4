package com.hirerelay.api.testkit.internal;

import com.hirerelay.api.hris.ConnectionSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The secret values of the settings a kit test used, and where one of them shows up. Not API. */
public final class Secrets {

    /** Shorter values are too likely to occur by chance ("1", "true"). */
    private static final int SHORTEST_CHECKED = 4;

    private final Map<String, String> valuesByKey = new LinkedHashMap<>();

    /**
     * @param settings settings whose secret values must not show anywhere; null is ignored
     * @return this
     */
    public Secrets addAll(ConnectionSettings settings) {
        if (settings != null) {
            for (String key : settings.secretKeys()) {
                settings.value(key)
                        .filter(value -> value.length() >= SHORTEST_CHECKED)
                        .ifPresent(value -> valuesByKey.putIfAbsent(key + "#" + valuesByKey.size(), value));
            }
        }
        return this;
    }

    /**
     * @param text any text; null holds nothing
     * @return the key of the first secret the text contains (compared case-insensitively)
     */
    public Optional<String> foundIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return valuesByKey.entrySet().stream()
                .filter(entry -> lower.contains(entry.getValue().toLowerCase(Locale.ROOT)))
                .map(entry -> entry.getKey().substring(0, entry.getKey().indexOf('#')))
                .findFirst();
    }

    /**
     * @param failure a throwable
     * @return the key of the first secret in its messages or those of its causes and suppressed exceptions
     */
    public Optional<String> foundIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<String> found = foundIn(cause.toString());
            if (found.isPresent()) {
                return found;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                found = foundIn(suppressed);
                if (found.isPresent()) {
                    return found;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
