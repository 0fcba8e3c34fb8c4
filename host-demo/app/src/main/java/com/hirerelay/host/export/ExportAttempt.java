package com.hirerelay.host.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of the export history: who exported which candidate with which connector, what was sent and
 * what came of it.
 *
 * @param state {@code IN_PROGRESS}, {@code CREATED}, {@code ALREADY_EXISTS}, {@code FAILED} or
 *              {@code UNFINISHED} (the host stopped while the HR system was being called)
 */
public record ExportAttempt(
        long id,
        long candidateId,
        String candidateName,
        String connectorId,
        String connectorName,
        String user,
        Instant startedAt,
        Instant finishedAt,
        String state,
        Map<String, String> draft,
        String employeeId,
        String link,
        String error,
        List<Map<String, String>> warnings) {

    public ExportAttempt {
        draft = Map.copyOf(draft);
        warnings = List.copyOf(warnings);
    }
}
