package com.hirerelay.host.export;

import com.hirerelay.host.candidates.ExportBaselines;
import com.hirerelay.host.storage.InList;
import com.hirerelay.host.storage.JsonText;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The candidate facts recorded each time a candidate is sent to an HR system (table {@code export_baselines}). */
public final class ExportBaselineRepository implements ExportBaselines {

    private final Jdbi jdbi;

    public ExportBaselineRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Replaces what was recorded for the candidate and connector.
     *
     * @param facts the candidate's facts ({@link com.hirerelay.host.candidates.CandidateFacts})
     * @param atsValues the connector's draft values as the ATS filled them, before any edit in the dialog
     */
    public void record(
            long candidateId,
            String connectorId,
            Map<String, String> facts,
            Map<String, String> atsValues,
            Instant now) {
        jdbi.useHandle(handle -> record(handle, candidateId, connectorId, facts, atsValues, now));
    }

    /** {@link #record(long, String, Map, Map, Instant)} in the caller's transaction (an export's last records). */
    static void record(
            Handle handle,
            long candidateId,
            String connectorId,
            Map<String, String> facts,
            Map<String, String> atsValues,
            Instant now) {
        handle.createUpdate("INSERT INTO export_baselines (candidate_id, connector_id,"
                        + " facts_json, ats_values_json, recorded_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (candidate_id, connector_id) DO UPDATE SET facts_json = excluded.facts_json,"
                        + " ats_values_json = excluded.ats_values_json, recorded_at = excluded.recorded_at")
                .bind(0, candidateId)
                .bind(1, connectorId)
                .bind(2, JsonText.write(facts))
                .bind(3, JsonText.write(atsValues))
                .bind(4, now.toString())
                .execute();
    }

    /** @return the draft values the ATS had filled when the candidate was last sent with the connector */
    public java.util.Optional<Map<String, String>> atsValues(long candidateId, String connectorId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT ats_values_json FROM export_baselines" + " WHERE candidate_id = ? AND connector_id = ?")
                .bind(0, candidateId)
                .bind(1, connectorId)
                .map((rs, ctx) -> JsonText.readMap(rs.getString(1)))
                .findOne());
    }

    @Override
    public Map<Long, Map<String, Map<String, String>>> baselinesFor(Collection<Long> candidateIds) {
        Map<Long, Map<String, Map<String, String>>> result = new HashMap<>();
        if (candidateIds.isEmpty()) {
            return result;
        }
        jdbi.useHandle(handle -> {
            var query = handle.createQuery("SELECT candidate_id, connector_id, facts_json FROM export_baselines"
                    + " WHERE candidate_id IN (" + InList.marks(candidateIds.size()) + ")");
            InList.bind(query, 0, candidateIds);
            query.map((rs, ctx) -> {
                        result.computeIfAbsent(rs.getLong("candidate_id"), id -> new HashMap<>())
                                .put(rs.getString("connector_id"), JsonText.readMap(rs.getString("facts_json")));
                        return 0;
                    })
                    .list();
        });
        return result;
    }
}
