package com.hirerelay.host.storage;

/**
 * The database's schema could not be brought to this release's version, so the host does not open it: it
 * was written by a newer release, its recorded history is not one this release knows, or a migration failed.
 * The message says which and what to do. A refused open changes nothing in the database, and a migration
 * that fails is rolled back.
 */
public final class SchemaMigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SchemaMigrationException(String message) {
        super(message);
    }

    SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
