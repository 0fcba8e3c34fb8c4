package com.hirerelay.host.automation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/** The upcoming scheduled exports (table of migration V32): one per candidate and integration. */
public final class ScheduledExportRepository {

    private final Jdbi jdbi;

    public ScheduledExportRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records the candidate's export to the integration on that day, replacing an earlier day. */
    public void put(
            long candidateId, String connectorId, LocalDate exportOn, ScheduleOrigin origin, long userId, Instant now) {
        jdbi.useTransaction(handle -> {
            handle.execute(
                    "DELETE FROM scheduled_exports WHERE candidate_id = ? AND connector_id = ?",
                    candidateId,
                    connectorId);
            handle.execute(
                    "INSERT INTO scheduled_exports (candidate_id, connector_id, export_on, origin, scheduled_by,"
                            + " scheduled_at) VALUES (?, ?, ?, ?, ?, ?)",
                    candidateId,
                    connectorId,
                    exportOn.toString(),
                    origin.name(),
                    userId,
                    now.toString());
        });
    }

    /** @return whether there was one to remove */
    public boolean remove(long candidateId, String connectorId) {
        return jdbi.withHandle(handle -> handle.execute(
                        "DELETE FROM scheduled_exports WHERE candidate_id = ? AND connector_id = ?",
                        candidateId,
                        connectorId))
                > 0;
    }

    /**
     * @param candidateId only this candidate's, or null for all
     * @return the scheduled exports, soonest first, at most {@code limit}
     */
    public List<ScheduledExport> upcoming(Long candidateId, int limit, UnaryOperator<String> connectorNames) {
        // Two statements rather than "? IS NULL": PostgreSQL cannot type a parameter that is only compared to NULL.
        String where = candidateId == null ? "" : " WHERE s.candidate_id = :candidate";
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(
                            "SELECT s.candidate_id, c.first_name || ' ' || c.last_name AS name, s.connector_id,"
                                    + " s.export_on, s.origin, u.name AS scheduled_by, s.scheduled_at"
                                    + " FROM scheduled_exports s JOIN candidates c ON c.id = s.candidate_id"
                                    + " LEFT JOIN users u ON u.id = s.scheduled_by"
                                    + where
                                    + " ORDER BY s.export_on, s.candidate_id, s.connector_id LIMIT :limit")
                    .bind("limit", limit);
            if (candidateId != null) {
                query.bind("candidate", candidateId.longValue());
            }
            return query.map((rs, ctx) -> new ScheduledExport(
                            rs.getLong("candidate_id"),
                            rs.getString("name"),
                            rs.getString("connector_id"),
                            connectorNames.apply(rs.getString("connector_id")),
                            rs.getString("export_on"),
                            ScheduleOrigin.valueOf(rs.getString("origin")),
                            rs.getString("scheduled_by"),
                            rs.getString("scheduled_at")))
                    .list();
        });
    }
}
