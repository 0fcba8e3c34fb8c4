package com.hirerelay.host.automation;

import com.hirerelay.host.storage.JsonText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/** The upcoming scheduled exports (table of migrations V32 and V41): one per candidate and integration. */
public final class ScheduledExportRepository {

    private final Jdbi jdbi;

    public ScheduledExportRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records the candidate's export to the integration on that day, replacing an earlier day. */
    public void put(
            long candidateId, String connectorId, LocalDate exportOn, ScheduleOrigin origin, long userId, Instant now) {
        put(candidateId, connectorId, exportOn, origin, userId, now, Map.of(), List.of());
    }

    /**
     * Records the candidate's export to the integration on that day with the user's edits, replacing an earlier one
     * (and its edits).
     *
     * @param edits field key to value, the fields the user changed; empty for none
     * @param editedFields the same edits as "Label: value", for the upcoming list
     */
    public void put(
            long candidateId,
            String connectorId,
            LocalDate exportOn,
            ScheduleOrigin origin,
            long userId,
            Instant now,
            Map<String, String> edits,
            List<String> editedFields) {
        jdbi.useTransaction(handle -> {
            handle.execute(
                    "DELETE FROM scheduled_exports WHERE candidate_id = ? AND connector_id = ?",
                    candidateId,
                    connectorId);
            handle.execute(
                    "INSERT INTO scheduled_exports (candidate_id, connector_id, export_on, origin, scheduled_by,"
                            + " scheduled_at, edits, edited_fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    candidateId,
                    connectorId,
                    exportOn.toString(),
                    origin.name(),
                    userId,
                    now.toString(),
                    edits.isEmpty() ? null : JsonText.write(edits),
                    editedFields.isEmpty() ? null : JsonText.write(editedFields));
        });
    }

    /** @return the user's edits stored with the candidate's scheduled export (field key to value); empty for none */
    public Map<String, String> edits(long candidateId, String connectorId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                                "SELECT edits FROM scheduled_exports WHERE candidate_id = ? AND connector_id = ?")
                        .bind(0, candidateId)
                        .bind(1, connectorId)
                        .mapTo(String.class)
                        .findOne())
                .map(JsonText::readMap)
                .orElse(Map.of());
    }

    /** @return whether there was one to remove */
    public boolean remove(long candidateId, String connectorId) {
        return jdbi.withHandle(handle -> handle.execute(
                        "DELETE FROM scheduled_exports WHERE candidate_id = ? AND connector_id = ?",
                        candidateId,
                        connectorId))
                > 0;
    }

    /** Moves a schedule that counts back from the start date to its new day; a day a person chose is not moved. */
    public void moveTo(long candidateId, String connectorId, LocalDate exportOn) {
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE scheduled_exports SET export_on = ? WHERE candidate_id = ? AND connector_id = ?"
                        + " AND origin = ?",
                exportOn.toString(),
                candidateId,
                connectorId,
                ScheduleOrigin.BEFORE_START.name()));
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
                                    + " s.export_on, s.origin, u.name AS scheduled_by, s.scheduled_at, s.edited_fields"
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
                            rs.getString("scheduled_at"),
                            rs.getString("edited_fields") == null
                                    ? List.of()
                                    : JsonText.readStringList(rs.getString("edited_fields"))))
                    .list();
        });
    }
}
