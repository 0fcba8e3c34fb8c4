package com.hirerelay.host.export;

import com.hirerelay.api.hris.ExportWarning;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of the export history: who exported which candidate with which connector, what was sent and
 * what came of it.
 *
 * @param state where the attempt stands
 * @param draft the values sent, by field key
 * @param draftLines the same values with their labels and meanings at export time, in form order; empty for
 *                   attempts recorded before the host kept them
 * @param warnings follow-up steps that failed after the employee was created; empty otherwise
 * @param steps the follow-up steps the export ran or was to run, in order, with their outcome; empty when
 *              it had none
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
        ExportAttemptState state,
        Map<String, String> draft,
        List<DraftLine> draftLines,
        String employeeId,
        String link,
        String error,
        List<ExportWarning> warnings,
        List<FollowUpRecord> steps) {

    public ExportAttempt {
        draft = Map.copyOf(draft);
        draftLines = List.copyOf(draftLines);
        warnings = List.copyOf(warnings);
        steps = List.copyOf(steps);
    }

    /** @return this attempt with its follow-up steps */
    public ExportAttempt withSteps(List<FollowUpRecord> newSteps) {
        return new ExportAttempt(
                id,
                candidateId,
                candidateName,
                connectorId,
                connectorName,
                user,
                startedAt,
                finishedAt,
                state,
                draft,
                draftLines,
                employeeId,
                link,
                error,
                warnings,
                newSteps);
    }
}
