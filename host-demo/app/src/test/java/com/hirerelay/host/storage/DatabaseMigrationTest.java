package com.hirerelay.host.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a database migrates it with Flyway: a new one from zero, one written by the releases before Flyway
 * (which ran the same scripts with a migrator of their own and recorded them in {@code schema_version}) from the
 * version it recorded, with every row kept; one written by a newer release is refused.
 *
 * <p>The fixture {@code storage/hand-rolled-release/hirerelay.db} is a real data folder's database from the last
 * release before Flyway (commit 41ab654), made with its packaged jar: {@code java -jar host-demo.jar --data-dir DIR
 * --port 0 --sandbox-port 0} seeded the demo data; through the HTTP API the admin signed in, connected Factorial to
 * the embedded sandbox, exported candidates 34 and 31 (created) and 34 again (already exists), and renamed candidate
 * 22 to Ferreira-Migrated; then the host was stopped with SIGTERM. Its {@code master.key} was not kept: the test
 * compares the encrypted secret byte for byte instead of decrypting it.
 */
class DatabaseMigrationTest {

    private static final String FIXTURE = "/storage/hand-rolled-release/hirerelay.db";
    private static final List<String> THIS_RELEASES_TABLES = List.of(
            "candidate_search",
            "candidates",
            "employee_updates",
            "export_attempts",
            "export_baselines",
            "export_steps",
            "host_instances",
            "integrations",
            "jobs",
            "sessions",
            "stages",
            "users");

    @Test
    void aDatabaseOfTheReleaseBeforeFlywayOpensWithEveryRowKept(@TempDir Path dir) throws Exception {
        Path file = copyFixture(dir);
        Map<String, List<String>> before = rowsOfEveryTable(file);
        assertThat(before)
                .as("the fixture holds the seeded ATS, one connected integration and three exports")
                .containsKeys("users", "candidates", "export_attempts", "integrations", "schema_version");
        assertThat(before.get("users")).hasSize(4);
        assertThat(before.get("candidates")).hasSize(36);
        assertThat(before.get("export_attempts")).hasSize(3);
        assertThat(before.get("integrations")).hasSize(1);

        try (Database database = Database.open(file)) {
            assertThat(history(database))
                    .as("baselined at the version the old migrator recorded, nothing before it run again")
                    .containsExactly(
                            new HistoryRow(
                                    "3", "recorded as candidate_search_index in schema_version", "BASELINE", true),
                            new HistoryRow("4", "integration needs attention", "SQL", true),
                            new HistoryRow("5", "session details", "SQL", true),
                            new HistoryRow("6", "export steps", "SQL", true),
                            new HistoryRow("7", "export attempt labels", "SQL", true),
                            new HistoryRow("15", "mapping rules", "SQL", true),
                            new HistoryRow("16", "scheduled tasks", "SQL", true),
                            new HistoryRow("17", "automation", "SQL", true),
                            new HistoryRow("20", "host instances", "SQL", true),
                            new HistoryRow("22", "candidate documents", "SQL", true),
                            new HistoryRow("23", "document uploads", "SQL", true),
                            new HistoryRow("27", "export baselines", "SQL", true),
                            new HistoryRow("28", "employee updates", "SQL", true),
                            new HistoryRow("30", "on hired review", "SQL", true),
                            new HistoryRow("31", "review queue", "SQL", true),
                            new HistoryRow("32", "scheduled exports", "SQL", true),
                            new HistoryRow("33", "notifications", "SQL", true),
                            new HistoryRow("36", "bulk exports", "SQL", true),
                            new HistoryRow("37", "automatic updates", "SQL", true),
                            new HistoryRow("40", "review dismissals", "SQL", true),
                            new HistoryRow("41", "scheduled export edits", "SQL", true),
                            new HistoryRow("43", "plugin jars", "SQL", true),
                            new HistoryRow("46", "candidate counts", "SQL", true),
                            new HistoryRow("47", "candidate search merged", "SQL", true));
            List<String> exportStates = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT state FROM export_attempts ORDER BY id")
                            .mapTo(String.class)
                            .list());
            assertThat(exportStates).containsExactly("CREATED", "CREATED", "ALREADY_EXISTS");
            assertThat(countedCandidates(database, null))
                    .as("V46 counted every candidate of the release before Flyway")
                    .isEqualTo(36);
            // FTS5 compares its index with the candidates' text and fails the statement on any difference
            database.jdbi()
                    .useHandle(handle -> handle.execute(
                            "INSERT INTO candidate_search (candidate_search) VALUES ('integrity-check')"));
            String integration = database.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT connector_id || ' ' || status || ' ' || account_name FROM integrations")
                            .mapTo(String.class)
                            .one());
            assertThat(integration).isEqualTo("factorial CONNECTED Acme Robotics");
        }

        Map<String, List<String>> after = rowsOfEveryTable(file);
        for (Map.Entry<String, List<String>> table : before.entrySet()) {
            if (table.getKey().startsWith("candidate_search_")) {
                continue; // the search index's own storage, which V47 rewrites as one segment: checked below
            }
            String name = table.getKey().equals("schema_version") ? "legacy_schema_version" : table.getKey();
            List<String> rowsAfter = after.get(name);
            assertThat(rowsAfter)
                    .as(
                            "rows of %s after the migration (the old schema_version table is kept as %s)",
                            table.getKey(), name)
                    .hasSameSizeAs(table.getValue());
            // Columns later migrations added (V5 gave sessions a public id, V20 attempts their host instance) come
            // after the old ones.
            for (int i = 0; i < rowsAfter.size(); i++) {
                assertThat(rowsAfter.get(i))
                        .as("row %d of %s keeps every old column's value", i, name)
                        .startsWith(table.getValue().get(i));
            }
        }
        assertThat(after).as("the old migrator's table no longer looks current").doesNotContainKey("schema_version");
    }

    @Test
    void aDatabaseOfTheReleaseBeforeFlywayEndsWithTheSchemaOfANewOne(@TempDir Path dir) throws Exception {
        Path upgraded = copyFixture(dir);
        Database.open(upgraded).close();
        Path fresh = dir.resolve("fresh/hirerelay.db");
        Database.open(fresh).close();

        assertThat(schema(upgraded)).isEqualTo(schema(fresh));
        assertThat(schema(fresh).keySet())
                .containsAll(THIS_RELEASES_TABLES.stream()
                        .map(table -> "table " + table)
                        .toList());
    }

    @Test
    void aDatabaseOfTheReleaseBeforeFlywayCarriesOnTakingWrites(@TempDir Path dir) throws Exception {
        try (Database database = Database.open(copyFixture(dir))) {
            database.jdbi()
                    .useHandle(
                            handle -> handle.execute(
                                    "INSERT INTO candidates (first_name, last_name, status, search_text, created_at)"
                                            + " VALUES ('Zofia', 'Quennell', 'ACTIVE', 'zofia quennell', '2026-12-01T08:00:00Z')"));
            assertThat(searchIndexMatches(database, "quennell"))
                    .as("the search index's triggers still follow new candidates")
                    .isEqualTo(1);
            assertThat(searchIndexMatches(database, "ferreira-migrated"))
                    .as("an edit made under the old release is in the search index")
                    .isEqualTo(1);

            long candidate = database.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT id FROM candidates WHERE last_name = 'Quennell'")
                            .mapTo(Long.class)
                            .one());
            String running = "INSERT INTO export_attempts (candidate_id, candidate_name, connector_id, connector_name,"
                    + " user_id, user_name, started_at, state, draft_json)"
                    + " VALUES (" + candidate + ", 'Zofia Quennell', 'factorial', 'FactorialHr', 1, 'Alice Admin',"
                    + " '2026-12-01T08:00:00Z', 'IN_PROGRESS', '{}')";
            database.jdbi().useHandle(handle -> handle.execute(running));
            assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute(running)))
                    .as("still at most one running export of a candidate with a connector")
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .hasMessageContaining("UNIQUE");
        }
    }

    @Test
    void aDatabaseLeftAtAnEarlierVersionOfTheOldMigratorGetsOnlyTheLaterMigrations(@TempDir Path dir) throws Exception {
        // What the release that shipped only V1 did to a new data folder, step by step.
        Path file = dir.resolve("hirerelay.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    + " name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            connection.setAutoCommit(false);
            for (String sql : resource("/db/migration/sqlite/V1__schema.sql").split(";\\s*\\n")) {
                if (!sql.replaceAll("--[^\\n]*", "").isBlank()) {
                    statement.execute(sql);
                }
            }
            statement.execute("INSERT INTO schema_version (version, name, applied_at)"
                    + " VALUES (1, 'schema', datetime('now'))");
            connection.commit();
            statement.execute("INSERT INTO candidates (first_name, last_name, status, search_text, created_at)"
                    + " VALUES ('Aino', 'Virtanen', 'HIRED', 'aino virtanen', '2025-01-01T00:00:00Z')");
            connection.commit();
        }

        try (Database database = Database.open(file)) {
            assertThat(history(database))
                    .containsExactly(
                            new HistoryRow("1", "recorded as schema in schema_version", "BASELINE", true),
                            new HistoryRow("2", "candidate list indexes", "SQL", true),
                            new HistoryRow("3", "candidate search index", "SQL", true),
                            new HistoryRow("4", "integration needs attention", "SQL", true),
                            new HistoryRow("5", "session details", "SQL", true),
                            new HistoryRow("6", "export steps", "SQL", true),
                            new HistoryRow("7", "export attempt labels", "SQL", true),
                            new HistoryRow("15", "mapping rules", "SQL", true),
                            new HistoryRow("16", "scheduled tasks", "SQL", true),
                            new HistoryRow("17", "automation", "SQL", true),
                            new HistoryRow("20", "host instances", "SQL", true),
                            new HistoryRow("22", "candidate documents", "SQL", true),
                            new HistoryRow("23", "document uploads", "SQL", true),
                            new HistoryRow("27", "export baselines", "SQL", true),
                            new HistoryRow("28", "employee updates", "SQL", true),
                            new HistoryRow("30", "on hired review", "SQL", true),
                            new HistoryRow("31", "review queue", "SQL", true),
                            new HistoryRow("32", "scheduled exports", "SQL", true),
                            new HistoryRow("33", "notifications", "SQL", true),
                            new HistoryRow("36", "bulk exports", "SQL", true),
                            new HistoryRow("37", "automatic updates", "SQL", true),
                            new HistoryRow("40", "review dismissals", "SQL", true),
                            new HistoryRow("41", "scheduled export edits", "SQL", true),
                            new HistoryRow("43", "plugin jars", "SQL", true),
                            new HistoryRow("46", "candidate counts", "SQL", true),
                            new HistoryRow("47", "candidate search merged", "SQL", true));
            assertThat(searchIndexMatches(database, "virtanen"))
                    .as("V3 indexed the candidate that was there before it")
                    .isEqualTo(1);
            assertThat(countedCandidates(database, "HIRED"))
                    .as("V46 counted the candidate that was there before it")
                    .isEqualTo(1);
        }
        Path fresh = dir.resolve("fresh/hirerelay.db");
        Database.open(fresh).close();
        assertThat(schema(file)).isEqualTo(schema(fresh));
    }

    @Test
    void aNewDataFolderIsMigratedFromZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/hirerelay.db");
        try (Database database = Database.open(file)) {
            assertThat(history(database))
                    .containsExactly(
                            new HistoryRow("1", "schema", "SQL", true),
                            new HistoryRow("2", "candidate list indexes", "SQL", true),
                            new HistoryRow("3", "candidate search index", "SQL", true),
                            new HistoryRow("4", "integration needs attention", "SQL", true),
                            new HistoryRow("5", "session details", "SQL", true),
                            new HistoryRow("6", "export steps", "SQL", true),
                            new HistoryRow("7", "export attempt labels", "SQL", true),
                            new HistoryRow("15", "mapping rules", "SQL", true),
                            new HistoryRow("16", "scheduled tasks", "SQL", true),
                            new HistoryRow("17", "automation", "SQL", true),
                            new HistoryRow("20", "host instances", "SQL", true),
                            new HistoryRow("22", "candidate documents", "SQL", true),
                            new HistoryRow("23", "document uploads", "SQL", true),
                            new HistoryRow("27", "export baselines", "SQL", true),
                            new HistoryRow("28", "employee updates", "SQL", true),
                            new HistoryRow("30", "on hired review", "SQL", true),
                            new HistoryRow("31", "review queue", "SQL", true),
                            new HistoryRow("32", "scheduled exports", "SQL", true),
                            new HistoryRow("33", "notifications", "SQL", true),
                            new HistoryRow("36", "bulk exports", "SQL", true),
                            new HistoryRow("37", "automatic updates", "SQL", true),
                            new HistoryRow("40", "review dismissals", "SQL", true),
                            new HistoryRow("41", "scheduled export edits", "SQL", true),
                            new HistoryRow("43", "plugin jars", "SQL", true),
                            new HistoryRow("46", "candidate counts", "SQL", true),
                            new HistoryRow("47", "candidate search merged", "SQL", true));
        }
        try (Database reopened = Database.open(file)) {
            assertThat(history(reopened)).as("opening again applies nothing").hasSize(26);
            reopened.jdbi()
                    .useHandle(handle -> handle.execute(
                            "INSERT INTO candidates (first_name, last_name, status, search_text, created_at)"
                                    + " VALUES ('Ana', 'Lucía', 'ACTIVE', 'ana lucía', '2026-12-01T08:00:00Z')"));
            assertThat(searchIndexMatches(reopened, "lucía")).isEqualTo(1);
            assertThat(countedCandidates(reopened, "ACTIVE"))
                    .as("V46's trigger counts a candidate added after it")
                    .isEqualTo(1);
        }
        assertThat(schema(file).keySet())
                .containsAll(THIS_RELEASES_TABLES.stream()
                        .map(table -> "table " + table)
                        .toList())
                .contains(
                        "trigger candidates_search_insert",
                        "trigger candidates_search_update",
                        "trigger candidates_search_delete",
                        "index export_attempts_one_running",
                        "index candidates_by_job_status")
                .doesNotContain("table schema_version", "table legacy_schema_version");
    }

    @Test
    void aDatabaseMigratedByANewerReleaseIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hirerelay.db");
        Database.open(file).close();
        // A newer release: the same migrations and one more.
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + file, null, null)
                .locations(
                        "classpath:db/migration/common",
                        "classpath:db/migration/sqlite",
                        "classpath:storage/newer-release")
                .load()
                .migrate();
        Map<String, List<String>> before = rowsOfEveryTable(file);

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("was migrated by a newer release of HireRelay")
                .hasMessageContaining("schema version 99 (added by a newer release)")
                .hasMessageContaining("this release knows versions up to 47")
                .hasMessageContaining(file.toAbsolutePath().toString());
        assertThat(rowsOfEveryTable(file))
                .as("nothing written to the refused database")
                .isEqualTo(before);
    }

    @Test
    void aDatabaseWhoseOldHistoryThisReleaseDoesNotKnowIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path file = copyFixture(dir);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version (version, name, applied_at)"
                    + " VALUES (4, 'something_else', datetime('now'))");
        }
        Map<String, List<String>> before = rowsOfEveryTable(file);

        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("records schema version 4 (something_else)")
                .hasMessageContaining("does not know");
        assertThat(rowsOfEveryTable(file))
                .as("no baseline recorded, the old table left in place")
                .isEqualTo(before)
                .doesNotContainKey("flyway_schema_history");
    }

    private static Path copyFixture(Path dir) throws IOException {
        Path file = dir.resolve("hirerelay.db");
        try (InputStream in = DatabaseMigrationTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as("test resource " + FIXTURE).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DatabaseMigrationTest.class.getResourceAsStream(name)) {
            assertThat(in).as("resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private record HistoryRow(String version, String description, String type, boolean success) {}

    private static List<HistoryRow> history(Database database) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT version, description, type, success FROM flyway_schema_history ORDER BY installed_rank")
                        .map((rs, ctx) -> new HistoryRow(
                                rs.getString("version"),
                                rs.getString("description"),
                                rs.getString("type"),
                                rs.getBoolean("success")))
                        .list());
    }

    private static int searchIndexMatches(Database database, String text) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT COUNT(*) FROM candidate_search WHERE candidate_search MATCH :text")
                        .bind("text", "\"" + text + "\"")
                        .mapTo(Integer.class)
                        .one());
    }

    /** @return the candidates with the status (null for any) as V46's {@code candidate_counts} holds them */
    private static long countedCandidates(Database database, String status) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COALESCE(SUM(n), 0) FROM candidate_counts"
                                + (status == null ? "" : " WHERE status = :status"))
                        .bindMap(status == null ? Map.of() : Map.of("status", status))
                        .mapTo(Long.class)
                        .one());
    }

    /** Every table's rows as sorted text, read through a plain connection of its own. */
    private static Map<String, List<String>> rowsOfEveryTable(Path file) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String name : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM \"" + name + "\"")) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            Object value = result.getObject(column);
                            row.append(columns.getColumnName(column))
                                    .append('=')
                                    .append(
                                            value instanceof byte[] bytes
                                                    ? HexFormat.of().formatHex(bytes)
                                                    : value)
                                    .append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(name, rows);
            }
        }
        return tables;
    }

    /** The schema's tables, indexes and triggers ("type name" to their SQL), without the migrators' own tables. */
    private static Map<String, String> schema(Path file) throws SQLException {
        Map<String, String> objects = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT type, name, sql FROM sqlite_master"
                        + " WHERE name NOT IN ('flyway_schema_history', 'legacy_schema_version', 'schema_version')"
                        + " AND name NOT LIKE 'sqlite_autoindex_flyway%'")) {
            while (rows.next()) {
                objects.put(rows.getString("type") + " " + rows.getString("name"), normalized(rows.getString("sql")));
            }
        }
        return objects;
    }

    /** SQL as SQLite keeps it, without comments and with single spaces, so the same DDL compares equal. */
    private static String normalized(String sql) {
        return sql == null
                ? ""
                : sql.replaceAll("--[^\\n]*", "").replaceAll("\\s+", " ").strip();
    }
}
