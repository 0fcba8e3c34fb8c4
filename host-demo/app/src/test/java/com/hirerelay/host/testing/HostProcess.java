package com.hirerelay.host.testing;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.app.HostMain;
import com.hirerelay.host.storage.DatabaseServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host started through its command line in a JVM of its own, on a test host's data and plugins folders, so
 * that a test can kill it (SIGKILL) at the worst moment. Get one from {@link RunningHostExtension#launchProcess()}.
 */
public final class HostProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    // The welcome text, or the start-up log line if the welcome text changes.
    private static final Pattern SERVING = Pattern.compile("(?:running at|serving) (http://\\S+/)");

    private final Process process;
    private final Path output;
    private final URI baseUri;

    private HostProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
        this.baseUri = awaitBaseUri();
    }

    /** Starts {@code HostMain} on any free port, with these further flags, and waits until it serves. */
    static HostProcess launch(
            Path dataDir,
            Path pluginsDir,
            String factorialBaseUrl,
            DatabaseServer databaseServer,
            Path output,
            List<String> flags) {
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    HostMain.class.getName(),
                    "--port",
                    "0",
                    // Not the fixed default: builds on the same machine start host processes side by side.
                    "--management-port",
                    "0",
                    "--data-dir",
                    dataDir.toString(),
                    "--plugins-dir",
                    pluginsDir.toString(),
                    "--factorial-base-url",
                    factorialBaseUrl));
            command.addAll(flags);
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            if (databaseServer != null) {
                // As an operator would: the URL in the environment (or --database-url), the credentials only there.
                builder.environment().put("HIRERELAY_DATABASE_URL", databaseServer.jdbcUrl());
                builder.environment().put(DatabaseServer.USER_VARIABLE, databaseServer.user());
                builder.environment().put(DatabaseServer.PASSWORD_VARIABLE, databaseServer.password());
            } else {
                builder.environment().remove("HIRERELAY_DATABASE_URL");
            }
            Process process = builder.start();
            try {
                return new HostProcess(process, output);
            } catch (RuntimeException failed) {
                process.destroyForcibly();
                throw failed;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the host process", e);
        }
    }

    // Port 0 and the address the host prints: no race with other builds for a port picked in advance.
    private URI awaitBaseUri() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<URI> serving = servingAddress();
            if (serving.isPresent()) {
                return serving.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The host process exited with " + process.exitValue() + " before serving:\n" + output());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the host process", e);
            }
        }
        throw new IllegalStateException(
                "The host process did not serve within " + START_TIMEOUT.toSeconds() + " s:\n" + output());
    }

    private Optional<URI> servingAddress() {
        Matcher matcher = SERVING.matcher(output());
        return matcher.find() ? Optional.of(URI.create(matcher.group(1))) : Optional.empty();
    }

    /** @return what the process printed so far */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** @return where the process serves */
    public URI baseUri() {
        return baseUri;
    }

    /** @return a client of the process, signed in as the seeded user of that role */
    public ApiClient signIn(UserRole role) {
        ApiClient client = ApiClient.to(baseUri);
        client.signIn(RunningHost.email(role), RunningHost.password(role));
        return client;
    }

    /** Kills the process as a power cut would (SIGKILL: no shutdown hook runs) and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the killed host process", e);
        }
    }

    /** @return whether the process still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
