package com.hirerelay.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmArgs);
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
        return start(command, port, managementPort, -1, log);
    }

    /** Starts {@link ControlledHost} with the harness's class path. */
    static HostProcess controlled(Path data, Path plugins, List<String> jvmArgs, String factorialBaseUrl, Path log)
            throws Exception {
        int port = freePort();
        int managementPort = freePort();
        int controlPort = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmArgs);
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
        return start(command, port, managementPort, controlPort, log);
    }

    private static HostProcess start(List<String> command, int port, int managementPort, int controlPort, Path log)
            throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
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
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        // After the command name in parentheses: field 14 utime and 15 stime, counted from field 3 (the state).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
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
