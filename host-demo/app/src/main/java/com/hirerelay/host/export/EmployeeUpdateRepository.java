package com.hirerelay.host.export;

import com.hirerelay.host.storage.JsonText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The updates sent to exported employees (table {@code employee_updates}). */
public final class EmployeeUpdateRepository {

    private final Jdbi jdbi;

    public EmployeeUpdateRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Records an update before anything is sent.
     *
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
            Instant now) {
        try {
            return Optional.of(jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO employee_updates"
                            + " (candidate_id, connector_id, connector_name, employee_id, user_id, user_name,"
                            + " started_at, state, contract_change, effective_on, fields_json)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
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

    /** @return the candidate's updates with the connector to that employee, oldest first */
    public List<EmployeeUpdate> forEmployee(long candidateId, String connectorId, String employeeId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM employee_updates WHERE candidate_id = ?"
                        + " AND connector_id = ? AND employee_id = ? ORDER BY id")
                .bind(0, candidateId)
                .bind(1, connectorId)
                .bind(2, employeeId)
                .map((rs, ctx) -> read(rs))
                .list());
    }

    /** @return the candidate's updates with every connector, newest first */
    public List<EmployeeUpdate> forCandidate(long candidateId) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT * FROM employee_updates WHERE candidate_id = ? ORDER BY id DESC")
                        .bind(0, candidateId)
                        .map((rs, ctx) -> read(rs))
                        .list());
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
                rs.getString("error"));
    }
}
