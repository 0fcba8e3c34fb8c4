package com.hirerelay.host.testing;

import com.hirerelay.host.app.HireRelayHost;
import com.hirerelay.host.app.HostOptions;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real host on a free loopback port, with its own data folder (a real SQLite file), the built
 * Factorial plugin jar, and a Factorial sandbox it is pointed at. Tests sign in through {@link ApiClient}.
 */
public final class RunningHost implements AutoCloseable {

    /** The fixed demo passwords of tests, by role. */
    public static final Map<String, String> PASSWORDS = Map.of(
            "ADMIN",
            "admin-pass-1",
            "HIRING_MANAGER",
            "manager-pass-1",
            "RECRUITER",
            "recruiter-pass-1",
            "INTERVIEWER",
            "interviewer-pass-1");
    /** The seeded users' e-mails, by role. */
    public static final Map<String, String> EMAILS = Map.of(
            "ADMIN",
            "admin@hirerelay.example",
            "HIRING_MANAGER",
            "hiring.manager@hirerelay.example",
            "RECRUITER",
            "recruiter@hirerelay.example",
            "INTERVIEWER",
            "interviewer@hirerelay.example");

    private static final Path BUILT_PLUGINS = Path.of(System.getProperty("plugins.dir", "target/plugins"));

    private final FactorialSandbox sandbox;
    private final Path dataDir;
    private final Path pluginsDir;
    private final UnaryOperator<HostOptions> tuning;
    private HireRelayHost host;

    private RunningHost(FactorialSandbox sandbox, Path dataDir, Path pluginsDir, UnaryOperator<HostOptions> tuning) {
        this.sandbox = sandbox;
        this.dataDir = dataDir;
        this.pluginsDir = pluginsDir;
        this.tuning = tuning;
        this.host = startHost();
    }

    /** Starts a sandbox and a host in a folder under {@code root}. */
    public static RunningHost start(Path root) {
        return start(root, SandboxConfig.defaults());
    }

    /** Starts a sandbox with that configuration and a host in a folder under {@code root}. */
    public static RunningHost start(Path root, SandboxConfig sandboxConfig) {
        return start(root, sandboxConfig, UnaryOperator.identity());
    }

    /**
     * Starts a sandbox with that configuration and a host in a folder under {@code root}, with the
     * host's options adjusted by {@code tuning} (limits, clock) at every start.
     */
    public static RunningHost start(Path root, SandboxConfig sandboxConfig, UnaryOperator<HostOptions> tuning) {
        try {
            Path plugins = Files.createDirectories(root.resolve("plugins"));
            try (Stream<Path> jars = Files.list(BUILT_PLUGINS)) {
                for (Path jar :
                        jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                }
            }
            return new RunningHost(FactorialSandbox.start(sandboxConfig), root.resolve("data"), plugins, tuning);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HireRelayHost startHost() {
        return HireRelayHost.start(tuning.apply(new HostOptions(
                "127.0.0.1",
                0,
                dataDir,
                pluginsDir,
                Map.of("factorial.environment", "custom", "factorial.base_url", sandbox.baseUrl()),
                PASSWORDS)));
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
        host = startHost();
    }

    /** @return a client signed in as the seeded user of that role */
    public ApiClient signIn(String role) {
        ApiClient client = new ApiClient(host.baseUri());
        client.signIn(EMAILS.get(role), PASSWORDS.get(role));
        return client;
    }

    /** @return a client that is not signed in */
    public ApiClient anonymous() {
        return new ApiClient(host.baseUri());
    }

    /** Connects the Factorial integration as the admin, with the sandbox's key. */
    public void connectFactorial() {
        ApiClient admin = signIn("ADMIN");
        var response = admin.post("/api/integrations/factorial", Map.of("values", Map.of("api_key", sandbox.apiKey())));
        if (response.status() != 201) {
            throw new IllegalStateException(
                    "Connecting Factorial failed: " + response.status() + " " + response.body());
        }
    }

    public HireRelayHost host() {
        return host;
    }

    public FactorialSandbox sandbox() {
        return sandbox;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    @Override
    public void close() {
        stopHost();
        sandbox.close();
    }
}
