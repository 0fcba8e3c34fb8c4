package com.hirerelay.host.export;

import java.time.Instant;
import java.util.List;

/**
 * One update sent to an exported employee, as the candidate's history shows it.
 *
 * @param candidateName the candidate's name as the ATS has it now
 * @param contractChange {@code CORRECT_CURRENT} or {@code NEW_VERSION} when contract fields were among the
 *     changes, else null
 * @param effectiveOn the first day of a new contract version, or null
 * @param fields each chosen field: what the HR system held, what was sent, and what came of it
 * @param error why nothing was sent, or null
 * @param automatic true when the host sent it by itself after an edit in the ATS ({@code user} is who edited)
 */
public record EmployeeUpdate(
        long id,
        long candidateId,
        String candidateName,
        String connectorId,
        String connectorName,
        String employeeId,
        String user,
        Instant startedAt,
        Instant finishedAt,
        EmployeeUpdateState state,
        String contractChange,
        String effectiveOn,
        List<Field> fields,
        String error,
        boolean automatic) {

    public EmployeeUpdate {
        fields = List.copyOf(fields);
    }

    /**
     * One field of an update.
     *
     * @param before what the HR system held just before, or null
     * @param value what was sent
     * @param status {@code UPDATED}, {@code FAILED}, or null while the update runs
     * @param message why it failed, or null
     */
    public record Field(String key, String label, String before, String value, String status, String message) {}
}
