package com.hirerelay.host.export;

import com.hirerelay.host.storage.JsonText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The updates sent to exported employees (table {@code employee_updates}). */
public final class EmployeeUpdateRepository {

    private final Jdbi jdbi;
    private final String instanceId;

    /** @param instanceId this host instance, recorded on the updates it runs */
    public EmployeeUpdateRepository(Jdbi jdbi, String instanceId) {
        this.jdbi = jdbi;
        this.instanceId = instanceId;
    }

    /**
     * Records an update before anything is sent.
     *
     * @param automatic true when the host sends it by itself (automatic updates), false when a person sent it
     * @return its id, or empty when another update of the candidate with the connector is running
     */
    public Optional<Long> begin(
            long candidateId,
            String connectorId,
            String connectorName,
            String employeeId,
            long userId,
            String userName,
            String contractChange,
            String effectiveOn,
            List<EmployeeUpdate.Field> fields,
            boolean automatic,
            Instant now) {
        try {
            return Optional.of(jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO employee_updates"
                            + " (candidate_id, connector_id, connector_name, employee_id, user_id, user_name,"
                            + " started_at, state, contract_change, effective_on, fields_json, automatic,"
                            + " host_instance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .bind(0, candidateId)
                    .bind(1, connectorId)
                    .bind(2, connectorName)
                    .bind(3, employeeId)
                    .bind(4, userId)
                    .bind(5, userName)
                    .bind(6, now.toString())
                    .bind(7, EmployeeUpdateState.IN_PROGRESS.name())
                    .bind(8, contractChange)
                    .bind(9, effectiveOn)
                    .bind(10, write(fields))
                    .bind(11, automatic ? 1 : 0)
                    .bind(12, instanceId)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one()));
        } catch (UnableToExecuteStatementException e) {
            String cause = String.valueOf(e.getCause());
            if (cause.contains("UNIQUE") || cause.contains("unique") || cause.contains("duplicate key")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Finishes an update with each field's outcome. */
    public void finish(
            long updateId, EmployeeUpdateState state, List<EmployeeUpdate.Field> fields, String error, Instant now) {
        if (state == EmployeeUpdateState.IN_PROGRESS) {
            throw new IllegalArgumentException("An update is finished with its outcome, not " + state);
        }
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE employee_updates SET state = ?, fields_json = ?, error = ?, finished_at = ? WHERE id = ?")
                .bind(0, state.name())
                .bind(1, write(fields))
                .bind(2, error)
                .bind(3, now.toString())
                .bind(4, updateId)
                .execute());
    }

    /** Settles updates a stopped host left running: their outcome is unknown, so they count as failed. */
    public int markInterruptedAsFailed(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE employee_updates SET state = ?, error = ?," + " finished_at = ? WHERE state = ?")
                .bind(0, EmployeeUpdateState.FAILED.name())
                .bind(
                        1,
                        "The host stopped while the update ran; look at the employee in the HR system before sending"
                                + " it again.")
                .bind(2, now.toString())
                .bind(3, EmployeeUpdateState.IN_PROGRESS.name())
                .execute());
    }

    /** Each update with its candidate's name as the ATS has it now. */
    private static final String SELECT = "SELECT u.*, c.first_name || ' ' || c.last_name AS candidate_name"
            + " FROM employee_updates u LEFT JOIN candidates c ON c.id = u.candidate_id";

    /**
     * Settles the updates that host instances which stopped left running (PostgreSQL, where several instances share
     * them): never those of a live instance. Their outcome is unknown, so they count as failed, and the candidate
     * can be updated again.
     *
     * @param staleBefore the heartbeat time (epoch milliseconds) before which an instance counts as stopped
     * @return how many updates were settled
     */
    public int markAbandonedAsFailed(Instant now, long staleBefore) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE employee_updates SET state = ?, error = ?,"
                        + " finished_at = ? WHERE state = ? AND (host_instance IS NULL OR host_instance NOT IN"
                        + " (SELECT id FROM host_instances WHERE last_seen_at >= ?))")
                .bind(0, EmployeeUpdateState.FAILED.name())
                .bind(
                        1,
                        "The host instance running this update stopped; look at the employee in the HR system before"
                                + " sending it again.")
                .bind(2, now.toString())
                .bind(3, EmployeeUpdateState.IN_PROGRESS.name())
                .bind(4, staleBefore)
                .execute());
    }

    /** @return the candidate's updates with the connector to that employee, oldest first */
    public List<EmployeeUpdate> forEmployee(long candidateId, String connectorId, String employeeId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE u.candidate_id = ?"
                        + " AND u.connector_id = ? AND u.employee_id = ? ORDER BY u.id")
                .bind(0, candidateId)
                .bind(1, connectorId)
                .bind(2, employeeId)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    /** @return the candidate's updates with every connector, newest first */
    public List<EmployeeUpdate> forCandidate(long candidateId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE u.candidate_id = ? ORDER BY u.id DESC")
                .bind(0, candidateId)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    /** One page of the admins' history of updates, newest first. */
    public record HistoryPage(List<EmployeeUpdate> items, int page, int pageSize, long total) {}

    /**
     * @return the updates filtered by candidate, connector, state and whether the host sent them by itself (each
     *     optional: null for any), newest first
     */
    public HistoryPage history(
            Long candidateId,
            String connectorId,
            EmployeeUpdateState state,
            Boolean automatic,
            int page,
            int pageSize) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (candidateId != null) {
            where.add("u.candidate_id = ?");
            args.add(candidateId);
        }
        if (connectorId != null && !connectorId.isBlank()) {
            where.add("u.connector_id = ?");
            args.add(connectorId);
        }
        if (state != null) {
            where.add("u.state = ?");
            args.add(state.name());
        }
        if (automatic != null) {
            where.add("u.automatic = ?");
            args.add(automatic ? 1 : 0);
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        int size = Math.min(100, Math.max(1, pageSize));
        int number = Math.max(1, page);
        return jdbi.withHandle(handle -> {
            Query count = handle.createQuery("SELECT COUNT(*) FROM employee_updates u" + condition);
            Query rows = handle.createQuery(SELECT + condition + " ORDER BY u.id DESC LIMIT ? OFFSET ?");
            for (int i = 0; i < args.size(); i++) {
                count.bind(i, args.get(i));
                rows.bind(i, args.get(i));
            }
            rows.bind(args.size(), size).bind(args.size() + 1, (long) (number - 1) * size);
            return new HistoryPage(
                    rows.map((rs, ctx) -> read(rs)).list(),
                    number,
                    size,
                    count.mapTo(Long.class).one());
        });
    }

    private static String write(List<EmployeeUpdate.Field> fields) {
        return JsonText.write(fields.stream()
                .map(field -> {
                    Map<String, String> row = new HashMap<>();
                    row.put("key", field.key());
                    row.put("label", field.label());
                    row.put("before", field.before());
                    row.put("value", field.value());
                    row.put("status", field.status());
                    row.put("message", field.message());
                    return row;
                })
                .toList());
    }

    private static EmployeeUpdate read(ResultSet rs) throws SQLException {
        String finished = rs.getString("finished_at");
        return new EmployeeUpdate(
                rs.getLong("id"),
                rs.getLong("candidate_id"),
                rs.getString("candidate_name"),
                rs.getString("connector_id"),
                rs.getString("connector_name"),
                rs.getString("employee_id"),
                rs.getString("user_name"),
                Instant.parse(rs.getString("started_at")),
                finished == null ? null : Instant.parse(finished),
                EmployeeUpdateState.valueOf(rs.getString("state")),
                rs.getString("contract_change"),
                rs.getString("effective_on"),
                JsonText.readMapList(rs.getString("fields_json")).stream()
                        .map(row -> new EmployeeUpdate.Field(
                                row.get("key"),
                                row.get("label"),
                                row.get("before"),
                                row.get("value"),
                                row.get("status"),
                                row.get("message")))
                        .toList(),
                rs.getString("error"),
                rs.getInt("automatic") == 1);
    }
}
