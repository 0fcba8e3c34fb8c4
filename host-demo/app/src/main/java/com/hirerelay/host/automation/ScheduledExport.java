package com.hirerelay.host.automation;

import java.util.List;

/**
 * An export waiting for its day, as the upcoming list and the candidate page show it.
 *
 * @param exportOn the ISO date (yyyy-MM-dd) on which it runs, at the start of the day in the host's time zone
 * @param scheduledBy the name of the user it runs as, or null when that user is gone
 * @param scheduledAt ISO-8601 instant it was scheduled
 * @param editedFields the fields the user changed before scheduling, as "Label: value"; sent over the candidate's
 *     data of the day (the edits win, the other fields are fresh); empty when nothing was edited
 */
public record ScheduledExport(
        long candidateId,
        String candidateName,
        String connectorId,
        String connectorName,
        String exportOn,
        ScheduleOrigin origin,
        String scheduledBy,
        String scheduledAt,
        List<String> editedFields) {

    public ScheduledExport {
        editedFields = editedFields == null ? List.of() : List.copyOf(editedFields);
    }
}
