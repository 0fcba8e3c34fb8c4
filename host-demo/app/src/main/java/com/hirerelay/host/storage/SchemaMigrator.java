package com.hirerelay.host.storage;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema to this release's version with Flyway, from the migrations under
 * {@code db/migration/common} and the dialect's own folder (see {@link SqlDialect}).
 *
 * <p>Releases before Flyway ran the same V1..V3 scripts with a migrator of their own, which recorded them in a
 * table {@code schema_version}. Such a database is baselined at the version it recorded, so Flyway applies only
 * the migrations after it, and its old table is renamed {@code legacy_schema_version} (rows kept): an older
 * release would otherwise take the database for one of its own and write to a schema it does not know.
 *
 * <p>A database that is newer than this release (a migration applied that this release does not have) is refused
 * with a {@link SchemaMigrationException} before anything is written to it.
 *
 * <p>Flyway's look at an up-to-date database (loading it, scanning the jar for the scripts, reading and checksumming
 * every one of them, comparing them with the history) was the largest part of a start. Its verdict depends only on
 * the scripts, its configuration (both fixed in a release's jar) and the rows of the history table. So after a run
 * that left nothing pending, a SQLite database gets a record beside its file ({@code <file>.flyway-validated},
 * owner-only) naming the release's jar and a SHA-256 of the history rows; a start that finds the same jar and the
 * same rows skips Flyway, and any difference (another release, a restored or edited file, a failed migration) has
 * Flyway look again as before. Without a packaged jar (a build's classes folder) no record is kept.
 */
final class SchemaMigrator {

    private static final String HISTORY_TABLE = "flyway_schema_history";
    private static final String LEGACY_TABLE = "schema_version";
    private static final String RETIRED_LEGACY_TABLE = "legacy_schema_version";

    /** What the hand-rolled migrator of earlier releases could have recorded, in order; it will record no more. */
    private static final List<LegacyMigration> LEGACY_MIGRATIONS = List.of(
            new LegacyMigration(1, "schema"),
            new LegacyMigration(2, "candidate_list_indexes"),
            new LegacyMigration(3, "candidate_search_index"));

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String databaseName;
    private final Path validatedRecord;
    private final Supplier<Optional<String>> release;
    private Flyway flyway;

    /**
     * @param dataSource the database
     * @param dialect its kind, which chooses the migrations
     * @param databaseName how messages and log lines name the database (its file)
     */
    SchemaMigrator(DataSource dataSource, SqlDialect dialect, String databaseName) {
        this(dataSource, dialect, databaseName, null, Optional::empty);
    }

    /**
     * @param validatedRecord where to keep the record of a validated history, or null for none (a shared server)
     * @param release names this release's migrations, such as its jar; empty keeps no record
     */
    SchemaMigrator(
            DataSource dataSource,
            SqlDialect dialect,
            String databaseName,
            Path validatedRecord,
            Supplier<Optional<String>> release) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.databaseName = databaseName;
        this.validatedRecord = validatedRecord;
        this.release = release;
    }

    /** The jar this class was loaded from, by path, size and time: a release's migrations; empty outside a jar. */
    static Optional<String> packagedRelease() {
        try {
            CodeSource source = SchemaMigrator.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return Optional.of(jar.toAbsolutePath() + " " + attributes.size() + " bytes "
                    + attributes.lastModifiedTime().toMillis());
        } catch (URISyntaxException | IOException | RuntimeException unknown) {
            return Optional.empty();
        }
    }

    /** Flyway, configured when first needed: an up-to-date database with a matching record needs none. */
    private Flyway flyway() {
        if (flyway == null) {
            flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocations())
                    .table(HISTORY_TABLE)
                    .loggers("slf4j")
                    // A misnamed script or a missing folder fails the start instead of being skipped without a word.
                    .validateMigrationNaming(true)
                    .failOnMissingLocations(true)
                    // By default Flyway lets an applied migration it does not know pass; here it fails validation.
                    .ignoreMigrationPatterns(new String[0])
                    .load();
        }
        return flyway;
    }

    /**
     * Baselines a database of the hand-rolled migrator, refuses one newer than this release, and applies every
     * pending migration, each in its own transaction.
     *
     * @return whether Flyway looked at the database (false: its record showed it validated and up to date)
     * @throws SchemaMigrationException if the database is refused or a migration fails
     */
    boolean migrate() {
        String thisRelease = validatedRecord == null ? null : release.get().orElse(null);
        if (thisRelease != null && validatedAsRecorded(thisRelease)) {
            LOG.debug("Database {} has the schema history this release validated before; Flyway not run", databaseName);
            return false;
        }
        try {
            Set<String> tables = tableNames();
            if (!tables.contains(HISTORY_TABLE) && tables.contains(LEGACY_TABLE)) {
                baselineLegacyHistory();
                tables = tableNames();
            }
            if (tables.contains(HISTORY_TABLE)
                    && tables.contains(LEGACY_TABLE)
                    && !tables.contains(RETIRED_LEGACY_TABLE)) {
                // Also finishes a start that stopped between the baseline and the rename.
                execute("ALTER TABLE " + LEGACY_TABLE + " RENAME TO " + RETIRED_LEGACY_TABLE);
            }
            MigrateResult result;
            try {
                result = flyway().migrate();
            } catch (FlywayValidateException e) {
                // Validation runs before any migration, so a refused database is left as it was. Looked into only
                // here: the look costs another scan of the migrations at every start.
                refuseNewerDatabase();
                throw e;
            }
            for (MigrateOutput applied : result.migrations) {
                LOG.info("Database {} migrated to version {} ({})", databaseName, applied.version, applied.description);
            }
            if (thisRelease != null) {
                record(thisRelease);
            }
            return true;
        } catch (FlywayException e) {
            throw new SchemaMigrationException(
                    "Cannot bring the database " + databaseName + " up to date: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new SchemaMigrationException(
                    "Cannot read the schema of the database " + databaseName + ": " + e.getMessage(), e);
        }
    }

    /** Records the hand-rolled migrator's last version as Flyway's baseline, after checking its history. */
    private void baselineLegacyHistory() throws SQLException {
        List<LegacyMigration> recorded = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT version, name FROM " + LEGACY_TABLE + " ORDER BY version")) {
            while (rows.next()) {
                recorded.add(new LegacyMigration(rows.getInt(1), rows.getString(2)));
            }
        }
        if (recorded.isEmpty()) {
            // The old migrator created its table before the first migration; a start that stopped right there
            // left no schema either, so Flyway starts from zero.
            execute("DROP TABLE " + LEGACY_TABLE);
            return;
        }
        if (!recorded.equals(LEGACY_MIGRATIONS.subList(0, Math.min(recorded.size(), LEGACY_MIGRATIONS.size())))) {
            LegacyMigration last = recorded.get(recorded.size() - 1);
            throw new SchemaMigrationException("The database " + databaseName + " records schema version "
                    + last.version() + " (" + last.name() + ") in its table " + LEGACY_TABLE
                    + ", which this release of HireRelay does not know (it knows "
                    + LEGACY_MIGRATIONS.get(LEGACY_MIGRATIONS.size() - 1).version()
                    + " and earlier from that table). It was probably written by another release; start that"
                    + " release, or restore a backup of the data folder made for this one. Nothing was changed.");
        }
        LegacyMigration last = recorded.get(recorded.size() - 1);
        Flyway.configure(SchemaMigrator.class.getClassLoader())
                .configuration(flyway().getConfiguration())
                .baselineVersion(MigrationVersion.fromVersion(Integer.toString(last.version())))
                .baselineDescription("recorded as " + last.name() + " in " + LEGACY_TABLE)
                .load()
                .baseline();
        LOG.info(
                "Database {} was at version {} ({}) of the migrator of earlier releases; Flyway carries on from there",
                databaseName,
                last.version(),
                last.name());
    }

    /** Refuses a database that a newer release has migrated further than this one can. */
    private void refuseNewerDatabase() {
        MigrationInfo[] all = flyway().info().all();
        List<String> unknown = Arrays.stream(all)
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                        || info.getState() == MigrationState.FUTURE_FAILED)
                .map(info -> info.getVersion() + " (" + info.getDescription() + ")")
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        String newestKnown = Arrays.stream(all)
                .filter(info -> info.getState().isResolved() && info.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::toString)
                .orElse("none");
        throw new SchemaMigrationException("The database " + databaseName + " was migrated by a newer release of"
                + " HireRelay: it has schema version " + String.join(", ", unknown)
                + ", and this release knows versions up to " + newestKnown
                + ". Start the newer release again, or restore a backup of the data folder made for this one."
                + " Nothing was changed.");
    }

    /** @return whether the record names this release and the history as it is now */
    private boolean validatedAsRecorded(String thisRelease) {
        try {
            return Files.isRegularFile(validatedRecord)
                    && Files.readString(validatedRecord, StandardCharsets.UTF_8).equals(state(thisRelease));
        } catch (IOException | SQLException | RuntimeException unreadable) {
            // No history table yet, an unreadable record: Flyway decides, as without a record.
            return false;
        }
    }

    /** Notes that this release's Flyway found the history as it is now valid with nothing pending. */
    private void record(String thisRelease) {
        try {
            String state = state(thisRelease);
            // Written whole under another name, then moved: a start never reads half a record.
            Path partial = validatedRecord.resolveSibling(validatedRecord.getFileName() + ".partial");
            OwnerOnlyFiles.createFile(partial);
            Files.writeString(partial, state, StandardCharsets.UTF_8);
            Files.move(partial, validatedRecord, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | SQLException | RuntimeException failed) {
            // Only the next start's shortcut is lost: Flyway looks again then.
            LOG.debug("No record of the validated schema of {}: {}", databaseName, failed.toString());
        }
    }

    private String state(String thisRelease) throws SQLException {
        return "release " + thisRelease + "\n" + "dialect " + dialect + "\n" + "history " + historyDigest() + "\n";
    }

    /** A SHA-256 of every row of Flyway's history, in order, with every column its validation compares. */
    private String historyDigest() throws SQLException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT installed_rank, version, description, type, script,"
                        + " checksum, success FROM " + HISTORY_TABLE + " ORDER BY installed_rank")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    digest.update(String.valueOf(rows.getString(column)).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0x1f);
                }
                digest.update((byte) 0x1e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The tables of the connection's schema, found through JDBC's metadata so that this works for every dialect. */
    private Set<String> tableNames() throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
                // The connection's own schema only: a PostgreSQL server may hold other schemas' tables.
                ResultSet tables =
                        connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A row of the hand-rolled migrator's {@code schema_version} table. */
    private record LegacyMigration(int version, String name) {}
}
