package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.util.List;

/**
 * The result of {@link HrisConnection#update}: one outcome per change asked for, in the order asked.
 *
 * @param employeeId the employee that was updated; not blank
 * @param fields the outcome of each change; one per change key
 * @since 1.3.0
 */
public record UpdateResult(String employeeId, List<FieldUpdateOutcome> fields) {

    /**
     * @throws IllegalArgumentException if the id is blank or two outcomes share a key
     */
    public UpdateResult {
        Require.notBlank(employeeId, "employee id");
        fields = List.copyOf(Require.noNulls(fields, "fields"));
        if (fields.stream().map(FieldUpdateOutcome::key).distinct().count() != fields.size()) {
            throw new IllegalArgumentException("two outcomes share a key");
        }
    }

    /** @return whether every field was updated */
    public boolean isComplete() {
        return fields.stream().allMatch(field -> field.status() == FieldUpdateStatus.UPDATED);
    }
}
