package com.hirerelay.host.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The records one export writes, and in how many transactions: the attempt with its planned steps in one before
 * the HR system is called, one write per step the connector reports while it runs (each durable before the
 * next request), and the outcome with its steps settled and the export baseline in one after.
 */
class ExportRecordsTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    /** A statement on the export tables, and the transaction it ran in (its own when auto-committed). */
    record Statement(String sql, Object transaction) {

        boolean isJournal() {
            return sql.startsWith("UPDATE export_attempts SET employee_id")
                    || sql.startsWith("UPDATE export_steps SET state = ?, message = ?, updated_at = ? WHERE attempt_id"
                            + " = ? AND step_id = ?");
        }
    }

    final List<Statement> statements = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void recordStatements() {
        host.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                String sql = context.getRenderedSql();
                if (!sql.contains("export_attempts")
                        && !sql.contains("export_steps")
                        && !sql.contains("export_baselines")) {
                    return;
                }
                try {
                    // A pooled connection is handed out as a new proxy each time: one proxy, one transaction.
                    Object transaction =
                            context.getConnection().getAutoCommit() ? new Object() : context.getConnection();
                    statements.add(new Statement(sql, transaction));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    @Test
    void anExportWritesItsAttemptWithItsStepsInOneTransactionAndItsOutcomeInOneMore() {
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        List<Long> ids = host.hiredCandidates(2).stream()
                .map(row -> row.get("id").asLong())
                .toList();
        recruiter.post("/api/candidates/" + ids.get(0) + "/exports/factorial", Map.of("values", Map.of()));
        statements.clear();

        var export = recruiter.post("/api/candidates/" + ids.get(1) + "/exports/factorial", Map.of("values", Map.of()));

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<Statement> journal =
                statements.stream().filter(Statement::isJournal).toList();
        assertThat(journal)
                .as("the connector reported its create and its steps, each written on its own before it went on")
                .hasSizeGreaterThan(2)
                .allSatisfy(write -> assertThat(
                                statements.stream().filter(other -> other.transaction() == write.transaction()))
                        .as("statements in the transaction of %s", write.sql())
                        .hasSize(1));
        Map<Object, List<String>> others = new LinkedHashMap<>();
        statements.stream()
                .filter(statement -> !statement.isJournal())
                .forEach(statement -> others.computeIfAbsent(statement.transaction(), key -> new ArrayList<>())
                        .add(statement.sql()));
        assertThat(others.values())
                .as("the export's other records, by transaction: %s", statements)
                .hasSize(2);
        List<List<String>> transactions = List.copyOf(others.values());
        assertThat(transactions.get(0))
                .as("before the HR system is called: the attempt and its planned steps")
                .hasSize(2)
                .anyMatch(sql -> sql.startsWith("INSERT INTO export_attempts"))
                .anyMatch(sql -> sql.startsWith("INSERT INTO export_steps"));
        assertThat(transactions.get(1))
                .as("after it answered: the outcome, the baseline, the steps earlier attempts left open; no write of"
                        + " 'the steps it did not report', as the journal wrote every step")
                .hasSize(3)
                .anyMatch(sql -> sql.startsWith("UPDATE export_attempts SET state"))
                .anyMatch(sql -> sql.startsWith("INSERT INTO export_baselines"))
                .noneMatch(sql -> sql.startsWith("UPDATE export_steps"));
        assertThat(statements.indexOf(journal.get(0)))
                .as("the attempt is begun before the first journal write")
                .isGreaterThan(statements.stream()
                        .filter(statement -> statement.sql().startsWith("INSERT INTO export_steps"))
                        .mapToInt(statements::indexOf)
                        .max()
                        .orElseThrow());
        assertThat(statements.indexOf(journal.get(journal.size() - 1)))
                .as("the outcome is recorded after the last journal write")
                .isLessThan(statements.stream()
                        .filter(statement -> statement.sql().startsWith("UPDATE export_attempts SET state"))
                        .mapToInt(statements::indexOf)
                        .min()
                        .orElseThrow());
        JsonNode attempt = host.signIn(UserRole.ADMIN)
                .get("/api/exports?candidateId=" + ids.get(1))
                .json()
                .get("items")
                .get(0);
        assertThat(attempt.get("steps"))
                .as("the journal's writes settled every step: none is left pending (%s)", attempt)
                .isNotEmpty()
                .allSatisfy(step -> assertThat(step.get("state").asText()).isIn("DONE", "FAILED"));
    }
}
