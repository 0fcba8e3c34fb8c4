package com.hirerelay.host.candidates;

import com.hirerelay.api.hris.ExportOutcome;
import java.time.Instant;

/**
 * The latest successful export of a candidate with one connector, as candidate lists and pages show it.
 *
 * @param connectorId the connector
 * @param connectorName its display name
 * @param outcome whether the employee was created or linked
 * @param employeeId the HR system's employee id
 * @param link where to open the employee, or null
 * @param exportedAt when
 * @param exportedBy who (display name)
 */
public record ExportSummary(
        String connectorId,
        String connectorName,
        ExportOutcome outcome,
        String employeeId,
        String link,
        Instant exportedAt,
        String exportedBy) {}
