package com.hirerelay.host.automation;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.auth.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The automation settings per integration and the failed list (tables of migration V17). */
public final class AutomationRepository {

    private final Jdbi jdbi;

    public AutomationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return what the integration does on Hired; {@link OnHired#OFF} when never set */
    public OnHired onHired(String connectorId) {
        return jdbi.withHandle(
                        handle -> handle.createQuery("SELECT on_hired FROM automation_settings WHERE connector_id = ?")
                                .bind(0, connectorId)
                                .mapTo(String.class)
                                .findOne())
                .map(OnHired::valueOf)
                .orElse(OnHired.OFF);
    }

    /** @return the integrations that export by themselves on Hired */
    public List<String> exportingOnHired() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT connector_id FROM automation_settings WHERE on_hired = 'AUTO' ORDER BY connector_id")
                .mapTo(String.class)
                .list());
    }

    public void setOnHired(String connectorId, OnHired onHired, String userName, Instant now) {
        jdbi.useTransaction(handle -> {
            handle.execute("DELETE FROM automation_settings WHERE connector_id = ?", connectorId);
            handle.execute(
                    "INSERT INTO automation_settings (connector_id, on_hired, updated_by, updated_at) VALUES (?, ?, ?, ?)",
                    connectorId,
                    onHired.name(),
                    userName,
                    now.toString());
        });
    }

    /** Records (or replaces) the candidate's failed automatic export with the connector. */
    public void recordFailure(
            long candidateId, String connectorId, FailureKind kind, int tries, String message, Instant now) {
        jdbi.useTransaction(handle -> {
            handle.execute(
                    "DELETE FROM automation_failures WHERE candidate_id = ? AND connector_id = ?",
                    candidateId,
                    connectorId);
            handle.execute(
                    "INSERT INTO automation_failures (candidate_id, connector_id, kind, tries, message, failed_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    candidateId,
                    connectorId,
                    kind.name(),
                    tries,
                    message,
                    now.toString());
        });
    }

    /** Forgets a failure once the candidate has an employee. */
    public void clearFailure(long candidateId, String connectorId) {
        jdbi.useHandle(handle -> handle.execute(
                "DELETE FROM automation_failures WHERE candidate_id = ? AND connector_id = ?",
                candidateId,
                connectorId));
    }

    /** @return the failed list, newest first, at most {@code limit} */
    public List<AutomationFailure> failures(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT f.candidate_id, c.first_name || ' ' || c.last_name AS name, f.connector_id, f.kind,"
                                + " f.tries, f.message, f.failed_at FROM automation_failures f"
                                + " LEFT JOIN candidates c ON c.id = f.candidate_id"
                                + " ORDER BY f.failed_at DESC, f.candidate_id LIMIT ?")
                .bind(0, limit)
                .map((rs, ctx) -> new AutomationFailure(
                        rs.getLong("candidate_id"),
                        rs.getString("name"),
                        rs.getString("connector_id"),
                        FailureKind.valueOf(rs.getString("kind")),
                        rs.getInt("tries"),
                        rs.getString("message"),
                        rs.getString("failed_at")))
                .list());
    }

    /** @return the user an automatic export runs as (the one who moved the candidate), if still there */
    public Optional<User> user(long userId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, email, name, role FROM users WHERE id = ?")
                .bind(0, userId)
                .map((rs, ctx) -> new User(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("name"),
                        UserRole.valueOf(rs.getString("role"))))
                .findOne());
    }
}
