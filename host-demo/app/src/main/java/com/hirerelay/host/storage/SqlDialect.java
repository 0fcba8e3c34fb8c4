package com.hirerelay.host.storage;

/**
 * The SQL databases the host can store its data in. Each has a folder of migrations of its own beside the
 * shared ones, so a statement that only one database understands (SQLite's FTS5 search index, its rowid
 * primary keys and NOCASE collation; PostgreSQL's pg_trgm index and identity columns) never reaches another.
 * Repositories ask for the dialect only where a query must differ (the candidate search).
 */
public enum SqlDialect {
    /** A single SQLite file: the demo's and a single machine's database. */
    SQLITE("sqlite"),
    /** A PostgreSQL server, shared by several host instances. */
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    SqlDialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /**
     * @return the Flyway locations of this dialect's migrations, in the order searched: the migrations every
     *     dialect shares, then this dialect's own
     */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + migrationFolder};
    }
}
