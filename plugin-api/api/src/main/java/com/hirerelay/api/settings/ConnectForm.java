package com.hirerelay.api.settings;

import com.hirerelay.api.internal.Require;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The form an admin fills in to connect an integration, declared as data.
 *
 * @param intro a paragraph shown above the inputs (what the integration needs and where to get it),
 *              or null
 * @param fields the inputs in display order, with unique keys; not empty
 */
public record ConnectForm(String intro, List<SettingField> fields) {

    /**
     * @throws IllegalArgumentException if there are no fields or two share a key
     */
    public ConnectForm {
        fields = List.copyOf(Require.noNulls(fields, "fields"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a connect form needs at least one field");
        }
        Set<String> keys = new HashSet<>();
        for (SettingField field : fields) {
            if (!keys.add(field.key())) {
                throw new IllegalArgumentException("duplicate setting key '" + field.key() + "'");
            }
        }
    }

    /** @return the keys of the {@link SettingFieldType#SECRET} fields */
    public Set<String> secretKeys() {
        return fields.stream()
                .filter(SettingField::isSecret)
                .map(SettingField::key)
                .collect(Collectors.toUnmodifiableSet());
    }
}
