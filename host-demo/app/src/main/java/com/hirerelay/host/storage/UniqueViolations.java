package com.hirerelay.host.storage;

import java.sql.SQLException;

/**
 * Tells a statement refused by a unique index (the single-flight of exports relies on one) from other
 * failures, for every dialect: PostgreSQL says so with SQLState 23505, SQLite with its UNIQUE constraint code.
 */
public final class UniqueViolations {

    private static final String POSTGRESQL_UNIQUE_VIOLATION = "23505";
    private static final int SQLITE_CONSTRAINT_UNIQUE = 2067;

    private UniqueViolations() {}

    /** @return whether the failure, or one of its causes, is a unique index refusing a row */
    public static boolean isCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (POSTGRESQL_UNIQUE_VIOLATION.equals(sql.getSQLState())
                            || sql.getErrorCode() == SQLITE_CONSTRAINT_UNIQUE
                            || String.valueOf(sql.getMessage()).contains("SQLITE_CONSTRAINT_UNIQUE"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
