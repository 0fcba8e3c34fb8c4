package com.hirerelay.host.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.host.testing.TestPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL store: the same migration versions as SQLite with the dialect's own scripts where they differ,
 * several hosts migrating one database at once, the trigram index behind the candidate search, and credentials
 * that stay out of the URL and the logs. Runs on the build's throw-away {@link TestPostgres} server.
 */
class PostgresDatabaseTest {

    @Test
    void aNewDatabaseHasEveryVersionThatSqliteHas(@TempDir Path dir) {
        DatabaseServer server = TestPostgres.server().createDatabase(null);
        try (Database postgres = Database.connect(server);
                Database sqlite = Database.open(dir.resolve("hirerelay.db"))) {
            assertThat(postgres.dialect()).isEqualTo(SqlDialect.POSTGRESQL);
            assertThat(versions(postgres))
                    .as("each version exists for each dialect, so one release number means one schema; PostgreSQL"
                            + " alone has the shared rate budget's table (V21)")
                    .containsAll(versions(sqlite))
                    .containsExactlyInAnyOrderElementsOf(
                            java.util.stream.Stream.concat(versions(sqlite).stream(), java.util.stream.Stream.of("21"))
                                    .toList());
            String singleFlightIndex = postgres.jdbi()
                    .withHandle(handle -> handle.createQuery(
                                    "SELECT indexdef FROM pg_indexes WHERE indexname = 'export_attempts_one_running'")
                            .mapTo(String.class)
                            .one());
            assertThat(singleFlightIndex)
                    .as("the single-flight of exports rests on the same partial unique index")
                    .contains("UNIQUE")
                    .contains("IN_PROGRESS");
        }
    }

    @Test
    void threeHostsStartingAtOnceMigrateTheDatabaseOnce() throws Exception {
        DatabaseServer server = TestPostgres.server().createDatabase(null);
        ExecutorService starts = Executors.newFixedThreadPool(3);
        List<Future<Database>> opened = new ArrayList<>();
        try {
            Callable<Database> connect = () -> Database.connect(server);
            for (int i = 0; i < 3; i++) {
                opened.add(starts.submit(connect));
            }
            List<Database> databases = new ArrayList<>();
            for (Future<Database> database : opened) {
                databases.add(database.get());
            }
            int applied = databases
                    .get(0)
                    .jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success")
                            .mapTo(Integer.class)
                            .one());
            assertThat(applied)
                    .as("every migration applied exactly once although three hosts started together")
                    .isEqualTo(versions(databases.get(0)).size());
            databases.forEach(Database::close);
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void theCandidateSearchUsesTheTrigramIndex() {
        DatabaseServer server = TestPostgres.server().createDatabase(null);
        try (Database database = Database.connect(server)) {
            String plan = database.jdbi().inTransaction(handle -> {
                // On an empty table the planner rightly prefers a scan; forbid it to see the index can serve.
                handle.execute("SET LOCAL enable_seqscan = off");
                return String.join(
                        "\n",
                        handle.createQuery("EXPLAIN SELECT id FROM candidates WHERE search_text LIKE '%garc%'")
                                .mapTo(String.class)
                                .list());
            });
            assertThat(plan).as("the LIKE of the candidate list").contains("candidates_search_trigrams");
        }
    }

    @Test
    void credentialsComeFromTheEnvironmentAndStayOutOfMessages() {
        DatabaseServer server = DatabaseServer.fromEnvironment(
                "jdbc:postgresql://127.0.0.1:1/hirerelay",
                Map.of(DatabaseServer.USER_VARIABLE, "ats", DatabaseServer.PASSWORD_VARIABLE, "s3cret-Pw"));
        assertThat(server.user()).isEqualTo("ats");
        assertThat(server.password()).isEqualTo("s3cret-Pw");
        assertThat(server.toString()).doesNotContain("s3cret-Pw").contains("with a password");
        assertThatThrownBy(() -> Database.connect(server))
                .as("nobody listens on port 1")
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/hirerelay")
                .hasMessageNotContaining("s3cret-Pw");
        assertThatThrownBy(() -> new DatabaseServer("jdbc:postgresql://db/hirerelay?password=x", null, null))
                .as("a password on the command line stays in the shell history")
                .hasMessageContaining(DatabaseServer.PASSWORD_VARIABLE);
        assertThatThrownBy(() -> new DatabaseServer("jdbc:mysql://db/hirerelay", null, null))
                .hasMessageContaining("jdbc:postgresql:");
    }

    private static List<String> versions(Database database) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")
                        .mapTo(String.class)
                        .list());
    }
}
