package com.hirerelay.host.automation;

import com.hirerelay.host.storage.JsonText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * The review list (table of migrations V31 and V40): one row per hired candidate and integration, never two; a
 * dismissed row stays, marked with who dismissed it, when and why, until it is restored.
 */
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
     * Takes the candidate off the integration's list with a reason, recording who and when.
     *
     * @return whether an item on the list was dismissed (false: not queued, or dismissed already)
     */
    public boolean dismiss(long candidateId, String connectorId, long userId, String reason, Instant now) {
        return jdbi.withHandle(handle -> handle.execute(
                        "UPDATE review_queue SET dismissed_by = ?, dismissed_at = ?, dismiss_reason = ?"
                                + " WHERE candidate_id = ? AND connector_id = ? AND dismissed_at IS NULL",
                        userId,
                        now.toString(),
                        reason,
                        candidateId,
                        connectorId))
                > 0;
    }

    /**
     * Puts a dismissed candidate back on the list, recording who restored it and when.
     *
     * @return whether a dismissed item was restored (false: not queued, or not dismissed)
     */
    public boolean restore(long candidateId, String connectorId, long userId, Instant now) {
        return jdbi.withHandle(handle -> handle.execute(
                        "UPDATE review_queue SET dismissed_by = NULL, dismissed_at = NULL, dismiss_reason = NULL,"
                                + " restored_by = ?, restored_at = ?"
                                + " WHERE candidate_id = ? AND connector_id = ? AND dismissed_at IS NOT NULL",
                        userId,
                        now.toString(),
                        candidateId,
                        connectorId))
                > 0;
    }

    /** @return whether the candidate was dismissed from the integration's list and not restored since */
    public boolean isDismissed(long candidateId, String connectorId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT 1 FROM review_queue WHERE candidate_id = ?"
                        + " AND connector_id = ? AND dismissed_at IS NOT NULL")
                .bind(0, candidateId)
                .bind(1, connectorId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    /**
     * @param dismissed whether to list the dismissed items (most recently dismissed first) instead of those waiting
     * @param connectorNames the display name of a connector id
     * @return the queued candidates who are still hired, waiting ones oldest first, at most {@code limit}; candidates
     *     moved out of Hired stay queued (and come back when hired again) but are not listed
     */
    public List<ReviewItem> hiredAndQueued(boolean dismissed, int limit, UnaryOperator<String> connectorNames) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE c.status = 'HIRED' AND q.dismissed_at IS "
                        + (dismissed ? "NOT NULL ORDER BY q.dismissed_at DESC," : "NULL ORDER BY q.queued_at,")
                        + " q.candidate_id, q.connector_id LIMIT ?")
                .bind(0, limit)
                .map((rs, ctx) -> item(rs, connectorNames))
                .list());
    }

    /** @return the candidate's row of the integration's list, dismissed or not, hired or not */
    public Optional<ReviewItem> find(long candidateId, String connectorId, UnaryOperator<String> connectorNames) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE q.candidate_id = ? AND q.connector_id = ?")
                .bind(0, candidateId)
                .bind(1, connectorId)
                .map((rs, ctx) -> item(rs, connectorNames))
                .findOne());
    }

    private static final String SELECT = "SELECT q.candidate_id, c.first_name || ' ' || c.last_name AS name,"
            + " j.name AS job, q.connector_id, u.name AS queued_by, q.queued_at, q.missing_fields, q.check_problem,"
            + " d.name AS dismissed_by, q.dismissed_at, q.dismiss_reason FROM review_queue q"
            + " JOIN candidates c ON c.id = q.candidate_id"
            + " LEFT JOIN jobs j ON j.id = c.job_id"
            + " LEFT JOIN users u ON u.id = q.queued_by"
            + " LEFT JOIN users d ON d.id = q.dismissed_by";

    private static ReviewItem item(ResultSet rs, UnaryOperator<String> connectorNames) throws SQLException {
        return new ReviewItem(
                rs.getLong("candidate_id"),
                rs.getString("name"),
                rs.getString("job"),
                rs.getString("connector_id"),
                connectorNames.apply(rs.getString("connector_id")),
                rs.getString("queued_by"),
                rs.getString("queued_at"),
                labels(rs.getString("missing_fields")),
                rs.getString("check_problem"),
                rs.getString("dismissed_by"),
                rs.getString("dismissed_at"),
                rs.getString("dismiss_reason"));
    }

    private static List<String> labels(String json) {
        return json == null ? null : JsonText.readStringList(json);
    }
}
