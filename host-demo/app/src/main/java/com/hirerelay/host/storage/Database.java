package com.hirerelay.host.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The host's database, reached through Jdbi: by default a SQLite file (WAL mode so readers never wait for the
 * writer, a busy time-out so concurrent writers queue instead of failing with "database is locked", foreign
 * keys on), or a PostgreSQL server that several host instances share ({@link #connect}). Either way the schema
 * is brought up to date at open by Flyway (see {@link SchemaMigrator}): a database of an earlier release
 * carries on from the version it recorded, and one of a newer release is refused. A SQLite file and its WAL
 * are readable by the owner only ({@link OwnerOnlyFiles}).
 */
public final class Database implements AutoCloseable {

    private final Path file;
    private final SqlDialect dialect;
    private final Jdbi jdbi;

    private final HikariDataSource pool;

    private Database(Path file, SqlDialect dialect, Jdbi jdbi, HikariDataSource pool) {
        this.file = file;
        this.dialect = dialect;
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
     * @throws SchemaMigrationException if the schema cannot be brought to this release's version (for example
     *     a newer release has migrated it); the file is then left as it was and nothing stays open
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
        if (parent != null) {
            SqliteNativeLibrary.useCopyIn(parent);
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
        try {
            new SchemaMigrator(
                            dataSource,
                            SqlDialect.SQLITE,
                            file.toAbsolutePath().toString(),
                            file.resolveSibling(file.getFileName() + ".flyway-validated"),
                            SchemaMigrator::packagedRelease)
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(file, SqlDialect.SQLITE, configured(Jdbi.create(dataSource)), dataSource);
    }

    /**
     * Connects to a PostgreSQL database and migrates it. Several hosts may do this at once: Flyway holds a
     * PostgreSQL advisory lock while it migrates, so one applies the migrations and the others wait for it.
     *
     * @param server the server, database and credentials
     * @return the open database
     * @throws SchemaMigrationException if the schema cannot be brought to this release's version
     * @throws DatabaseUnavailableException if the server cannot be reached or refuses the credentials
     */
    public static Database connect(DatabaseServer server) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(server.jdbcUrl());
        if (server.user() != null) {
            pool.setUsername(server.user());
        }
        if (server.password() != null) {
            pool.setPassword(server.password());
        }
        pool.setPoolName("hirerelay-postgresql");
        // Export attempts hold no connection while they call the HR system, so a small pool serves many users;
        // each instance takes at most this many of the server's max_connections (100 by default).
        pool.setMaximumPoolSize(12);
        pool.setMinimumIdle(2);
        pool.setConnectionTimeout(15_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException(
                    "Cannot connect to the database " + server + ": " + rootMessage(e), e);
        }
        try {
            new SchemaMigrator(dataSource, SqlDialect.POSTGRESQL, server.jdbcUrl()).migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(null, SqlDialect.POSTGRESQL, configured(Jdbi.create(dataSource)), dataSource);
    }

    /**
     * No statement of the host uses Jdbi's {@code <name>} templates (each SQL text is built in Java with positional
     * or named parameters): without a template engine a statement is not looked up in the template cache and
     * rendered again each time it runs, only its parameters are parsed (and that parse is cached).
     */
    private static Jdbi configured(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP);
        return jdbi;
    }

    /** @return Jdbi over this database */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** @return which kind of database this is, for the few queries that differ */
    public SqlDialect dialect() {
        return dialect;
    }

    /** @return the pooled connections, for libraries that take a DataSource (the job engine) */
    public javax.sql.DataSource dataSource() {
        return pool;
    }

    /** @return the SQLite file, or null on a PostgreSQL server */
    public Path file() {
        return file;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
