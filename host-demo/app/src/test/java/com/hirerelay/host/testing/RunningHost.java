package com.hirerelay.host.testing;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.app.HireRelayHost;
import com.hirerelay.host.app.HostOptions;
import com.hirerelay.host.storage.DatabaseServer;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * A real host on a free loopback port, with its own data folder (a real SQLite file, starting as a copy of the demo
 * data the first host of the JVM seeded; its own master key), plugin jars in its own plugins folder, and a Factorial
 * sandbox it is pointed at. Tests get one from {@link RunningHostExtension},
 * which starts and closes it; they talk to it through {@link ApiClient}.
 */
public final class RunningHost implements AutoCloseable {

    /** The fixed demo passwords of tests, by role name. */
    public static final Map<String, String> PASSWORDS = Map.of(
            "ADMIN",
            "admin-pass-1",
            "HIRING_MANAGER",
            "manager-pass-1",
            "RECRUITER",
            "recruiter-pass-1",
            "INTERVIEWER",
            "interviewer-pass-1");
    /** The seeded users' e-mails, by role name. */
    public static final Map<String, String> EMAILS = Map.of(
            "ADMIN",
            "admin@hirerelay.example",
            "HIRING_MANAGER",
            "hiring.manager@hirerelay.example",
            "RECRUITER",
            "recruiter@hirerelay.example",
            "INTERVIEWER",
            "interviewer@hirerelay.example");

    private static final String DATABASE_FILE = "hirerelay.db";

    // Seeding a new data folder hashes the four demo passwords (slow on purpose) and writes the demo data, which
    // every sign-in waits for: about a second per host. So the first host of a JVM seeds a database of its own,
    // and every test host starts from a copy of it: the same rows, made by the same code in the same run.
    private static Path seededDatabaseFolder; // guarded by RunningHost.class
    // The same on PostgreSQL: a seeded database that each host's database is created from (TestPostgres).
    private static String seededPostgresDatabase; // guarded by RunningHost.class

    private final FactorialSandbox sandbox;
    private final Path root;
    private final Path dataDir;
    private final Path pluginsDir;
    private final UnaryOperator<HostOptions> tuning;
    private final DatabaseServer databaseServer;
    private final List<HostProcess> processes = new ArrayList<>();
    private HireRelayHost host;

    private RunningHost(
            FactorialSandbox sandbox,
            Path root,
            Path pluginsDir,
            UnaryOperator<HostOptions> tuning,
            DatabaseServer databaseServer) {
        this.sandbox = sandbox;
        this.root = root;
        this.dataDir = root.resolve("data");
        this.pluginsDir = pluginsDir;
        this.tuning = tuning;
        this.databaseServer = databaseServer;
    }

    /** Starts a sandbox and a host in a folder under {@code root}, with the built plugins. */
    public static RunningHost start(Path root) {
        return start(root, SandboxConfig.defaults());
    }

    /** Starts a sandbox with that configuration and a host in a folder under {@code root}, with the built plugins. */
    public static RunningHost start(Path root, SandboxConfig sandboxConfig) {
        return start(root, sandboxConfig, BuiltPlugins.all(), UnaryOperator.identity());
    }

    /**
     * Starts a sandbox with that configuration and a host in a folder under {@code root}, with the built plugins
     * and the host's options adjusted by {@code tuning} (limits, clock) at every start.
     */
    public static RunningHost start(Path root, SandboxConfig sandboxConfig, UnaryOperator<HostOptions> tuning) {
        return start(root, sandboxConfig, BuiltPlugins.all(), tuning);
    }

    /**
     * Starts a sandbox with that configuration and a host whose plugins folder (under {@code root}) holds copies
     * of exactly these jars, with the host's options adjusted by {@code tuning} at every start. Nothing is left
     * running if the start fails.
     */
    public static RunningHost start(
            Path root, SandboxConfig sandboxConfig, List<Path> pluginJars, UnaryOperator<HostOptions> tuning) {
        Path plugins;
        DatabaseServer databaseServer = null;
        try {
            plugins = Files.createDirectories(root.resolve("plugins"));
            for (Path jar : pluginJars) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
            Path data = Files.createDirectories(root.resolve("data"));
            if (TestPostgres.selected()) {
                databaseServer = TestPostgres.server().createDatabase(seededPostgresDatabase());
            } else {
                copySeededDatabaseInto(data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the folders under " + root, e);
        }
        RunningHost running =
                new RunningHost(FactorialSandbox.start(sandboxConfig), root, plugins, tuning, databaseServer);
        try {
            running.host = running.startHost();
            return running;
        } catch (RuntimeException failed) {
            running.sandbox.close();
            throw failed;
        }
    }

    private static void copySeededDatabaseInto(Path dataDir) throws IOException {
        if (Files.exists(dataDir.resolve(DATABASE_FILE))) {
            return;
        }
        try (Stream<Path> files = Files.list(seededDatabaseFolder())) {
            // The database and, had SQLite kept one, its write-ahead log; never the seeding host's master key.
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(DATABASE_FILE))
                    .toList()) {
                Files.copy(file, dataDir.resolve(file.getFileName()));
            }
        }
    }

    private static synchronized Path seededDatabaseFolder() throws IOException {
        if (seededDatabaseFolder == null) {
            Path folder = Files.createTempDirectory("hirerelay-seeded-");
            Path noPlugins = Files.createDirectories(folder.resolve("plugins"));
            Path data = folder.resolve("data");
            try (HireRelayHost seeding =
                    HireRelayHost.start(new HostOptions("127.0.0.1", 0, data, noPlugins, Map.of(), PASSWORDS))) {
                seeding.database(); // waits for the seeding
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder), "delete-seeded-database"));
            seededDatabaseFolder = data;
        }
        return seededDatabaseFolder;
    }

    private static synchronized String seededPostgresDatabase() throws IOException {
        if (seededPostgresDatabase == null) {
            DatabaseServer seed = TestPostgres.server().createDatabase(null);
            Path folder = Files.createTempDirectory("hirerelay-seeded-");
            try (HireRelayHost seeding = HireRelayHost.start(new HostOptions(
                            "127.0.0.1",
                            0,
                            folder.resolve("data"),
                            Files.createDirectories(folder.resolve("plugins")),
                            Map.of(),
                            PASSWORDS)
                    .withDatabaseServer(seed))) {
                seeding.database(); // waits for the seeding
            } finally {
                deleteQuietly(folder);
            }
            seededPostgresDatabase = TestPostgres.databaseName(seed);
        }
        return seededPostgresDatabase;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // the JVM is exiting; a left-over folder in the temporary folder is harmless
        }
    }

    private HireRelayHost startHost() {
        return HireRelayHost.start(tuning.apply(new HostOptions(
                        "127.0.0.1",
                        0,
                        dataDir,
                        pluginsDir,
                        Map.of("factorial.environment", "custom", "factorial.base_url", sandbox.baseUrl()),
                        PASSWORDS)
                .withDatabaseServer(databaseServer)));
    }

    /** @return the e-mail of the seeded user of that role */
    public static String email(UserRole role) {
        return EMAILS.get(role.name());
    }

    /** @return the password of the seeded user of that role */
    public static String password(UserRole role) {
        return PASSWORDS.get(role.name());
    }

    /** Stops the host (not the sandbox) and starts it again on the same data, as after a restart. */
    public void restart() {
        stopHost();
        host = startHost();
    }

    /** Stops the host, keeping the sandbox and the data folder, so another process can use them. */
    public void stopHost() {
        if (host != null) {
            host.close();
            host = null;
        }
    }

    /** Starts the host again after {@link #stopHost()}. */
    public void startAgain() {
        if (host != null) {
            throw new IllegalStateException("The host is running; stop it first");
        }
        host = startHost();
    }

    /**
     * Starts the host through its command line in a JVM of its own, on this host's data and plugins folders and
     * sandbox, and waits until it serves. The process is killed when this host closes, if not before.
     *
     * @throws IllegalStateException while the host in this JVM runs on SQLite: two hosts must not share a SQLite
     *     file (on PostgreSQL they may: that is how several instances run)
     * @param flags further command-line flags
     */
    public HostProcess launchProcess(String... flags) {
        if (host != null && databaseServer == null) {
            throw new IllegalStateException("Stop the host first (stopHost()): two hosts must not share a data folder");
        }
        HostProcess process = HostProcess.launch(
                dataDir,
                pluginsDir,
                sandbox.baseUrl(),
                databaseServer,
                root.resolve("host-process-" + processes.size() + ".log"),
                List.of(flags));
        processes.add(process);
        return process;
    }

    /** @return a client signed in as the seeded user of that role */
    public ApiClient signIn(UserRole role) {
        ApiClient client = new ApiClient(host().baseUri());
        client.signIn(email(role), password(role));
        return client;
    }

    /** @return a client signed in as the seeded user of that role name */
    public ApiClient signIn(String role) {
        return signIn(UserRole.valueOf(role));
    }

    /** @return a client that is not signed in */
    public ApiClient anonymous() {
        return new ApiClient(host().baseUri());
    }

    /** Connects the Factorial integration as the admin, with the sandbox's key. */
    public void connectFactorial() {
        ApiClient admin = signIn(UserRole.ADMIN);
        var response = admin.post("/api/integrations/factorial", Map.of("values", Map.of("api_key", sandbox.apiKey())));
        if (response.status() != 201) {
            throw new IllegalStateException(
                    "Connecting Factorial failed: " + response.status() + " " + response.body());
        }
    }

    /** @return the host in this JVM */
    public HireRelayHost host() {
        if (host == null) {
            throw new IllegalStateException("The host is stopped");
        }
        return host;
    }

    /** @return where the host serves, such as {@code http://127.0.0.1:41234/} */
    public URI baseUri() {
        return host().baseUri();
    }

    /** @return the host's database, once the first start's seeding is done */
    public Jdbi jdbi() {
        return host().database().jdbi();
    }

    public FactorialSandbox sandbox() {
        return sandbox;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** @return the PostgreSQL database of this host, or null when it runs on SQLite */
    public DatabaseServer databaseServer() {
        return databaseServer;
    }

    /** @return the SQLite file in the data folder, to read it as another process would */
    public Path databaseFile() {
        if (databaseServer != null) {
            throw new IllegalStateException(
                    "This test host runs on PostgreSQL (" + TestPostgres.STORE_PROPERTY + "), not on a SQLite file");
        }
        return dataDir.resolve(DATABASE_FILE);
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    /** Kills any host process, stops the host and the sandbox; the folders stay for the caller to delete. */
    @Override
    public void close() {
        try {
            processes.forEach(HostProcess::close);
            stopHost();
        } finally {
            sandbox.close();
        }
    }
}
