package com.hirerelay.host.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The host's SQLite database, reached through Jdbi: WAL mode so readers never wait for the writer, a busy
 * time-out so concurrent writers queue instead of failing with "database is locked", foreign keys on, and
 * the schema brought up to date by versioned migrations at open. The file and its WAL are readable by the
 * owner only ({@link OwnerOnlyFiles}).
 *
 * <p>Migrations are the classpath resources {@code db/migration/V<n>__<name>.sql} listed in
 * {@code db/migration/index.txt}, applied in ascending {@code n}, each in its own transaction, and
 * recorded in {@code schema_version}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    private final Path file;
    private final Jdbi jdbi;

    private final HikariDataSource pool;

    private Database(Path file, Jdbi jdbi, HikariDataSource pool) {
        this.file = file;
        this.jdbi = jdbi;
        this.pool = pool;
    }

    /** Closes the pooled connections. */
    @Override
    public void close() {
        pool.close();
    }

    /**
     * Opens (creating if needed) the database file and migrates it.
     *
     * @param file the SQLite file
     * @return the open database
     */
    public static Database open(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            OwnerOnlyFiles.createFolder(parent);
        }
        // SQLite gives the WAL and shared-memory files the database file's permissions: create it owner-only
        // before SQLite does (an empty file is a valid empty database), and tighten files an older version left.
        OwnerOnlyFiles.createFile(file);
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            OwnerOnlyFiles.restrict(file.resolveSibling(file.getFileName() + suffix));
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        // Deleted rows (a removed integration's encrypted secret) are overwritten, not left in free pages.
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        // Reused connections: opening one runs five PRAGMAs, which cost more than most of our queries.
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(sqlite);
        pool.setPoolName("hirerelay-sqlite");
        pool.setMaximumPoolSize(8);
        pool.setMinimumIdle(2);
        pool.setConnectionTimeout(15_000);
        HikariDataSource dataSource = new HikariDataSource(pool);
        Database database = new Database(file, Jdbi.create(dataSource), dataSource);
        database.migrate();
        return database;
    }

    /** @return Jdbi over this database */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** @return the database file */
    public Path file() {
        return file;
    }

    private void migrate() {
        jdbi.useHandle(handle -> handle.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                        + " applied_at TEXT NOT NULL)"));
        int current =
                jdbi.withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")
                        .mapTo(Integer.class)
                        .one());
        for (Migration migration : migrations()) {
            if (migration.version() <= current) {
                continue;
            }
            jdbi.useTransaction(handle -> {
                runScript(handle, migration.sql());
                handle.createUpdate(
                                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, datetime('now'))")
                        .bind(0, migration.version())
                        .bind(1, migration.name())
                        .execute();
            });
            LOG.info(
                    "Database {} migrated to version {} ({})",
                    file.getFileName(),
                    migration.version(),
                    migration.name());
        }
    }

    /**
     * Runs a migration statement by statement: a statement ends with a line ending in ';', except inside
     * a CREATE TRIGGER, whose body ends with the line 'END;'.
     */
    private static void runScript(Handle handle, String sql) {
        StringBuilder statement = new StringBuilder();
        for (String line : sql.split("\\r?\\n")) {
            String trimmed = line.strip();
            if (statement.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            statement.append(line).append('\n');
            boolean inTrigger = statement
                    .toString()
                    .stripLeading()
                    .toUpperCase(java.util.Locale.ROOT)
                    .startsWith("CREATE TRIGGER");
            if (trimmed.endsWith(";") && (!inTrigger || trimmed.equalsIgnoreCase("END;"))) {
                handle.execute(statement.toString().strip());
                statement.setLength(0);
            }
        }
        if (!statement.toString().isBlank()) {
            handle.execute(statement.toString().strip());
        }
    }

    private static List<Migration> migrations() {
        List<Migration> result = new ArrayList<>();
        for (String name : resource("db/migration/index.txt")
                .lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList()) {
            Matcher matcher = MIGRATION.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("Migration file name '" + name + "' must look like V1__name.sql");
            }
            result.add(new Migration(
                    Integer.parseInt(matcher.group(1)), matcher.group(2), resource("db/migration/" + name)));
        }
        result.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return result;
    }

    private static String resource(String name) {
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Migration(int version, String name, String sql) {}
}
