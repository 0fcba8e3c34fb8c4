package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.net.URI;
import java.util.List;

/**
 * The result of a successful {@link HrisConnection#export}: the employee that now stands for the
 * candidate in the HR system.
 *
 * @param outcome whether the employee was created or already existed
 * @param employeeId the HR system's id of the employee; not blank
 * @param link where a person opens the employee in the HR system, or null
 * @param warnings follow-up steps that failed after creation; empty when everything went through
 */
public record ExportResult(ExportOutcome outcome, String employeeId, URI link, List<ExportWarning> warnings) {

    /**
     * @throws IllegalArgumentException if the outcome is missing or the id blank
     */
    public ExportResult {
        Require.notNull(outcome, "outcome");
        Require.notBlank(employeeId, "employee id");
        warnings = List.copyOf(Require.noNulls(warnings == null ? List.of() : warnings, "warnings"));
    }

    /**
     * @param employee the match
     * @return the result for an export that found the employee already there
     */
    public static ExportResult alreadyExists(ExistingEmployee employee) {
        return new ExportResult(ExportOutcome.ALREADY_EXISTS, employee.employeeId(), employee.link(), List.of());
    }

    /** @return whether the employee exists but some follow-up step failed */
    public boolean isPartial() {
        return !warnings.isEmpty();
    }
}
