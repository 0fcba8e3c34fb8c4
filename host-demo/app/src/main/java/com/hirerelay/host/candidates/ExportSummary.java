package com.hirerelay.host.candidates;

import java.time.Instant;

/**
 * The latest successful export of a candidate with one connector, as candidate lists and pages show it.
 *
 * @param connectorId the connector
 * @param connectorName its display name
 * @param outcome {@code CREATED} or {@code ALREADY_EXISTS}
 * @param employeeId the HR system's employee id
 * @param link where to open the employee, or null
 * @param exportedAt when
 * @param exportedBy who (display name)
 */
public record ExportSummary(
        String connectorId,
        String connectorName,
        String outcome,
        String employeeId,
        String link,
        Instant exportedAt,
        String exportedBy) {}
