package com.hirerelay.host.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.app.HostOptions;
import com.hirerelay.host.storage.DatabaseServer;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real host for a test class: a Factorial sandbox and the host on free loopback ports, in a temporary
 * folder of its own (data folder with a real SQLite file, plugins folder with the built plugin jars), and closes
 * all of it, folder included, afterwards. With the system property {@value TestPostgres#STORE_PROPERTY} set to
 * {@code postgresql} (the build's second test run) the host's data is in a PostgreSQL database of its own on the
 * JVM's {@link TestPostgres} server instead.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RunningHostExtension host = RunningHostExtension.perClass().connected();
 *
 * @Test
 * void recruitersExport() {
 *     ApiClient recruiter = host.signIn(UserRole.RECRUITER);
 *     host.sandbox().inject(Fault.status(503).on("POST", CREATE));
 *     ...
 * }
 * }</pre>
 *
 * <p>Lifecycle: {@link #perClass()} starts one host before the class's {@code @BeforeAll} methods and closes it
 * after its {@code @AfterAll} methods; it must be registered on a static field. Between two tests it clears the
 * sandbox's faults, so a fault a failed test left behind cannot fail the next one; everything else (data,
 * recorded requests) carries over, and tests that count requests clear them first. {@link #perTest()} starts a
 * fresh host before each test's {@code @BeforeEach} methods and closes it after its {@code @AfterEach} methods.
 *
 * <p>Options, set where the extension is declared: {@link #connected()}, {@link #sandbox(SandboxConfig)},
 * {@link #plugins(Path...)}, {@link #hostOptions(UnaryOperator)}. Accessors are valid while a host runs, that is inside tests and their set-up.
 */
public final class RunningHostExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private enum Lifecycle {
        PER_CLASS,
        PER_TEST
    }

    private final Lifecycle lifecycle;
    private SandboxConfig sandboxConfig = SandboxConfig.defaults();
    private List<Path> pluginJars;
    private UnaryOperator<HostOptions> tuning = UnaryOperator.identity();
    private boolean connected;

    private Path root;
    private RunningHost running;

    private RunningHostExtension(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** One host shared by every test of the class; register it on a static field. */
    public static RunningHostExtension perClass() {
        return new RunningHostExtension(Lifecycle.PER_CLASS);
    }

    /** A fresh host (new data folder, new sandbox) for each test. */
    public static RunningHostExtension perTest() {
        return new RunningHostExtension(Lifecycle.PER_TEST);
    }

    /** Connects the Factorial integration (as the admin, with the sandbox's key) right after the host starts. */
    public RunningHostExtension connected() {
        requireNotStarted();
        this.connected = true;
        return this;
    }

    /** Starts the sandbox with this configuration (latency, limits, seeded employees) instead of the defaults. */
    public RunningHostExtension sandbox(SandboxConfig config) {
        requireNotStarted();
        this.sandboxConfig = config;
        return this;
    }

    /**
     * Puts copies of exactly these jars into the host's plugins folder, none for an empty call, instead of the
     * built plugins ({@link BuiltPlugins#all()}).
     */
    public RunningHostExtension plugins(Path... jars) {
        requireNotStarted();
        this.pluginJars = List.of(jars);
        return this;
    }

    /** Adjusts the host's options (bulk and plugin limits, clock) at every start, restarts included. */
    public RunningHostExtension hostOptions(UnaryOperator<HostOptions> tuning) {
        requireNotStarted();
        this.tuning = tuning;
        return this;
    }

    // ---- lifecycle ----

    @Override
    public void beforeAll(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_CLASS) {
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_TEST) {
            start();
        } else if (running == null) {
            throw new ExtensionConfigurationException("RunningHostExtension.perClass() in "
                    + context.getRequiredTestClass().getSimpleName()
                    + " is registered on an instance field, where it never sees the class start:"
                    + " make the field static, or use perTest()");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_TEST) {
            stop();
        } else if (running != null) {
            running.sandbox().clearFaults();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (lifecycle == Lifecycle.PER_CLASS) {
            stop();
        }
    }

    private void start() {
        try {
            root = Files.createTempDirectory("hirerelay-host-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the test host", e);
        }
        try {
            running = RunningHost.start(
                    root, sandboxConfig, pluginJars != null ? pluginJars : BuiltPlugins.all(), tuning);
            if (connected) {
                running.connectFactorial();
            }
        } catch (RuntimeException | Error failed) {
            try {
                stop();
            } catch (RuntimeException cleanup) {
                failed.addSuppressed(cleanup);
            }
            throw failed;
        }
    }

    private void stop() {
        RuntimeException failure = null;
        try {
            if (running != null) {
                running.close();
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            running = null;
        }
        try {
            if (root != null) {
                deleteRecursively(root);
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        } finally {
            root = null;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void requireNotStarted() {
        if (running != null) {
            throw new IllegalStateException("Configure the test host where it is declared, before it starts");
        }
    }

    private RunningHost running() {
        if (running == null) {
            throw new IllegalStateException(
                    "No test host runs now: its accessors work inside tests and their set-up (a perTest() host"
                            + " starts before each test's @BeforeEach methods, not before @BeforeAll)");
        }
        return running;
    }

    private static void deleteRecursively(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                    if (failed != null) {
                        throw failed;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the test host's folder " + folder, e);
        }
    }

    // ---- accessors ----

    /** @return where the host serves, such as {@code http://127.0.0.1:41234/} */
    public URI baseUri() {
        return running().baseUri();
    }

    /** @return a client with a new session of the seeded user of that role */
    public ApiClient signIn(UserRole role) {
        return running().signIn(role);
    }

    /** @return a client that is not signed in */
    public ApiClient anonymous() {
        return running().anonymous();
    }

    /** @return the sandbox the host's Factorial connector points at: inject faults, read what it received */
    public FactorialSandbox sandbox() {
        return running().sandbox();
    }

    /**
     * @return the first {@code count} hired candidates of the seeded data, as the candidate list gives them to an
     *         admin (the same order the UI's hired filter shows)
     * @throws IllegalStateException when there are fewer
     */
    public List<JsonNode> hiredCandidates(int count) {
        JsonNode page = signIn(UserRole.ADMIN)
                .get("/api/candidates?status=HIRED&page=1&pageSize=" + count)
                .json();
        List<JsonNode> hired = new ArrayList<>();
        page.get("items").forEach(hired::add);
        if (hired.size() < count) {
            throw new IllegalStateException(
                    "The test needs " + count + " hired candidates; the host lists " + page.get("total"));
        }
        return List.copyOf(hired);
    }

    /**
     * @param index 0 for the first hired candidate of the seeded data, in {@link #hiredCandidates}' order
     * @return that candidate's id
     */
    public long hiredCandidateId(int index) {
        return hiredCandidates(index + 1).get(index).get("id").asLong();
    }

    /** Connects the Factorial integration as the admin, with the sandbox's key (again, after a removal). */
    public void connectFactorial() {
        running().connectFactorial();
    }

    /** @return the host's management port (/metrics, /health/live, /health/ready) */
    public URI managementUri() {
        return running().host().managementUri().orElseThrow();
    }

    /** @return the host's database, to arrange data no API offers */
    public Jdbi jdbi() {
        return running().jdbi();
    }

    /** @return the host's data folder (SQLite file, master key) */
    public Path dataDir() {
        return running().dataDir();
    }

    /**
     * @return the host's PostgreSQL database when the tests run on PostgreSQL ({@link TestPostgres#selected()}),
     *     else null
     */
    public DatabaseServer databaseServer() {
        return running().databaseServer();
    }

    /** @return the host's SQLite file, to read it as another process would */
    public Path databaseFile() {
        return running().databaseFile();
    }

    /** @return the host's plugins folder */
    public Path pluginsDir() {
        return running().pluginsDir();
    }

    /** Stops the host and starts it again on the same data folder and sandbox. */
    public void restart() {
        running().restart();
    }

    /** Stops the host in this JVM, keeping the sandbox and the folders, for {@link #launchProcess()}. */
    public void stopHost() {
        running().stopHost();
    }

    /** Starts the host in this JVM again after {@link #stopHost()}. */
    public void startAgain() {
        running().startAgain();
    }

    /**
     * Starts the host through its command line in a JVM of its own on the same folders and sandbox, after
     * {@link #stopHost()}; the process is killed when the test host closes, if the test has not killed it.
     *
     * @param flags further command-line flags, for example {@code --instance-lease 6}
     */
    public HostProcess launchProcess(String... flags) {
        return running().launchProcess(flags);
    }
}
