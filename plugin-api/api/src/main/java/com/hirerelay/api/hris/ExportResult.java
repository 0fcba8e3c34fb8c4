package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.net.URI;
import java.util.List;

/**
 * The result of a successful {@link HrisConnection#export}: the employee that now stands for the
 * candidate in the HR system.
 *
 * <p>Most results come from a clear answer: the HR system confirmed the create ({@link ExportOutcome#CREATED}),
 * or the look-up before it found the person ({@link ExportOutcome#ALREADY_EXISTS}). When the create got
 * no clear answer (a time-out, a lost connection, a 5xx) and the connector settled the outcome by
 * looking the employee up afterwards, {@link #confirmedByLookup()} is true and {@link #outcome()} says
 * what the look-up showed: {@code CREATED} when the employee it found was absent from the look-up
 * before the create (this export created it), {@code ALREADY_EXISTS} when the connector can tell that
 * the employee it found is not the one it sent (another process created the same person meanwhile).
 *
 * @param outcome whether the employee was created or already existed
 * @param employeeId the HR system's id of the employee; not blank
 * @param link where a person opens the employee in the HR system, or null
 * @param warnings follow-up steps that failed after creation; empty when everything went through
 * @param confirmedByLookup whether the outcome was established by a look-up after a create that got no
 *                          clear answer, rather than by the HR system's answer
 * @since 1.1.0 for {@code confirmedByLookup}
 */
public record ExportResult(
        ExportOutcome outcome, String employeeId, URI link, List<ExportWarning> warnings, boolean confirmedByLookup) {

    /**
     * @throws IllegalArgumentException if the outcome is missing or the id blank
     */
    public ExportResult {
        Require.notNull(outcome, "outcome");
        Require.notBlank(employeeId, "employee id");
        warnings = List.copyOf(Require.noNulls(warnings == null ? List.of() : warnings, "warnings"));
    }

    /**
     * A result from the HR system's own answer ({@link #confirmedByLookup()} false), as in API 1.0.
     *
     * @param outcome whether the employee was created or already existed
     * @param employeeId the HR system's id of the employee; not blank
     * @param link where a person opens the employee, or null
     * @param warnings follow-up steps that failed after creation
     * @throws IllegalArgumentException if the outcome is missing or the id blank
     */
    public ExportResult(ExportOutcome outcome, String employeeId, URI link, List<ExportWarning> warnings) {
        this(outcome, employeeId, link, warnings, false);
    }

    /**
     * @param employee the match
     * @return the result for an export that found the employee already there
     */
    public static ExportResult alreadyExists(ExistingEmployee employee) {
        return new ExportResult(ExportOutcome.ALREADY_EXISTS, employee.employeeId(), employee.link(), List.of());
    }

    /**
     * The result for an export whose create got no clear answer, when a look-up afterwards found the
     * employee that the look-up before the create did not: this export created it.
     *
     * @param found what the look-up after the create found
     * @param warnings follow-up steps that failed after creation
     * @return a {@link ExportOutcome#CREATED} result with {@link #confirmedByLookup()} true
     * @since 1.1.0
     */
    public static ExportResult createdConfirmedByLookup(ExistingEmployee found, List<ExportWarning> warnings) {
        return new ExportResult(ExportOutcome.CREATED, found.employeeId(), found.link(), warnings, true);
    }

    /** @return whether the employee exists but some follow-up step failed */
    public boolean isPartial() {
        return !warnings.isEmpty();
    }
}
