package com.hirerelay.host.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHost;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How often a request reads the integrations table: once per export and once per page of candidates, however many
 * rows and menus the page has; the parsed settings and the open connection are kept between requests, and a
 * change written by another process (another host on the same database) counts from the next request on.
 */
class IntegrationReadsTest {

    @TempDir
    Path root;

    RunningHost running;
    final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        running = RunningHost.start(root);
        running.connectFactorial();
        jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
    }

    @AfterEach
    void stop() {
        running.close();
    }

    private Jdbi jdbi() {
        return running.host().database().jdbi();
    }

    private long integrationReads() {
        return statements.stream()
                .filter(sql -> sql.contains("FROM integrations"))
                .count();
    }

    private List<Long> hired(ApiClient client, int count) {
        List<Long> ids = new ArrayList<>();
        client.get("/api/candidates?status=HIRED&pageSize=" + count)
                .json()
                .get("items")
                .forEach(row -> ids.add(row.get("id").asLong()));
        return ids;
    }

    @Test
    void anExportReadsTheIntegrationsOnceAndReusesTheOpenConnection() {
        ApiClient recruiter = running.signIn("RECRUITER");
        List<Long> ids = hired(recruiter, 2);
        recruiter.post("/api/candidates/" + ids.get(0) + "/exports/factorial", Map.of("values", Map.of()));
        statements.clear();

        var export = recruiter.post("/api/candidates/" + ids.get(1) + "/exports/factorial", Map.of("values", Map.of()));

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(integrationReads())
                .as("reads of the integrations table by one export: %s", statements)
                .isEqualTo(1);
        assertThat(statements)
                .as("the settings are not read (parsed, decrypted) again while they have not changed")
                .noneMatch(sql -> sql.contains("SELECT * FROM integrations"));
    }

    @Test
    void aPageOfHiredCandidatesReadsTheIntegrationsOnceForAllItsMenus() {
        ApiClient recruiter = running.signIn("RECRUITER");
        statements.clear();

        JsonNode page =
                recruiter.get("/api/candidates?status=HIRED&pageSize=25").json();

        assertThat(page.get("items").size())
                .as("a page with several hired rows")
                .isGreaterThan(3);
        assertThat(page.get("items"))
                .allSatisfy(row -> assertThat(row.get("menu").toString()).contains("Export to FactorialHr"));
        assertThat(integrationReads())
                .as(
                        "reads of the integrations table for %d rows",
                        page.get("items").size())
                .isEqualTo(1);
    }

    @Test
    void aChangeWrittenByAnotherProcessCountsFromTheNextExport() {
        ApiClient recruiter = running.signIn("RECRUITER");
        List<Long> ids = hired(recruiter, 3);
        assertThat(recruiter
                        .post("/api/candidates/" + ids.get(0) + "/exports/factorial", Map.of("values", Map.of()))
                        .status())
                .isEqualTo(200);

        // Another host on the same database found the key refused.
        jdbi().useHandle(handle -> handle.execute(
                "UPDATE integrations SET status = 'NEEDS_RECONNECTION', problem = 'Refused elsewhere.'"));
        var refused =
                recruiter.post("/api/candidates/" + ids.get(1) + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("Refused elsewhere.");

        // It was connected again there: new settings, so the connection is opened anew from them.
        jdbi().useHandle(handle -> handle.createUpdate(
                        "UPDATE integrations SET status = 'CONNECTED', problem = NULL, connected_at = ?")
                .bind(0, Instant.now().toString())
                .execute());
        statements.clear();
        var again = recruiter.post("/api/candidates/" + ids.get(2) + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(statements)
                .as("the newer settings are read once to open a new connection")
                .filteredOn(sql -> sql.contains("SELECT * FROM integrations"))
                .hasSize(1);
    }
}
