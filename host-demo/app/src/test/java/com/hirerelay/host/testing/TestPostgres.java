package com.hirerelay.host.testing;

import com.hirerelay.host.storage.DatabaseServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, without Docker: Debian's {@code postgresql} binaries (installed by
 * {@code .ci/install-test-deps}) run a throw-away cluster in a temporary folder on a free loopback port, one per
 * test JVM, stopped and deleted when the JVM exits. Each test host gets a database of its own, copied from a
 * template ({@code CREATE DATABASE ... TEMPLATE}), so hosts never see each other's rows.
 *
 * <p>PostgreSQL refuses to run as root; when the build runs as root (a CI container), the cluster is owned by and
 * run as the {@code postgres} user that the Debian package creates.
 *
 * <p>The tests choose the store with the system property {@value #STORE_PROPERTY}: {@code postgresql} runs every
 * {@link RunningHostExtension} host on this server, anything else (the default) on SQLite. The benchmarks module
 * uses the same class (this module's test jar) for its PostgreSQL figures.
 */
public final class TestPostgres {

    /** The system property that puts the test hosts on PostgreSQL. */
    public static final String STORE_PROPERTY = "hirerelay.test.store";

    private static final String USER = "hirerelay";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres server; // guarded by TestPostgres.class

    private final Path bin;
    private final Path cluster;
    private final int port;
    private final List<String> asOwner;

    private TestPostgres(Path bin, Path cluster, int port, List<String> asOwner) {
        this.bin = bin;
        this.cluster = cluster;
        this.port = port;
        this.asOwner = asOwner;
    }

    /** @return whether the test hosts of this JVM run on PostgreSQL */
    public static boolean selected() {
        return "postgresql".equalsIgnoreCase(System.getProperty(STORE_PROPERTY, ""));
    }

    /**
     * @return whether PostgreSQL's server binaries are here to start a server with; the benchmarks skip their
     *     PostgreSQL figures when not
     */
    public static boolean installed() {
        try {
            binaries();
            return true;
        } catch (IllegalStateException notInstalled) {
            return false;
        }
    }

    /** @return this JVM's server, started at the first call */
    public static synchronized TestPostgres server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /**
     * Creates an empty database, or a copy of {@code template}.
     *
     * @param template the database to copy, or null for an empty one
     * @return the new database, with the credentials of this server
     */
    public DatabaseServer createDatabase(String template) {
        String name = "hirerelay_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        return database(name);
    }

    /** @return the database of that name on this server */
    public DatabaseServer database(String name) {
        return new DatabaseServer(jdbcUrl(name), USER, "not-checked-by-a-trust-cluster");
    }

    /** @return the name of the database at that URL */
    public static String databaseName(DatabaseServer database) {
        String url = database.jdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Runs one statement in that database, as the cluster's owner. */
    public void execute(String database, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test PostgreSQL refused: " + sql + ": " + e.getMessage(), e);
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static TestPostgres start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> asOwner = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
        try {
            Path cluster = Files.createTempDirectory("hirerelay-postgres-");
            if (root) {
                run(List.of("chown", "postgres", cluster.toString()), List.of(), cluster);
            }
            run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            cluster.resolve("data").toString(),
                            "-U",
                            USER,
                            "--auth=trust",
                            "--encoding=UTF8",
                            "--no-locale",
                            "--no-sync"),
                    asOwner,
                    cluster);
            IllegalStateException failure = null;
            for (int tries = 0; tries < 3; tries++) {
                int port = freePort();
                try {
                    // Durability is not what these tests prove: no fsync keeps a shared machine's disks quiet.
                    run(
                            List.of(
                                    bin.resolve("pg_ctl").toString(),
                                    "-D",
                                    cluster.resolve("data").toString(),
                                    "-l",
                                    cluster.resolve("server.log").toString(),
                                    "-w",
                                    "-o",
                                    "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1"
                                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                                            + " -c max_connections=300",
                                    "start"),
                            asOwner,
                            cluster);
                    TestPostgres started = new TestPostgres(bin, cluster, port, asOwner);
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-postgres"));
                    return started;
                } catch (IllegalStateException e) {
                    failure = e; // most likely another build took the port in between: try another
                }
            }
            throw failure;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the test PostgreSQL", e);
        }
    }

    private void stop() {
        try {
            run(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            cluster.resolve("data").toString(),
                            "-m",
                            "immediate",
                            "stop"),
                    asOwner,
                    cluster);
        } catch (RuntimeException ignored) {
            // the JVM is exiting; the folder is removed below either way
        }
        try (Stream<Path> files = Files.walk(cluster)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a left-over folder in the temporary folder is harmless
        }
    }

    /** The newest installed PostgreSQL: PG_BINDIR, else Debian's /usr/lib/postgresql/N/bin. */
    private static Path binaries() {
        String configured = System.getenv("PG_BINDIR");
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(version -> version.resolve("bin"))
                        .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")))
                        .max(Comparator.comparing(TestPostgres::majorVersion))
                        .orElseThrow(TestPostgres::notInstalled);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw notInstalled();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static IllegalStateException notInstalled() {
        return new IllegalStateException("The PostgreSQL tests need PostgreSQL's server binaries: run"
                + " .ci/install-test-deps (Debian's postgresql), or point PG_BINDIR at a bin folder holding initdb");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command, List<String> prefix, Path folder) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(command);
        try {
            Path output = Files.createTempFile("hirerelay-postgres-command-", ".log");
            try {
                Process process = new ProcessBuilder(full)
                        .directory(folder.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Timed out: " + String.join(" ", full));
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", full) + " exited with " + process.exitValue()
                            + ":\n"
                            + Files.readString(output, StandardCharsets.UTF_8).strip());
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + full.get(0).toLowerCase(Locale.ROOT), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", full), e);
        }
    }
}
