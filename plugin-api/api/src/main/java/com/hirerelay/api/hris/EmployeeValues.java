package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the HR system holds now for an existing employee, in the draft's terms, read live by
 * {@link HrisConnection#currentValues}: each value in the form the draft field takes (ISO dates, dot
 * decimals, ids of reference lists), so that a host can put it beside the candidate's value and compare.
 *
 * @param employeeId the HR system's id of the employee; not blank
 * @param values field key to the value the HR system holds; a key is absent when the HR system holds nothing
 *               for it or the connector cannot read it
 * @param fields how each field of the draft can be changed, one per field key the connector can say anything
 *               about, in draft order; a draft key missing here is treated as {@link UpdateRoute#READ_ONLY}
 * @param contractFrom the day the employee's current contract version applies from, or null when the HR
 *                     system keeps no contract versions; a host offers it as the earliest date of a new version
 * @since 1.3.0
 */
public record EmployeeValues(
        String employeeId, Map<String, String> values, List<UpdatableField> fields, LocalDate contractFrom) {

    /**
     * @throws IllegalArgumentException if the id is blank, a value or field is null, or two fields share a key
     */
    public EmployeeValues {
        Require.notBlank(employeeId, "employee id");
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Require.noNulls(values, "values")));
        fields = List.copyOf(Require.noNulls(fields, "fields"));
        if (fields.stream().map(UpdatableField::key).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("two updatable fields share a key");
        }
    }

    /**
     * @param key a field key
     * @return the value the HR system holds for it, when it holds one
     */
    public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * @param key a field key
     * @return how a change to it is sent; read-only with a general reason when the connector said nothing
     */
    public UpdatableField route(String key) {
        return fields.stream()
                .filter(field -> field.key().equals(key))
                .findFirst()
                .orElseGet(() -> UpdatableField.readOnly(key, "This HR system's connector cannot change this field."));
    }
}
