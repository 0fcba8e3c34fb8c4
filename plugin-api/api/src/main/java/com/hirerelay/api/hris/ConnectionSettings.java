package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The values an admin entered in a connector's connect form, as the host hands them to
 * {@link HrisConnector#open}. Secret values arrive decrypted; the host never logs them and neither may
 * the plugin. {@link #toString()} prints the keys only.
 *
 * @param connectionId the host's id of this connection, stable while it exists; a connector may key
 *                     caches by it
 * @param values field key to value, as entered (absent when left empty); never null
 * @param secretKeys the keys whose values are secret; never null
 * @param accountAttributes the non-secret {@link ConnectedAccount#attributes()} the last successful
 *                          {@link HrisConnection#verify()} returned, which the host stores; empty
 *                          before the first verification
 */
public record ConnectionSettings(
        String connectionId,
        Map<String, String> values,
        Set<String> secretKeys,
        Map<String, String> accountAttributes) {

    /**
     * @throws IllegalArgumentException if the id is blank or a map holds nulls
     */
    public ConnectionSettings {
        Require.notBlank(connectionId, "connection id");
        values = Map.copyOf(Require.noNulls(values, "values"));
        secretKeys = Set.copyOf(Require.noNulls(secretKeys, "secret keys"));
        accountAttributes = Map.copyOf(Require.noNulls(accountAttributes, "account attributes"));
    }

    /**
     * @param key a setting field key
     * @return its value, stripped, when present and not blank
     */
    public Optional<String> value(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * @param key a setting field key
     * @return the value, or {@code fallback} when it is absent or blank
     */
    public String valueOr(String key, String fallback) {
        return value(key).orElse(fallback);
    }

    /**
     * @return the same settings with the account attributes a verification returned
     */
    public ConnectionSettings withAccountAttributes(Map<String, String> attributes) {
        return new ConnectionSettings(connectionId, values, secretKeys, attributes);
    }

    /** Lists the keys and the non-secret values; secret values are replaced by {@code ***}. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((key, value) -> shown.put(key, secretKeys.contains(key) ? "***" : value));
        return "ConnectionSettings[connectionId=" + connectionId + ", values=" + shown + ", accountAttributes="
                + new TreeMap<>(accountAttributes) + "]";
    }
}
