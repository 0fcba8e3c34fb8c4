package com.hirerelay.host.export;

import com.hirerelay.api.hris.FollowUpStep;
import com.hirerelay.host.storage.JsonText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * The follow-up steps of exports ({@code export_steps}): recorded as pending before the connector is
 * called, updated as the connector reports them, and found again when the host has to finish them.
 */
public final class ExportStepRepository {

    private static final int MAX_ROWS_PER_INSERT = 500;

    private final Jdbi jdbi;

    public ExportStepRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A step the host still has to finish, with what finishing it needs.
     *
     * @param attemptId the attempt it belongs to
     * @param candidateId the attempt's candidate
     * @param connectorId the attempt's connector
     * @param attemptState the attempt's state
     * @param employeeId the employee the attempt created, or null when the attempt never learned it
     * @param draft the values the attempt sent
     * @param step the step
     * @param state where it stands
     */
    public record OpenStep(
            long attemptId,
            long candidateId,
            String connectorId,
            ExportAttemptState attemptState,
            String employeeId,
            Map<String, String> draft,
            FollowUpStep step,
            FollowUpState state) {}

    /**
     * Records the steps an export is about to run, all pending, in order, in the caller's transaction (the
     * attempt's begin writes them with the attempt: one commit, and no attempt without its steps).
     */
    static void recordPending(Handle handle, long attemptId, List<FollowUpStep> steps, Instant now) {
        if (steps.isEmpty()) {
            return;
        }
        // One INSERT with a row per step (a JDBC batch costs more in Jdbi than the rows themselves), in chunks that
        // stay far below the databases' limits on parameters.
        String at = now.toString();
        for (int from = 0; from < steps.size(); from += MAX_ROWS_PER_INSERT) {
            int to = Math.min(steps.size(), from + MAX_ROWS_PER_INSERT);
            Update insert = handle.createUpdate("INSERT INTO export_steps (attempt_id, step_id, label, position,"
                    + " state, updated_at) VALUES "
                    + String.join(", ", Collections.nCopies(to - from, "(?, ?, ?, ?, ?, ?)"))
                    + " ON CONFLICT DO NOTHING");
            for (int i = from; i < to; i++) {
                int first = (i - from) * 6;
                insert.bind(first, attemptId)
                        .bind(first + 1, steps.get(i).id())
                        .bind(first + 2, steps.get(i).label())
                        .bind(first + 3, i)
                        .bind(first + 4, FollowUpState.PENDING.name())
                        .bind(first + 5, at);
            }
            insert.execute();
        }
    }

    /**
     * Sets a step's state; a step the connector reports without having listed it is added at the end.
     *
     * @param message why it failed or how it was finished; null when there is nothing to say
     */
    public void mark(long attemptId, FollowUpStep step, FollowUpState state, String message, Instant now) {
        jdbi.useHandle(handle -> mark(handle, attemptId, step, state, message, now));
    }

    /** {@link #mark} in the caller's transaction. */
    static void mark(
            Handle handle, long attemptId, FollowUpStep step, FollowUpState state, String message, Instant now) {
        int updated = handle.createUpdate(
                        "UPDATE export_steps SET state = ?, message = ?, updated_at = ? WHERE attempt_id = ?"
                                + " AND step_id = ?")
                .bind(0, state.name())
                .bind(1, message)
                .bind(2, now.toString())
                .bind(3, attemptId)
                .bind(4, step.id())
                .execute();
        if (updated == 0) {
            handle.createUpdate("INSERT INTO export_steps (attempt_id, step_id, label, position, state, message,"
                            + " updated_at) SELECT ?, ?, ?, COALESCE(MAX(position), -1) + 1, ?, ?, ? FROM"
                            + " export_steps WHERE attempt_id = ?")
                    .bind(0, attemptId)
                    .bind(1, step.id())
                    .bind(2, step.label())
                    .bind(3, state.name())
                    .bind(4, message)
                    .bind(5, now.toString())
                    .bind(6, attemptId)
                    .execute();
        }
    }

    /**
     * Moves the attempt's steps in one state to another, for example every step still pending of an
     * attempt that created nothing to skipped, in the caller's transaction.
     *
     * @return how many steps moved
     */
    static int settle(
            Handle handle, long attemptId, FollowUpState from, FollowUpState to, String message, Instant now) {
        return handle.createUpdate("UPDATE export_steps SET state = ?, message = ?, updated_at = ? WHERE attempt_id = ?"
                        + " AND state = ?")
                .bind(0, to.name())
                .bind(1, message)
                .bind(2, now.toString())
                .bind(3, attemptId)
                .bind(4, from.name())
                .execute();
    }

    /**
     * Moves the attempt's pending steps, but those whose id starts with {@code keptPrefix}, to skipped: one
     * statement in the caller's transaction, instead of reading the steps and writing each.
     */
    static void skipPending(Handle handle, long attemptId, String keptPrefix, String message, Instant now) {
        handle.createUpdate("UPDATE export_steps SET state = ?, message = ?, updated_at = ? WHERE attempt_id = ?"
                        + " AND state = ? AND substr(step_id, 1, ?) <> ?")
                .bind(0, FollowUpState.SKIPPED.name())
                .bind(1, message)
                .bind(2, now.toString())
                .bind(3, attemptId)
                .bind(4, FollowUpState.PENDING.name())
                .bind(5, keptPrefix.length())
                .bind(6, keptPrefix)
                .execute();
    }

    /** @return the steps of each attempt, in order; attempts without steps are left out */
    public Map<Long, List<FollowUpRecord>> forAttempts(Collection<Long> attemptIds) {
        if (attemptIds.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return jdbi.withHandle(handle -> forAttempts(handle, attemptIds));
    }

    /** {@link #forAttempts(Collection)} in the caller's transaction. */
    static Map<Long, List<FollowUpRecord>> forAttempts(Handle handle, Collection<Long> attemptIds) {
        Map<Long, List<FollowUpRecord>> result = new LinkedHashMap<>();
        if (attemptIds.isEmpty()) {
            return result;
        }
        String marks = String.join(",", java.util.Collections.nCopies(attemptIds.size(), "?"));
        Query query = handle.createQuery(
                "SELECT * FROM export_steps WHERE attempt_id IN (" + marks + ")" + " ORDER BY attempt_id, position");
        int i = 0;
        for (Long id : attemptIds) {
            query.bind(i++, id);
        }
        query.map((rs, ctx) -> Map.entry(
                        rs.getLong("attempt_id"),
                        new FollowUpRecord(
                                rs.getString("step_id"),
                                rs.getString("label"),
                                FollowUpState.valueOf(rs.getString("state")),
                                rs.getString("message"),
                                Instant.parse(rs.getString("updated_at")))))
                .forEach(entry -> result.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                        .add(entry.getValue()));
        return result;
    }

    /**
     * @param candidateId only this candidate's steps, or null for every candidate
     * @param connectorId only this connector's steps, or null for every connector
     * @param states the step states wanted
     * @return the steps, oldest attempt first, in order within an attempt
     */
    public List<OpenStep> open(Long candidateId, String connectorId, Collection<FollowUpState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> open(handle, candidateId, connectorId, states));
    }

    /** {@link #open(Long, String, Collection)} in the caller's transaction. */
    static List<OpenStep> open(Handle handle, Long candidateId, String connectorId, Collection<FollowUpState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT a.id AS attempt_id, a.candidate_id, a.connector_id, a.state AS"
                + " attempt_state, a.employee_id, a.draft_json, s.step_id, s.label, s.state FROM export_steps s JOIN"
                + " export_attempts a ON a.id = s.attempt_id WHERE s.state IN ("
                + String.join(",", java.util.Collections.nCopies(states.size(), "?")) + ")");
        states.forEach(state -> args.add(state.name()));
        if (candidateId != null) {
            sql.append(" AND a.candidate_id = ?");
            args.add(candidateId);
        }
        if (connectorId != null) {
            sql.append(" AND a.connector_id = ?");
            args.add(connectorId);
        }
        sql.append(" ORDER BY a.id, s.position");
        Query query = handle.createQuery(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            query.bind(i, args.get(i));
        }
        return query.map((rs, ctx) -> new OpenStep(
                        rs.getLong("attempt_id"),
                        rs.getLong("candidate_id"),
                        rs.getString("connector_id"),
                        ExportAttemptState.valueOf(rs.getString("attempt_state")),
                        rs.getString("employee_id"),
                        JsonText.readMap(rs.getString("draft_json")),
                        new FollowUpStep(rs.getString("step_id"), rs.getString("label")),
                        FollowUpState.valueOf(rs.getString("state"))))
                .list();
    }
}
