package com.hirerelay.host.automation;

import com.hirerelay.host.storage.JsonText;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/** The review list (table of migration V31): one row per hired candidate and integration, never two. */
public final class ReviewQueueRepository {

    private final Jdbi jdbi;

    public ReviewQueueRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Puts the candidate on the integration's review list unless it is there already.
     *
     * @return whether a row was added (false: queued before, by this or a racing request)
     */
    public boolean queue(long candidateId, String connectorId, long userId, Instant now) {
        return jdbi.withHandle(handle -> handle.execute(
                        "INSERT INTO review_queue (candidate_id, connector_id, queued_by, queued_at)"
                                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        candidateId,
                        connectorId,
                        userId,
                        now.toString()))
                > 0;
    }

    /** Stores what checking the draft found: the missing fields' labels, or why it could not be checked. */
    public void recordCheck(long candidateId, String connectorId, List<String> missingFields, String problem) {
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE review_queue SET missing_fields = ?, check_problem = ? WHERE candidate_id = ? AND connector_id = ?",
                missingFields == null ? null : JsonText.write(missingFields),
                problem,
                candidateId,
                connectorId));
    }

    /** Takes the candidate off the integration's list (exported, by whichever path). */
    public void remove(long candidateId, String connectorId) {
        jdbi.useHandle(handle -> handle.execute(
                "DELETE FROM review_queue WHERE candidate_id = ? AND connector_id = ?", candidateId, connectorId));
    }

    /**
     * @param connectorNames the display name of a connector id
     * @return the queued candidates who are still hired, oldest first, at most {@code limit}; candidates moved out
     *     of Hired stay queued (and come back when hired again) but are not listed
     */
    public List<ReviewItem> hiredAndQueued(int limit, UnaryOperator<String> connectorNames) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT q.candidate_id, c.first_name || ' ' || c.last_name AS name, j.name AS job,"
                                + " q.connector_id, u.name AS queued_by, q.queued_at, q.missing_fields,"
                                + " q.check_problem FROM review_queue q"
                                + " JOIN candidates c ON c.id = q.candidate_id"
                                + " LEFT JOIN jobs j ON j.id = c.job_id"
                                + " LEFT JOIN users u ON u.id = q.queued_by"
                                + " WHERE c.status = 'HIRED'"
                                + " ORDER BY q.queued_at, q.candidate_id, q.connector_id LIMIT ?")
                .bind(0, limit)
                .map((rs, ctx) -> new ReviewItem(
                        rs.getLong("candidate_id"),
                        rs.getString("name"),
                        rs.getString("job"),
                        rs.getString("connector_id"),
                        connectorNames.apply(rs.getString("connector_id")),
                        rs.getString("queued_by"),
                        rs.getString("queued_at"),
                        labels(rs.getString("missing_fields")),
                        rs.getString("check_problem")))
                .list());
    }

    private static List<String> labels(String json) {
        return json == null ? null : JsonText.readStringList(json);
    }
}
