package com.hirerelay.host.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How often a request reads the integrations table: once per export and once per page of candidates, however many
 * rows and menus the page has; the parsed settings and the open connection are kept between requests, and a
 * change written by another process (another host on the same database) counts from the next request on.
 */
class IntegrationReadsTest {

    // A host per test: one test changes the stored integration behind the host's back.
    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perTest().connected();

    final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void recordStatements() {
        jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.add(context.getRenderedSql());
            }
        });
    }

    private static Jdbi jdbi() {
        return host.jdbi();
    }

    private long integrationReads() {
        return statements.stream()
                .filter(sql -> sql.contains("FROM integrations"))
                .count();
    }

    private static List<Long> hired(int count) {
        return host.hiredCandidates(count).stream()
                .map(row -> row.get("id").asLong())
                .toList();
    }

    @Test
    void anExportReadsTheIntegrationsOnceAndReusesTheOpenConnection() {
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        List<Long> ids = hired(2);
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
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
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
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        List<Long> ids = hired(3);
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

    @Test
    void anApiVersionUpgradedByAnotherProcessIsUsedFromTheNextExport() {
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        List<Long> ids = hired(2);
        assertThat(recruiter
                        .post("/api/candidates/" + ids.get(0) + "/exports/factorial", Map.of("values", Map.of()))
                        .status())
                .isEqualTo(200);
        String before = host.sandbox()
                .requests()
                .get(host.sandbox().requests().size() - 1)
                .version();

        // Another host on the same database upgraded the API version: the settings change, the connection instant
        // stays.
        String upgraded = before.equals("2027-01-01") ? "2026-07-01" : "2027-01-01";
        jdbi().useHandle(handle -> handle.createUpdate(
                        "UPDATE integrations SET settings_json = replace(settings_json, ?, ?)")
                .bind(0, "\"" + before + "\"")
                .bind(1, "\"" + upgraded + "\"")
                .execute());
        host.sandbox().clearRequests();
        var again = recruiter.post("/api/candidates/" + ids.get(1) + "/exports/factorial", Map.of("values", Map.of()));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(host.sandbox().requests())
                .as("the export's requests speak the version stored now, not the one the open connection had")
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.version()).isEqualTo(upgraded));
    }
}
