package com.hirerelay.host.storage;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A PostgreSQL server the host keeps its data in instead of the SQLite file, so that several host instances
 * share one database. The user and password come from the environment ({@link #fromEnvironment}), never from
 * the command line, where they would stay in the shell's history and in the process list.
 *
 * @param jdbcUrl a {@code jdbc:postgresql://host:port/database} URL, without credentials
 * @param user the database user, or null to let the driver use its default (the URL's or the OS user)
 * @param password the user's password, or null; never logged and left out of {@link #toString()}
 */
public record DatabaseServer(String jdbcUrl, String user, String password) {

    /** The environment variable holding the database user. */
    public static final String USER_VARIABLE = "HIRERELAY_DB_USER";

    /** The environment variable holding the database password. */
    public static final String PASSWORD_VARIABLE = "HIRERELAY_DB_PASSWORD";

    private static final String PREFIX = "jdbc:postgresql:";

    /**
     * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL, or carries a password (which
     *     belongs in {@value #PASSWORD_VARIABLE})
     */
    public DatabaseServer {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("The database URL must start with " + PREFIX
                    + " (PostgreSQL); leave it out to keep the data in the SQLite file of the data folder");
        }
        if (jdbcUrl.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new IllegalArgumentException("The database URL must not carry a password: set " + PASSWORD_VARIABLE
                    + " (and " + USER_VARIABLE + ") in the host's environment instead");
        }
    }

    /**
     * @param jdbcUrl the server's URL
     * @param environment the process environment (usually {@link System#getenv()})
     * @return the server with the credentials of {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}
     */
    public static DatabaseServer fromEnvironment(String jdbcUrl, Map<String, String> environment) {
        return new DatabaseServer(
                jdbcUrl, blankToNull(environment.get(USER_VARIABLE)), environment.get(PASSWORD_VARIABLE));
    }

    /** @return the URL, the user and whether a password is set: what a log line may show */
    @Override
    public String toString() {
        return jdbcUrl + " as " + (user == null ? "the default user" : user)
                + (password == null ? " without a password" : " with a password");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
