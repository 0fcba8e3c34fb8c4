package com.hirerelay.host.automation;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.auth.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The automation settings per integration (Export on Hired, migration V17; automatic updates, V37) and the failed
 * list.
 */
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

    /** @return the integrations set to do that on Hired, by connector id */
    public List<String> integrationsOnHired(OnHired onHired) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT connector_id FROM automation_settings WHERE on_hired = ? ORDER BY connector_id")
                .bind(0, onHired.name())
                .mapTo(String.class)
                .list());
    }

    /** @return how many days before the start date the integration's automatic exports wait, or null for none */
    public Integer daysBeforeStart(String connectorId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                                "SELECT days_before_start FROM automation_settings WHERE connector_id = ?")
                        .bind(0, connectorId)
                        .mapTo(Integer.class)
                        .findOne())
                .orElse(null);
    }

    public void setOnHired(String connectorId, OnHired onHired, Integer daysBeforeStart, String userName, Instant now) {
        jdbi.useTransaction(handle -> {
            handle.execute("DELETE FROM automation_settings WHERE connector_id = ?", connectorId);
            handle.execute(
                    "INSERT INTO automation_settings (connector_id, on_hired, days_before_start, updated_by, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    connectorId,
                    onHired.name(),
                    daysBeforeStart,
                    userName,
                    now.toString());
        });
    }

    /** @return whether changes made in the ATS after an export are sent to the integration by themselves */
    public boolean sendsUpdatesAutomatically(String connectorId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                                "SELECT send_automatically FROM update_settings WHERE connector_id = ?")
                        .bind(0, connectorId)
                        .mapTo(Integer.class)
                        .findOne())
                .map(value -> value == 1)
                .orElse(false);
    }

    /** @return the integrations that send updates by themselves, by connector id */
    public List<String> integrationsSendingUpdates() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT connector_id FROM update_settings WHERE send_automatically = 1 ORDER BY connector_id")
                .mapTo(String.class)
                .list());
    }

    public void setSendUpdatesAutomatically(String connectorId, boolean automatically, String userName, Instant now) {
        jdbi.useTransaction(handle -> {
            handle.execute("DELETE FROM update_settings WHERE connector_id = ?", connectorId);
            handle.execute(
                    "INSERT INTO update_settings (connector_id, send_automatically, updated_by, updated_at)"
                            + " VALUES (?, ?, ?, ?)",
                    connectorId,
                    automatically ? 1 : 0,
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
