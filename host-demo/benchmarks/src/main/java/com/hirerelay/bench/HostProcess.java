package com.hirerelay.bench;

import com.hirerelay.host.storage.DatabaseServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host in a JVM of its own: {@code java -jar host-demo.jar} as users run it, or the harness's
 * {@link ControlledHost} (the host plus a bare Jersey control endpoint in the same process). Waits for the first
 * page; {@link #close()} stops the process.
 */
final class HostProcess implements AutoCloseable {

    final Process process;
    final URI base;
    final URI management;
    final URI control;
    final Path log;

    private HostProcess(Process process, URI base, URI management, URI control, Path log) {
        this.process = process;
        this.base = base;
        this.management = management;
        this.control = control;
        this.log = log;
    }

    /**
     * Starts {@code java [jvmArgs] -jar hostJar} on free ports with {@code --no-sandbox}, or with
     * {@code --factorial-base-url} when {@code factorialBaseUrl} is given.
     */
    static HostProcess jar(
            Path hostJar, Path data, Path plugins, List<String> jvmArgs, String factorialBaseUrl, Path log)
            throws Exception {
        return jar(hostJar, data, plugins, jvmArgs, factorialBaseUrl, null, log);
    }

    /**
     * As {@link #jar(Path, Path, Path, List, String, Path)}, keeping the data in that PostgreSQL database (null for
     * the SQLite file in {@code data}): its URL and credentials in the environment, as an operator would give them.
     */
    static HostProcess jar(
            Path hostJar,
            Path data,
            Path plugins,
            List<String> jvmArgs,
            String factorialBaseUrl,
            DatabaseServer database,
            Path log)
            throws Exception {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmArgs);
        command.addAll(extraJvmArgs());
        command.addAll(List.of(
                "-jar",
                hostJar.toString(),
                "--bind",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--management-port",
                String.valueOf(managementPort),
                "--data-dir",
                data.toString(),
                "--plugins-dir",
                plugins.toString()));
        if (factorialBaseUrl == null) {
            command.add("--no-sandbox");
        } else {
            command.addAll(List.of("--factorial-base-url", factorialBaseUrl));
        }
        Map<String, String> environment = database == null
                ? Map.of()
                : Map.of(
                        "HIRERELAY_DATABASE_URL",
                        database.jdbcUrl(),
                        DatabaseServer.USER_VARIABLE,
                        database.user(),
                        DatabaseServer.PASSWORD_VARIABLE,
                        database.password());
        return start(command, environment, port, managementPort, -1, log);
    }

    /** Starts {@link ControlledHost} with the harness's class path. */
    static HostProcess controlled(Path data, Path plugins, List<String> jvmArgs, String factorialBaseUrl, Path log)
            throws Exception {
        int port = freePort();
        int managementPort = freePort();
        int controlPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmArgs);
        command.addAll(extraJvmArgs());
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                ControlledHost.class.getName(),
                String.valueOf(port),
                String.valueOf(managementPort),
                String.valueOf(controlPort),
                data.toString(),
                plugins.toString(),
                factorialBaseUrl));
        return start(command, Map.of(), port, managementPort, controlPort, log);
    }

    private static HostProcess start(
            List<String> command,
            Map<String, String> environment,
            int port,
            int managementPort,
            int controlPort,
            Path log)
            throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("HIRERELAY_DATABASE_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        HostProcess host = new HostProcess(
                process,
                base,
                URI.create("http://127.0.0.1:" + managementPort + "/"),
                controlPort < 0 ? null : URI.create("http://127.0.0.1:" + controlPort + "/"),
                log);
        try {
            host.waitForFirstPage();
        } catch (Exception failed) {
            host.close();
            throw failed;
        }
        return host;
    }

    private void waitForFirstPage() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(500))
                .build();
        long start = System.nanoTime();
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("host exited:\n" + Files.readString(log));
            }
            try {
                URI ready = control == null ? base : control.resolve("control/ready");
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("host did not start:\n" + Files.readString(log));
    }

    /**
     * @return the CPU time the process has used so far, user and system, from {@code /proc/<pid>/stat} (in clock
     *         ticks of 10 ms on Linux; read over many requests)
     */
    long cpuNanos() throws IOException {
        return ticksToNanos(Files.readString(Path.of("/proc/" + process.pid() + "/stat")));
    }

    /** Where a JVM thread's CPU time goes, by the thread's name (Linux shows the first 15 characters). */
    enum ThreadKind {
        /** The JIT compilers ({@code C1 CompilerThread0}, {@code C2 CompilerThread0}). */
        JIT,
        /** The garbage collector's threads (G1's {@code GC Thread#0}, {@code G1 Conc#0}, {@code G1 Refine#0}...). */
        GC,
        /** The JVM's other threads (VM Thread, sweeper, periodic tasks, signal dispatcher...). */
        JVM,
        /** Everything the application runs: request threads, plugin threads, HTTP client and server I/O threads. */
        APPLICATION;

        static ThreadKind of(String name) {
            if (name.contains("CompilerThre")) {
                return JIT;
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                return GC;
            }
            if (name.startsWith("VM ")
                    || name.equals("Sweeper thread")
                    || name.startsWith("Signal Dispatch")
                    || name.startsWith("Service Thread")
                    || name.startsWith("Monitor Deflati")
                    || name.startsWith("Reference Handl")
                    || name.equals("Finalizer")
                    || name.startsWith("Common-Cleaner")
                    || name.startsWith("Notification Th")) {
                return JVM;
            }
            return APPLICATION;
        }
    }

    /**
     * @return the CPU time the process's live threads have used so far, by {@link ThreadKind}, from
     *         {@code /proc/<pid>/task/<tid>/stat} and {@code comm}; threads that ended are missing, so compare two
     *         readings only over a stretch where the host keeps its threads (pools, compilers, GC)
     */
    Map<ThreadKind, Long> cpuNanosByThreadKind() throws IOException {
        Map<ThreadKind, Long> byKind = new EnumMap<>(ThreadKind.class);
        for (ThreadKind kind : ThreadKind.values()) {
            byKind.put(kind, 0L);
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    byKind.merge(ThreadKind.of(name), ticksToNanos(Files.readString(task.resolve("stat"))), Long::sum);
                } catch (NoSuchFileException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return byKind;
    }

    private static long ticksToNanos(String stat) {
        // After the command name in parentheses: field 14 utime and 15 stime, counted from field 3 (the state).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    /** @return the heap in use after a full GC, by {@code jcmd GC.run} and {@code GC.heap_info} */
    long heapUsedAfterGc() throws Exception {
        run(List.of(jcmd(), String.valueOf(process.pid()), "GC.run"));
        String info = run(List.of(jcmd(), String.valueOf(process.pid()), "GC.heap_info"));
        long usedKb = 0;
        Matcher used = Pattern.compile("used (\\d+)K").matcher("");
        for (String line : info.split("\n")) {
            if (line.contains("total") && !line.contains("Metaspace") && !line.contains("class space")) {
                used.reset(line);
                if (used.find()) {
                    usedKb += Long.parseLong(used.group(1));
                }
            }
        }
        if (usedKb == 0) {
            throw new IllegalStateException("cannot read the heap from jcmd:\n" + info);
        }
        return usedKb * 1024;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * @return the JVM options in {@code BENCH_HOST_JVM_ARGS} (space-separated), for profiling a run's hosts, e.g.
     *     {@code -XX:StartFlightRecording=filename=host.jfr,settings=profile}
     */
    private static List<String> extraJvmArgs() {
        String extra = System.getenv("BENCH_HOST_JVM_ARGS");
        return extra == null || extra.isBlank()
                ? List.of()
                : List.of(extra.strip().split("\\s+"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jcmd() {
        Path inHome = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(inHome) ? inHome.toString() : "jcmd";
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
