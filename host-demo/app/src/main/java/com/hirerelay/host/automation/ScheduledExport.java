package com.hirerelay.host.automation;

/**
 * An export waiting for its day, as the upcoming list and the candidate page show it.
 *
 * @param exportOn the ISO date (yyyy-MM-dd) on which it runs, at the start of the day in the host's time zone
 * @param scheduledBy the name of the user it runs as, or null when that user is gone
 * @param scheduledAt ISO-8601 instant it was scheduled
 */
public record ScheduledExport(
        long candidateId,
        String candidateName,
        String connectorId,
        String connectorName,
        String exportOn,
        ScheduleOrigin origin,
        String scheduledBy,
        String scheduledAt) {}
