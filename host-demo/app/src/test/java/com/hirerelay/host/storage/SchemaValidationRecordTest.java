package com.hirerelay.host.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The record beside a SQLite file that lets a start of the same release skip Flyway on a history Flyway already
 * found valid and up to date; anything else has Flyway look again.
 */
class SchemaValidationRecordTest {

    @TempDir
    Path folder;

    private Path file;
    private Path record;
    private SQLiteDataSource sqlite;

    @BeforeEach
    void database() {
        file = folder.resolve("hirerelay.db");
        record = folder.resolve("hirerelay.db.flyway-validated");
        sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + file);
    }

    private SchemaMigrator migrator(String release) {
        return new SchemaMigrator(
                sqlite, SqlDialect.SQLITE, file.toString(), record, () -> Optional.ofNullable(release));
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = sqlite.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void aSecondStartOfTheSameReleaseOnAnUnchangedHistorySkipsFlyway() throws Exception {
        assertThat(migrator("release 1").migrate())
                .as("the first start runs Flyway")
                .isTrue();
        assertThat(record).as("the record after Flyway found nothing pending").exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record)))
                .as("the record's permissions")
                .isEqualTo("rw-------");

        assertThat(migrator("release 1").migrate()).as("the second start").isFalse();
    }

    @Test
    void anotherReleaseHasFlywayLookAgain() {
        migrator("release 1").migrate();

        assertThat(migrator("release 2").migrate())
                .as("a start of another release")
                .isTrue();
        assertThat(migrator("release 2").migrate()).as("and the one after it").isFalse();
    }

    /** Flyway validated and recorded the history, then {@code change} altered it: the next start must not skip. */
    private void assertRefusedAfter(String change, String description) throws Exception {
        migrator("release 1").migrate();
        execute(change);

        assertThatThrownBy(() -> migrator("release 1").migrate())
                .as(description)
                .isInstanceOf(SchemaMigrationException.class);
    }

    @Test
    void anEditedHistoryIsValidatedByFlywayAndRefused() throws Exception {
        assertRefusedAfter(
                "UPDATE flyway_schema_history SET checksum = 1 WHERE version = '2'",
                "a history that no longer matches the scripts");
    }

    @Test
    void aFailedMigrationInTheHistoryIsNotSkipped() throws Exception {
        assertRefusedAfter(
                "UPDATE flyway_schema_history SET success = 0"
                        + " WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)",
                "a history with a failed migration");
    }

    @Test
    void aDatabaseRestoredFromBeforeAMigrationIsNotSkipped() throws Exception {
        migrator("release 1").migrate();
        long recorded = historyRows();
        execute("DELETE FROM flyway_schema_history"
                + " WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)");

        // Flyway runs the missing migration again: a script that can run twice (V47 rebuilds a search index) is
        // applied and recorded, one that cannot fails the start loudly. Either way the start does not skip.
        Throwable refused = catchThrowable(() ->
                assertThat(migrator("release 1").migrate()).as("Flyway ran").isTrue());
        if (refused == null) {
            assertThat(historyRows()).as("the migration recorded again").isEqualTo(recorded);
        } else {
            assertThat(refused).isInstanceOf(SchemaMigrationException.class);
        }
    }

    private long historyRows() throws Exception {
        try (Connection connection = sqlite.getConnection();
                Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM flyway_schema_history")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void withoutAPackagedReleaseNoRecordIsKept() {
        assertThat(migrator(null).migrate()).isTrue();
        assertThat(migrator(null).migrate()).as("every start runs Flyway").isTrue();
        assertThat(record).doesNotExist();
    }
}
