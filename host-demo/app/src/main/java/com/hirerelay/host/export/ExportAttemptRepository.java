package com.hirerelay.host.export;

import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.api.hris.FollowUpStep;
import com.hirerelay.host.candidates.ExportSummaries;
import com.hirerelay.host.candidates.ExportSummary;
import com.hirerelay.host.storage.InList;
import com.hirerelay.host.storage.JsonText;
import com.hirerelay.host.storage.UniqueViolations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;

/**
 * The export history. An attempt is written as {@code IN_PROGRESS} before the HR system is called and
 * finished afterwards, so a crash in between leaves a visible trace; a partial unique index lets only
 * one attempt per candidate and connector be in progress.
 */
public final class ExportAttemptRepository implements ExportSummaries {

    private final Jdbi jdbi;
    private final String hostInstance;

    /**
     * @param jdbi the database
     * @param hostInstance the id of this host instance, recorded on the attempts it begins
     */
    public ExportAttemptRepository(Jdbi jdbi, String hostInstance) {
        this.jdbi = jdbi;
        this.hostInstance = hostInstance;
    }

    /**
     * Records the start of an attempt and the follow-up steps it is about to run (all pending, in order), in
     * one transaction: the steps are durable before anything is sent, and there is no attempt without them.
     *
     * @param plannedSteps the steps, empty for none
     * @return the attempt id, or empty when another attempt of the same candidate and connector is in progress
     *     (then nothing is written)
     */
    public Optional<Long> begin(
            long candidateId,
            String candidateName,
            String connectorId,
            String connectorName,
            long userId,
            String userName,
            Map<String, String> draft,
            List<DraftLine> draftLines,
            List<FollowUpStep> plannedSteps,
            Instant now) {
        try {
            return Optional.of(jdbi.inTransaction(handle -> {
                long attemptId = handle.createUpdate("INSERT INTO export_attempts (candidate_id,"
                                + " candidate_name, connector_id, connector_name, user_id, user_name, started_at, state, draft_json,"
                                + " draft_lines_json, host_instance) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .bind(0, candidateId)
                        .bind(1, candidateName)
                        .bind(2, connectorId)
                        .bind(3, connectorName)
                        .bind(4, userId)
                        .bind(5, userName)
                        .bind(6, now.toString())
                        .bind(7, ExportAttemptState.IN_PROGRESS.name())
                        .bind(8, JsonText.write(draft))
                        .bind(
                                9,
                                JsonText.write(draftLines.stream()
                                        .map(ExportAttemptRepository::write)
                                        .toList()))
                        .bind(10, hostInstance)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one();
                ExportStepRepository.recordPending(handle, attemptId, plannedSteps, now);
                return attemptId;
            }));
        } catch (UnableToExecuteStatementException e) {
            if (UniqueViolations.isCause(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Finishes an attempt with its outcome.
     *
     * @param state any state but {@link ExportAttemptState#IN_PROGRESS}
     */
    public void finish(
            long attemptId,
            ExportAttemptState state,
            String employeeId,
            String link,
            String error,
            List<ExportWarning> warnings,
            Instant now) {
        jdbi.useHandle(handle -> finish(handle, attemptId, state, employeeId, link, error, warnings, now));
    }

    /** {@link #finish(long, ExportAttemptState, String, String, String, List, Instant)} in the caller's transaction. */
    void finish(
            Handle handle,
            long attemptId,
            ExportAttemptState state,
            String employeeId,
            String link,
            String error,
            List<ExportWarning> warnings,
            Instant now) {
        if (state == ExportAttemptState.IN_PROGRESS) {
            throw new IllegalArgumentException("An attempt is finished with its outcome, not " + state);
        }
        handle.createUpdate("UPDATE export_attempts SET state = ?, employee_id = ?, link = ?,"
                        + " error = ?, warnings_json = ?, finished_at = ? WHERE id = ?")
                .bind(0, state.name())
                .bind(1, employeeId)
                .bind(2, link)
                .bind(3, error)
                .bind(
                        4,
                        JsonText.write(warnings.stream()
                                .map(warning -> Map.of("step", warning.step(), "message", warning.message()))
                                .toList()))
                .bind(5, now.toString())
                .bind(6, attemptId)
                .execute();
    }

    /**
     * Runs records that belong together (an attempt's outcome, its steps settled, the export baseline) in one
     * transaction: one commit instead of one each, and none without the others after a crash.
     */
    <R> R inTransaction(HandleCallback<R, RuntimeException> writes) {
        return jdbi.inTransaction(writes);
    }

    /**
     * Records, while the attempt is in progress, the employee the connector said it created: a host that
     * stops from now on knows the create happened.
     */
    public void recordEmployee(long attemptId, String employeeId) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE export_attempts SET employee_id = ? WHERE id = ? AND" + " state = ?")
                .bind(0, employeeId)
                .bind(1, attemptId)
                .bind(2, ExportAttemptState.IN_PROGRESS.name())
                .execute());
    }

    /**
     * Ties an attempt whose outcome stayed unknown to the employee a later export found: that employee was
     * absent when the attempt began, so the attempt created it.
     */
    public void attributeEmployee(long attemptId, String employeeId) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE export_attempts SET employee_id = ? WHERE id = ? AND" + " employee_id IS NULL")
                .bind(0, employeeId)
                .bind(1, attemptId)
                .execute());
    }

    /**
     * Settles attempts left in progress by a stopped host; called once at start, before any export can
     * begin. One whose employee the connector had reported created is {@code CREATED} (its follow-up steps
     * are finished next); the others are unfinished.
     *
     * @return how many there were
     */
    public int markInterruptedAsUnfinished(Instant now) {
        return moveInProgress(
                        " AND employee_id IS NOT NULL",
                        List.of(),
                        ExportAttemptState.CREATED,
                        "The host stopped after the HR system created the employee; the follow-up steps that did"
                                + " not run are finished when the host starts again.",
                        now)
                + moveInProgress(
                        "",
                        List.of(),
                        ExportAttemptState.UNFINISHED,
                        "The host stopped while this export was running. Export again: an employee the HR system"
                                + " already has is linked, not created twice.",
                        now);
    }

    /**
     * Marks attempts left in progress by host instances that stopped (not seen since {@code staleBefore}) as
     * unfinished; the instances sharing a PostgreSQL database call it at start and after each heartbeat. The
     * attempts of live instances, this one included, are left alone.
     *
     * @param staleBefore epoch milliseconds before which an instance last seen is taken for stopped
     * @return how many there were
     */
    public int markAbandonedAsUnfinished(Instant now, long staleBefore) {
        String abandoned = " AND (host_instance IS NULL OR host_instance NOT IN"
                + " (SELECT id FROM host_instances WHERE last_seen_at >= ?))";
        return moveInProgress(
                        " AND employee_id IS NOT NULL" + abandoned,
                        List.of(staleBefore),
                        ExportAttemptState.CREATED,
                        "The host instance running this export stopped after the HR system created the employee;"
                                + " the follow-up steps that did not run are finished by another instance.",
                        now)
                + moveInProgress(
                        abandoned,
                        List.of(staleBefore),
                        ExportAttemptState.UNFINISHED,
                        "The host instance running this export stopped. Export again: an employee the HR"
                                + " system already has is linked, not created twice.",
                        now);
    }

    /**
     * Finishes the attempts in progress that also meet {@code condition} with the state and the error, in one
     * statement.
     *
     * @param condition {@code " AND ..."} with positional parameters, or "" for every attempt in progress
     * @param conditionArgs the condition's parameters, in order
     * @return how many attempts it finished
     */
    private int moveInProgress(
            String condition, List<Object> conditionArgs, ExportAttemptState to, String error, Instant now) {
        return jdbi.withHandle(handle -> {
            Update update = handle.createUpdate(
                            "UPDATE export_attempts SET state = ?, finished_at = ?, error = ? WHERE state = ?"
                                    + condition)
                    .bind(0, to.name())
                    .bind(1, now.toString())
                    .bind(2, error)
                    .bind(3, ExportAttemptState.IN_PROGRESS.name());
            InList.bind(update, 4, conditionArgs);
            return update.execute();
        });
    }

    /** @return the attempt, or empty */
    public Optional<ExportAttempt> find(long attemptId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM export_attempts WHERE id = ?")
                .bind(0, attemptId)
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    /**
     * @return the id of the user who made the attempt
     */
    public Optional<Long> userIdOf(long attemptId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT user_id FROM export_attempts WHERE id = ?")
                .bind(0, attemptId)
                .mapTo(Long.class)
                .findOne());
    }

    /** @return the latest attempt of the candidate with the connector, or empty */
    public Optional<ExportAttempt> latest(long candidateId, String connectorId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM export_attempts WHERE candidate_id = ?"
                        + " AND connector_id = ? ORDER BY id DESC LIMIT 1")
                .bind(0, candidateId)
                .bind(1, connectorId)
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    /** @return the latest attempt of the candidate with the connector that created or linked an employee */
    public Optional<ExportAttempt> latestWithEmployee(long candidateId, String connectorId) {
        List<ExportAttemptState> successes = Arrays.stream(ExportAttemptState.values())
                .filter(ExportAttemptState::isSuccess)
                .toList();
        String successMarks = String.join(",", java.util.Collections.nCopies(successes.size(), "?"));
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery("SELECT * FROM export_attempts WHERE candidate_id = ? AND connector_id = ?"
                    + " AND employee_id IS NOT NULL AND state IN (" + successMarks + ") ORDER BY id DESC LIMIT 1");
            query.bind(0, candidateId).bind(1, connectorId);
            for (int i = 0; i < successes.size(); i++) {
                query.bind(2 + i, successes.get(i).name());
            }
            return query.map((rs, ctx) -> read(rs)).findOne();
        });
    }

    /** @return the latest attempt of the candidate with the connector that created this employee */
    public Optional<ExportAttempt> latestCreated(long candidateId, String connectorId, String employeeId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM export_attempts WHERE candidate_id = ?"
                        + " AND connector_id = ? AND employee_id = ? AND state = ? ORDER BY id DESC LIMIT 1")
                .bind(0, candidateId)
                .bind(1, connectorId)
                .bind(2, employeeId)
                .bind(3, ExportAttemptState.CREATED.name())
                .map((rs, ctx) -> read(rs))
                .findOne());
    }

    @Override
    public Map<Long, List<ExportSummary>> latestFor(Collection<Long> candidateIds) {
        Map<Long, List<ExportSummary>> result = new LinkedHashMap<>();
        if (candidateIds.isEmpty()) {
            return result;
        }
        String marks = String.join(",", java.util.Collections.nCopies(candidateIds.size(), "?"));
        List<ExportAttemptState> successes = Arrays.stream(ExportAttemptState.values())
                .filter(ExportAttemptState::isSuccess)
                .toList();
        String successMarks = String.join(",", java.util.Collections.nCopies(successes.size(), "?"));
        jdbi.useHandle(handle -> {
            Query query =
                    handle.createQuery("SELECT * FROM export_attempts WHERE id IN (SELECT MAX(id) FROM export_attempts"
                            + " WHERE candidate_id IN (" + marks + ") AND state IN (" + successMarks + ")"
                            + " GROUP BY candidate_id, connector_id) ORDER BY connector_id");
            int i = 0;
            for (Long id : candidateIds) {
                query.bind(i++, id);
            }
            for (ExportAttemptState success : successes) {
                query.bind(i++, success.name());
            }
            query.map((rs, ctx) -> read(rs))
                    .forEach(attempt -> result.computeIfAbsent(attempt.candidateId(), id -> new ArrayList<>())
                            .add(new ExportSummary(
                                    attempt.connectorId(),
                                    attempt.connectorName(),
                                    attempt.state().outcome().orElseThrow(),
                                    attempt.employeeId(),
                                    attempt.link(),
                                    attempt.finishedAt(),
                                    attempt.user())));
        });
        return result;
    }

    /**
     * A page of the history, newest first.
     */
    public record HistoryPage(List<ExportAttempt> items, int page, int pageSize, long total) {}

    /** @return the history filtered by candidate, connector and state (each optional: null for any) */
    public HistoryPage history(Long candidateId, String connectorId, ExportAttemptState state, int page, int pageSize) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (candidateId != null) {
            where.add("candidate_id = ?");
            args.add(candidateId);
        }
        if (connectorId != null && !connectorId.isBlank()) {
            where.add("connector_id = ?");
            args.add(connectorId);
        }
        if (state != null) {
            where.add("state = ?");
            args.add(state.name());
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        int size = Math.min(100, Math.max(1, pageSize));
        int number = Math.max(1, page);
        return jdbi.withHandle(handle -> {
            Query count = handle.createQuery("SELECT COUNT(*) FROM export_attempts" + condition);
            Query rows = handle.createQuery(
                    "SELECT * FROM export_attempts" + condition + " ORDER BY id DESC LIMIT ? OFFSET ?");
            for (int i = 0; i < args.size(); i++) {
                count.bind(i, args.get(i));
                rows.bind(i, args.get(i));
            }
            rows.bind(args.size(), size).bind(args.size() + 1, (long) (number - 1) * size);
            List<ExportAttempt> items = rows.map((rs, ctx) -> read(rs)).list();
            Map<Long, List<FollowUpRecord>> steps = new ExportStepRepository(jdbi)
                    .forAttempts(items.stream().map(ExportAttempt::id).toList());
            return new HistoryPage(
                    items.stream()
                            .map(item -> item.withSteps(steps.getOrDefault(item.id(), List.of())))
                            .toList(),
                    number,
                    size,
                    count.mapTo(Long.class).one());
        });
    }

    private static ExportAttempt read(ResultSet rs) throws SQLException {
        String finished = rs.getString("finished_at");
        return new ExportAttempt(
                rs.getLong("id"),
                rs.getLong("candidate_id"),
                rs.getString("candidate_name"),
                rs.getString("connector_id"),
                rs.getString("connector_name"),
                rs.getString("user_name"),
                Instant.parse(rs.getString("started_at")),
                finished == null ? null : Instant.parse(finished),
                ExportAttemptState.valueOf(rs.getString("state")),
                JsonText.readMap(rs.getString("draft_json")),
                JsonText.readMapList(rs.getString("draft_lines_json")).stream()
                        .map(ExportAttemptRepository::readLine)
                        .toList(),
                rs.getString("employee_id"),
                rs.getString("link"),
                rs.getString("error"),
                JsonText.readMapList(rs.getString("warnings_json")).stream()
                        .map(warning -> new ExportWarning(warning.get("step"), warning.get("message")))
                        .toList(),
                List.of());
    }

    private static Map<String, String> write(DraftLine line) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("key", line.key());
        row.put("label", line.label());
        row.put("type", line.type().name());
        row.put("value", line.value());
        row.put("shown", line.shown());
        return row;
    }

    /** A type this host does not know (a newer connector's) reads as text. */
    private static DraftLine readLine(Map<String, String> row) {
        DraftFieldType type = Arrays.stream(DraftFieldType.values())
                .filter(known -> known.name().equals(row.get("type")))
                .findFirst()
                .orElse(DraftFieldType.TEXT);
        return new DraftLine(row.get("key"), row.get("label"), type, row.get("value"), row.get("shown"));
    }
}
