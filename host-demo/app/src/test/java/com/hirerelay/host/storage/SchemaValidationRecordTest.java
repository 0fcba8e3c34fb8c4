package com.hirerelay.host.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aDatabaseRestoredFromBeforeAMigrationIsMigratedAgain() throws Exception {
        assertRefusedAfter(
                "DELETE FROM flyway_schema_history"
                        + " WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)",
                "the last migration's tables are still there, so Flyway's second run of it fails loudly");
    }

    @Test
    void withoutAPackagedReleaseNoRecordIsKept() {
        assertThat(migrator(null).migrate()).isTrue();
        assertThat(migrator(null).migrate()).as("every start runs Flyway").isTrue();
        assertThat(record).doesNotExist();
    }
}
