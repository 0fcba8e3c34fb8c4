package com.hirerelay.host.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged host ({@code java -jar host-demo.jar}) in a child process, as a user runs it: on a free
 * port, with its embedded Factorial sandbox, the demo users' passwords read from what it prints at first
 * start. Its output goes to {@code host.log} in the given folder.
 */
public final class PackagedHost implements AutoCloseable {

    private static final Pattern RUNNING = Pattern.compile("HireRelay ATS is running at (\\S+)");
    private static final Pattern USER = Pattern.compile("^\\s+([A-Z_]+)\\s+(\\S+@\\S+)\\s+(\\S+)\\s*$");
    private static final Pattern KEY = Pattern.compile("API key to paste .*: (\\S+)$");

    private final Process process;
    private final URI baseUri;
    private final Map<String, String[]> users;
    private final String sandboxKey;
    private final Path log;

    private PackagedHost(Process process, URI baseUri, Map<String, String[]> users, String sandboxKey, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.users = users;
        this.sandboxKey = sandboxKey;
        this.log = log;
    }

    /**
     * Starts the jar named by the system property {@code host.jar} (the build's packaged host) with the
     * plugins of {@code plugins.dir}, and waits until it serves.
     */
    public static PackagedHost start(Path folder, String... extraFlags) {
        Path jar =
                Path.of(System.getProperty("host.jar", "target/host-demo.jar")).toAbsolutePath();
        Path plugins =
                Path.of(System.getProperty("plugins.dir", "target/plugins")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged host at " + jar + "; run the build's package phase first");
        }
        try {
            Path log = folder.resolve("host.log");
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-jar",
                    jar.toString(),
                    "--port",
                    "0",
                    "--sandbox-port",
                    "0",
                    "--data-dir",
                    folder.resolve("data").toString(),
                    "--plugins-dir",
                    plugins.toString()));
            command.addAll(java.util.List.of(extraFlags));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            URI base = null;
            String key = null;
            Map<String, String[]> users = new LinkedHashMap<>();
            StringBuilder seen = new StringBuilder();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                Matcher running = RUNNING.matcher(line);
                Matcher user = USER.matcher(line);
                Matcher sandbox = KEY.matcher(line);
                if (running.find()) {
                    base = URI.create(running.group(1));
                } else if (sandbox.find()) {
                    key = sandbox.group(1);
                } else if (user.matches()) {
                    users.put(user.group(1), new String[] {user.group(2), user.group(3)});
                } else if (line.contains("Stop with Ctrl+C.")) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    break;
                }
            }
            if (base == null || users.size() < 4) {
                process.destroyForcibly();
                throw new IllegalStateException("The packaged host did not start:\n" + seen);
            }
            // keep draining its output into the log, so it never blocks on a full pipe
            Files.writeString(log, seen);
            Thread drain = new Thread(
                    () -> {
                        try (var writer = Files.newBufferedWriter(
                                log, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)) {
                            String more;
                            while ((more = out.readLine()) != null) {
                                writer.write(more);
                                writer.newLine();
                                writer.flush();
                            }
                        } catch (IOException ended) {
                            // the process ended
                        }
                    },
                    "packaged-host-log");
            drain.setDaemon(true);
            drain.start();
            return new PackagedHost(process, base, users, key, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return where it serves */
    public URI baseUri() {
        return baseUri;
    }

    /** @return whether the process still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return a client signed in as the seeded user of that role */
    public ApiClient signIn(String role) {
        String[] user = users.get(role);
        ApiClient client = ApiClient.to(baseUri);
        client.signIn(user[0], user[1]);
        return client;
    }

    /** Connects Factorial to the embedded sandbox as the admin. */
    public void connectFactorial() {
        var answer =
                signIn("ADMIN").post("/api/integrations/factorial", Map.of("values", Map.of("api_key", sandboxKey)));
        if (answer.status() != 201) {
            throw new IllegalStateException("Connecting Factorial failed: " + answer);
        }
    }

    /** @return everything the host printed and logged so far */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
