package com.hirerelay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.app.HireRelayHost;
import com.hirerelay.host.app.HostOptions;
import com.hirerelay.host.auth.SessionFilter;
import com.hirerelay.host.auth.SessionStore;
import com.hirerelay.host.demo.DemoSeed;
import com.hirerelay.host.storage.DatabaseServer;
import com.hirerelay.host.testing.TestPostgres;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.RecordedRequest;
import com.hirerelay.sandbox.SandboxConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The figures of BENCHMARKS.md, measured in one run and printed as a table.
 *
 * <p>Arguments: {@code --full} (the rate-limited bulk export of 1,000 candidates at Factorial's real 200 POSTs a
 * minute, about 4 minutes), {@code --quick} (small sizes, for working on the harness; the figures mean little),
 * {@code --only=export,session,latency,concurrency,bulk,limited,startup,plugin,scale,footprint,pgexport,pgscale,instances}
 * (a subset), {@code --scale-data=<dir>} (figure 5 on copies of {@code <dir>/50000} and {@code <dir>/500000}, data
 * folders kept with {@code --keep}, where they exist, instead of growing the data). The last three run on a throw-away PostgreSQL (the host tests' {@link TestPostgres}), and say they
 * were skipped where PostgreSQL is not installed.
 */
public final class Benchmarks {

    static final Map<String, String> PASSWORDS = Map.of(
            "ADMIN",
            "bench-admin-1",
            "HIRING_MANAGER",
            "bench-manager-1",
            "RECRUITER",
            "bench-recruiter-1",
            "INTERVIEWER",
            "bench-interviewer-1");
    static final String ADMIN = "admin@hirerelay.example";
    static final String RECRUITER = "recruiter@hirerelay.example";
    static final String HIRING_MANAGER = "hiring.manager@hirerelay.example";
    static final int FACTORIAL_POSTS_PER_MINUTE = 200;

    private final Path root;
    private final Path work;
    private final boolean quick;
    private final boolean full;
    private final Set<String> only;
    private final Table table = new Table();
    /** --scale-data: a folder of data folders named by size (a kept run's scale-data), copied instead of grown. */
    private Path scaleData;

    private Benchmarks(Path root, Path work, boolean quick, boolean full, Set<String> only) {
        this.root = root;
        this.work = work;
        this.quick = quick;
        this.full = full;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean full = false;
        boolean keep = false;
        Path scaleData = null;
        Set<String> only = new TreeSet<>();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--keep")) {
                keep = true;
            } else if (arg.equals("--full")) {
                full = true;
            } else if (arg.startsWith("--scale-data=")) {
                scaleData = Path.of(arg.substring("--scale-data=".length()));
            } else if (arg.startsWith("--only=")) {
                only.addAll(List.of(arg.substring("--only=".length()).split(",")));
            } else if (!arg.isBlank()) {
                throw new IllegalArgumentException("Unknown argument " + arg
                        + " (use --full, --quick, --only=export,session,latency,concurrency,bulk,limited,startup,plugin,scale,footprint,"
                        + "pgexport,pgscale,instances)");
            }
        }
        Path root =
                Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("hirerelay-bench");
        Benchmarks bench = new Benchmarks(root, work, quick, full, only);
        bench.scaleData = scaleData;
        try {
            bench.run();
        } finally {
            if (keep) {
                System.out.println("Kept the work folder " + work);
            } else {
                deleteQuietly(work);
            }
        }
    }

    private boolean wanted(String part) {
        return only.isEmpty() || only.contains(part);
    }

    private void run() throws Exception {
        System.out.println("HireRelay benchmarks" + (quick ? " (--quick: small sizes, figures indicative only)" : "")
                + (full ? " (--full)" : "") + "\nMachine: " + machine() + "\n");
        if (wanted("export") || wanted("latency") || wanted("concurrency")) {
            hostFigures(wanted("export"), wanted("latency"), wanted("concurrency"), null);
        }
        if (wanted("pgexport")) {
            onPostgres(List.of("1", "1c"), database -> {
                table.prefix("PostgreSQL: ");
                try {
                    hostFigures(true, true, false, database);
                } finally {
                    table.prefix("");
                }
            });
        }
        if (wanted("session")) {
            cheapestRequest();
        }
        if (wanted("bulk")) {
            unlimitedBulk();
        }
        if (wanted("limited")) {
            limitedBulk();
        }
        if (wanted("startup")) {
            startup();
        }
        if (wanted("plugin")) {
            pluginLoading();
        }
        if (wanted("scale")) {
            scale();
        }
        if (wanted("pgscale")) {
            onPostgres(List.of("5"), database -> {
                table.prefix("PostgreSQL: ");
                try {
                    scaleOnPostgres(database);
                } finally {
                    table.prefix("");
                }
            });
        }
        if (wanted("instances")) {
            onPostgres(List.of("3a three instances"), this::threeInstances);
        }
        if (wanted("footprint")) {
            footprint();
        }
        table.note("load average (1, 5, 15 min) at the start: " + loadAtStart + "; at the end: " + loadAverage()
                + " (other work on this shared machine; every ratio compares figures taken in the same run)");
        System.out.println("\n" + table.render());
    }

    private final String loadAtStart = loadAverage();

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException unreadable) {
            return "unknown";
        }
    }

    // ---------------------------------------------------------------- figures 1, 2 and 7 (a host in its own JVM)

    /** What every Factorial request costs in time on the sandbox in the round-trip and concurrency figures. */
    static final Duration NETWORK_LATENCY = Duration.ofMillis(30);

    /**
     * The host's JVM gets this: the plugin then paces nothing in the export and concurrency figures (the sandbox
     * has no limit there); figure 3a keeps Factorial's real 200 a minute.
     */
    static final String NO_PACING = "-D" + "hirerelay.factorial.postsPerMinute" + "=100000000";

    /**
     * Figures 1, 1c, 2 and 7 on one host process ({@code java -jar host-demo.jar}, as users run it) against
     * sandboxes in this JVM: without latency for our own time, at {@link #NETWORK_LATENCY} per request for round
     * trips and concurrency. The integration is connected again to point it at each sandbox.
     */
    private void hostFigures(boolean export, boolean latency, boolean concurrency, DatabaseServer database)
            throws Exception {
        int warmup = quick ? 60 : 200;
        int measured = quick ? 60 : 300;
        int jitBlocks = quick ? 0 : 14;
        int latencyWarmup = quick ? 5 : 15;
        int latencyMeasured = quick ? 10 : 40;
        int[] levels = {8, 32, 128};
        int perLevel = quick ? 2 : 8;
        int needed = (export ? warmup + measured + jitBlocks * JIT_BLOCK + 5 : 0)
                + (latency ? latencyWarmup * 2 + latencyMeasured + 5 : 0)
                + (concurrency
                        ? IntStream.of(levels).map(c -> c * (perLevel + 1)).sum() + 10
                        : 0);
        Path dir = work.resolve(database == null ? "host" : "pg-host");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(pluginJar(), plugins.resolve("factorial-plugin.jar"));
        Path data = dir.resolve("data");
        long first = seed(data, plugins, database, needed * 5 + 500, 17);
        System.out.println("Figures 1, 2, 7: the host as its own JVM (java -jar host-demo.jar), sandboxes in the"
                + " benchmark's JVM; " + (needed * 5 + 500) + " generated candidates"
                + (database == null ? "" : "; on PostgreSQL"));
        try (FactorialSandbox sandbox = FactorialSandbox.start(SandboxConfig.defaults());
                HostProcess host = HostProcess.jar(
                        hostJar(),
                        data,
                        plugins,
                        List.of(NO_PACING),
                        sandbox.baseUrl(),
                        database,
                        dir.resolve("host.log"))) {
            HostClient admin = HostClient.signedIn(host.base, ADMIN, PASSWORDS.get("ADMIN"));
            connect(admin, sandbox);
            HostClient recruiter = HostClient.signedIn(host.base, RECRUITER, PASSWORDS.get("RECRUITER"));
            ArrayDeque hired = new ArrayDeque(freshHired(data, database, first));
            if (export) {
                jitWarmUp(host, recruiter, hired, jitBlocks);
                ownTime(host, recruiter, sandbox, hired, warmup, measured);
            }
            int trips = 0;
            if (latency || concurrency) {
                try (FactorialSandbox slow = FactorialSandbox.start(
                        SandboxConfig.defaults().withLatency(NETWORK_LATENCY).withApiKey(sandbox.apiKey()))) {
                    reconnect(admin, slow);
                    trips = latency
                            ? roundTrips(recruiter, slow, hired, latencyWarmup, latencyMeasured)
                            : roundTripFloor(exportOnce(recruiter, slow, hired.next()));
                    if (concurrency) {
                        concurrency(host, recruiter, slow, hired, levels, perLevel, trips);
                    }
                }
            }
            table.note("figures 1, 1c, 2, 7: host log " + host.log.getFileName() + "; the host JVM ran with "
                    + NO_PACING + " so that the plugin's POST pacing (Factorial's 200 a minute) does not hold"
                    + " measured exports back; figure 3a keeps it");
        }
    }

    /**
     * Figure 1: our own time per export from the host's Server-Timing (server-side, per phase), and the host
     * against the bare client as a user sees it, exports interleaved.
     */
    private void ownTime(
            HostProcess hostProcess,
            HostClient recruiter,
            FactorialSandbox sandbox,
            ArrayDeque hired,
            int warmup,
            int measured)
            throws Exception {
        System.out.println("Figure 1: " + warmup + " warm-up exports, " + measured + " measured, interleaved with the"
                + " bare client");
        BareClient bare = warmUp(recruiter, sandbox, hired, warmup, "bench.warmup");
        List<Long> hostTimes = new ArrayList<>();
        Map<String, List<Long>> phases = new LinkedHashMap<>();
        BareTimes bareTimes = new BareTimes();
        List<Integer> callsPerExport = new ArrayList<>();
        Map<String, Integer> callsByKind = new TreeMap<>();
        // Only the host's exports run in the host's JVM during the loop: its CPU time per export.
        long cpuBefore = hostProcess.cpuNanos();
        Map<HostProcess.ThreadKind, Long> threadsBefore = hostProcess.cpuNanosByThreadKind();
        long measuredFrom = System.nanoTime();
        for (int n = 0; n < measured; n++) {
            boolean hostFirst = n % 2 == 0;
            if (!hostFirst) {
                bareTimes.measure(bare, "bench.bare." + n, n);
            }
            sandbox.clearRequests();
            long start = System.nanoTime();
            HostClient.Answer answer = exportAnswer(recruiter, hired.next());
            hostTimes.add(System.nanoTime() - start);
            answer.serverTiming()
                    .forEach((name, millis) ->
                            phases.computeIfAbsent(name, k -> new ArrayList<>()).add((long) (millis * 1e6)));
            List<RecordedRequest> calls = sandbox.requests();
            callsPerExport.add(calls.size());
            // By endpoint: the ids of the records an export makes differ each time.
            calls.forEach(call -> callsByKind.merge(call.method() + " " + RoundTripPlan.label(call), 1, Integer::sum));
            if (hostFirst) {
                bareTimes.measure(bare, "bench.bare." + n, n);
            }
        }
        double cpuPerExport = (hostProcess.cpuNanos() - cpuBefore) / 1e6 / measured;
        Map<HostProcess.ThreadKind, Long> threadsAfter = hostProcess.cpuNanosByThreadKind();
        Map<HostProcess.ThreadKind, Double> perKind = new java.util.EnumMap<>(HostProcess.ThreadKind.class);
        threadsAfter.forEach((kind, nanos) -> perKind.put(kind, (nanos - threadsBefore.get(kind)) / 1e6 / measured));
        if (!phases.containsKey("own")) {
            throw new IllegalStateException("the host's export answers carry no Server-Timing phases: " + phases);
        }
        loopbackPhases = phases;
        Stats own = new Stats(phases.get("own"));
        Stats ownCpu = new Stats(phases.get("cpu"));
        table.add(
                "1 own time per export, server-side (host time − time waiting on Factorial)",
                Table.ms(own.median()),
                own.spread() + ", n=" + own.count() + "; from the host's Server-Timing header; CPU time of the"
                        + " request's and the plugin's threads beside it: median " + Table.ms(ownCpu.median()),
                "≤ 1 ms",
                own.median() <= 1.0);
        for (String phase : List.of("http", "checks", "draft", "attempt", "plugin")) {
            Stats stats = new Stats(phases.get(phase));
            Stats cpu = new Stats(phases.get(phase + "-cpu"));
            table.add(
                    "1   of which " + PHASE_NAMES.get(phase),
                    Table.ms(stats.median()),
                    stats.spread() + "; CPU " + Table.ms(cpu.median()) + " (p90 " + Table.ms(cpu.percentile(90)) + ")",
                    "–",
                    null);
        }
        table.add(
                "1 own CPU time per export (request and plugin threads, Server-Timing cpu)",
                Table.ms(ownCpu.median()),
                ownCpu.spread() + "; the thread CPU time (ThreadMXBean) of the phases above; a busy machine makes a"
                        + " thread wait for a core, which adds to wall time and not to this",
                "–",
                null);
        table.add(
                "1 the host JVM's CPU time per export (all its threads, GC and JIT included)",
                Table.ms(cpuPerExport),
                "/proc/<pid>/stat user + system over the " + measured + " measured exports; by thread"
                        + " (/proc/<pid>/task): JIT compilers " + Table.ms(perKind.get(HostProcess.ThreadKind.JIT))
                        + ", GC " + Table.ms(perKind.get(HostProcess.ThreadKind.GC)) + ", other JVM threads "
                        + Table.ms(perKind.get(HostProcess.ThreadKind.JVM)) + ", application "
                        + Table.ms(perKind.get(HostProcess.ThreadKind.APPLICATION)),
                "–",
                null);
        table.add(
                "1 the host's application threads' CPU time per export (JIT and GC aside)",
                Table.ms(perKind.get(HostProcess.ThreadKind.APPLICATION)),
                "request, plugin, side-by-side look-up, HTTP client and Grizzly threads; beyond the phases' CPU above:"
                        + " the plugin's look-up threads and its HTTP client's and Grizzly's I/O threads",
                "–",
                null);
        Stats hris = new Stats(phases.get("hris"));
        Stats total = new Stats(phases.get("total"));
        table.add(
                "1 time waiting on Factorial (sandbox on loopback), server total",
                Table.ms(hris.median()) + " / " + Table.ms(total.median()),
                "medians; own time is the total less the wait, export by export",
                "–",
                null);
        Stats host = new Stats(hostTimes);
        Stats base = bareTimes.faster();
        table.add("1 export through host, as the client sees it", Table.ms(host.median()), host.spread(), "–", null);
        bareTimes.addRows(table, "1 the same Factorial requests, bare java.net.http client");
        double ratio = host.median() / base.median();
        table.add(
                "1 host/bare, client-observed; host and sandbox in separate JVMs",
                Table.num(ratio, 2) + "×",
                "host − bare " + Table.ms(host.median() - base.median()) + "; p90/p90 "
                        + Table.num(host.percentile(90) / base.percentile(90), 2) + "×",
                "≤ 1.3×",
                ratio <= 1.3);
        int max = callsPerExport.stream().mapToInt(Integer::intValue).max().orElse(0);
        int min = callsPerExport.stream().mapToInt(Integer::intValue).min().orElse(0);
        table.add(
                "2 Factorial requests per export",
                min == max ? String.valueOf(max) : min + "–" + max,
                "over " + measured + " exports: " + callsByKind,
                "–",
                null);
        // Reference lists (legal entities, locations, teams...), not the export's own look-ups of the employee, its
        // reference value and its contract version. The plugin keeps them for 60 s per connection: one load a minute.
        Set<String> perExport =
                Set.of("GET employees/employees", "GET custom_fields/values", "GET contracts/reference_contracts");
        Map<String, Integer> referenceLists = new TreeMap<>();
        callsByKind.forEach((kind, count) -> {
            if (kind.startsWith("GET ") && !perExport.contains(kind)) {
                referenceLists.put(kind, count);
            }
        });
        int loads = referenceLists.values().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
        double minutes = (System.nanoTime() - measuredFrom) / 60e9;
        int allowed = (int) Math.floor(minutes) + 1;
        table.add(
                "2 reference-data loads during " + measured + " exports",
                String.valueOf(loads),
                referenceLists + " over " + Table.num(minutes, 1) + " min; the cache lives 60 s per connection",
                "≤ " + allowed + " (one a minute)",
                loads <= allowed);
        draftCaching(recruiter, sandbox, hired.next());
    }

    static final int JIT_BLOCK = 250;

    /**
     * On two cores the JIT compiles the host's request path (Jersey server and client, Jackson, SQLite) for a minute
     * or more of traffic, its compiler thread taking most of a core meanwhile: a user's long-running host is past
     * that. Exports in blocks until the host's CPU time per export stops falling (within 15% of the block before)
     * and the JIT takes at most a quarter of it, at most {@code maxBlocks} blocks. The JIT's part falls slowly for
     * thousands of exports (PrintCompilation: C2 compiles of methods never compiled before, 434 → 292 → 197 → 94 → 58
     * per 10 s; almost no recompilations, one or two deoptimisations a second, no classes loaded after the first
     * minute), so stopping on the total alone left a warming JIT looking like a steady cost.
     */
    private void jitWarmUp(HostProcess host, HostClient recruiter, ArrayDeque hired, int maxBlocks) throws Exception {
        double previous = Double.MAX_VALUE;
        List<String> perBlock = new ArrayList<>();
        for (int block = 0; block < maxBlocks; block++) {
            long cpu = host.cpuNanos();
            long jit = host.cpuNanosByThreadKind().get(HostProcess.ThreadKind.JIT);
            for (int i = 0; i < JIT_BLOCK; i++) {
                exportThroughHost(recruiter, hired.next());
            }
            double perExport = (host.cpuNanos() - cpu) / 1e6 / JIT_BLOCK;
            double jitPerExport = (host.cpuNanosByThreadKind().get(HostProcess.ThreadKind.JIT) - jit) / 1e6 / JIT_BLOCK;
            perBlock.add(Table.ms(perExport) + " (JIT " + Table.ms(jitPerExport) + ")");
            if (perExport > previous * 0.85 && jitPerExport <= perExport / 4) {
                break;
            }
            previous = perExport;
        }
        if (!perBlock.isEmpty()) {
            table.note("figure 1: the host's CPU time per export over warm-up blocks of " + JIT_BLOCK + " exports: "
                    + String.join(", ", perBlock) + " (the JIT compiling; measured once it stopped falling)");
        }
    }

    /** Figure 1's Server-Timing phases on loopback, for figure 1c's phases at latency beside them; null if not run. */
    private Map<String, List<Long>> loopbackPhases;

    private static final Map<String, String> PHASE_NAMES = Map.of(
            "http", "HTTP and session",
            "checks", "checks (role, candidate, menu, connection)",
            "draft", "draft",
            "attempt", "attempt records (before and after)",
            "plugin", "plugin CPU (validation, mapping, its HTTP client)");

    /**
     * Figure 1c and the round-trip row of figure 2: the export at {@link #NETWORK_LATENCY} per request against the
     * bare client sending the same requests at the floor ({@link RoundTripPlan}: independent requests side by side).
     *
     * @return the round trips the export's requests need at the least
     */
    private int roundTrips(HostClient recruiter, FactorialSandbox slow, ArrayDeque hired, int warmup, int measured)
            throws Exception {
        String latency = NETWORK_LATENCY.toMillis() + " ms";
        System.out.println("Figure 1c: at " + latency + " per Factorial request, " + warmup + " warm-up, " + measured
                + " measured, interleaved with the bare client");
        BareClient bare = warmUp(recruiter, slow, hired, warmup, "bench.latency.warmup");
        int floor = roundTripFloor(bare.template);
        List<Long> hostTimes = new ArrayList<>();
        List<Long> waited = new ArrayList<>();
        List<Long> bareTimes = new ArrayList<>();
        List<Long> bareSequential = new ArrayList<>();
        Map<String, List<Long>> phases = new LinkedHashMap<>();
        for (int n = 0; n < measured; n++) {
            if (n % 2 == 1) {
                bareTimes.add(bare.export("bench.latency." + n + ".par@example.org", true));
            }
            long start = System.nanoTime();
            HostClient.Answer answer = exportAnswer(recruiter, hired.next());
            hostTimes.add(System.nanoTime() - start);
            waited.add((long) (answer.serverTiming().getOrDefault("hris", 0.0) * 1e6));
            answer.serverTiming()
                    .forEach((name, millis) ->
                            phases.computeIfAbsent(name, k -> new ArrayList<>()).add((long) (millis * 1e6)));
            if (n % 2 == 0) {
                bareTimes.add(bare.export("bench.latency." + n + ".par@example.org", true));
            }
            if (n % 4 == 0) {
                bareSequential.add(bare.export("bench.latency." + n + ".seq@example.org", false));
            }
        }
        Stats host = new Stats(hostTimes);
        Stats base = new Stats(bareTimes);
        Stats sequential = new Stats(bareSequential);
        // The host's own wait on Factorial (Server-Timing hris) in latencies: round trips, without our CPU time.
        double deep = new Stats(waited).median() / NETWORK_LATENCY.toMillis();
        table.add(
                "2 round trips per export: " + floor + " — the floor Factorial's API allows",
                String.valueOf(floor),
                RoundTripPlan.of(bare.template).describe() + "; at " + latency + " the export waited on Factorial "
                        + Table.num(deep, 2) + " latencies (Server-Timing hris), the whole export "
                        + Table.num(host.median() / NETWORK_LATENCY.toMillis(), 2),
                "= the floor",
                Math.round(deep) <= floor);
        table.add(
                "1c at " + latency + " per request: export through host",
                Table.ms(host.median()),
                host.spread() + ", n=" + host.count(),
                "–",
                null);
        table.add(
                "1c at " + latency + " per request: bare client at the floor (independent requests side by side)",
                Table.ms(base.median()),
                base.spread() + "; one after the other " + Table.ms(sequential.median()),
                "–",
                null);
        double ratio = host.median() / base.median();
        table.add(
                "1c at " + latency + " per request: host/bare (same requests, bare at the floor)",
                Table.num(ratio, 3) + "×",
                "host − bare " + Table.ms(host.median() - base.median()),
                "≤ 1.05×",
                ratio <= 1.05);
        latencyPhases(latency, phases, host, base);
        return floor;
    }

    /**
     * Where figure 1c's gap goes: the host's own time at latency by Server-Timing phase (wall and the threads' CPU),
     * beside the same phases on loopback (figure 1, when it ran), and the part of the gap that is not the host's
     * own time (its waits on Factorial against the bare client's whole export).
     */
    private void latencyPhases(String latency, Map<String, List<Long>> phases, Stats host, Stats base) {
        if (!phases.containsKey("own")) {
            throw new IllegalStateException("the host's export answers carry no Server-Timing phases: " + phases);
        }
        List<String> names = new ArrayList<>(List.of("own", "cpu"));
        names.addAll(List.of("http", "checks", "draft", "attempt", "plugin"));
        for (String phase : names) {
            Stats at = new Stats(phases.get(phase));
            Stats atCpu = phases.containsKey(phase + "-cpu") ? new Stats(phases.get(phase + "-cpu")) : null;
            String loopback = "";
            if (loopbackPhases != null && loopbackPhases.containsKey(phase)) {
                loopback = "; on loopback (figure 1) " + Table.ms(new Stats(loopbackPhases.get(phase)).median())
                        + (atCpu == null || !loopbackPhases.containsKey(phase + "-cpu")
                                ? ""
                                : ", CPU " + Table.ms(new Stats(loopbackPhases.get(phase + "-cpu")).median()));
            }
            String label = phase.equals("own")
                    ? "own time per export, server-side"
                    : phase.equals("cpu")
                            ? "own CPU time per export (Server-Timing cpu)"
                            : "  of which " + PHASE_NAMES.get(phase);
            table.add(
                    "1c at " + latency + " per request: " + label,
                    Table.ms(at.median()),
                    at.spread() + (atCpu == null ? "" : "; CPU " + Table.ms(atCpu.median())) + loopback,
                    "–",
                    null);
        }
        Stats hris = new Stats(phases.get("hris"));
        Stats total = new Stats(phases.get("total"));
        table.add(
                "1c at " + latency + " per request: host − bare, split",
                Table.ms(host.median() - base.median()),
                "the host's wait on Factorial (Server-Timing hris) " + Table.ms(hris.median()) + " vs the bare client's"
                        + " whole export " + Table.ms(base.median()) + " ("
                        + Table.ms(hris.median() - base.median()) + "); server total " + Table.ms(total.median())
                        + ", so outside the server (the client's HTTP to the host) "
                        + Table.ms(host.median() - total.median()),
                "–",
                null);
    }

    /** The fewest round trips these requests need ({@link RoundTripPlan}: Factorial's data flow, not their order). */
    static int roundTripFloor(List<RecordedRequest> requests) {
        return RoundTripPlan.of(requests).floor();
    }

    /**
     * Figure 7: exports of different candidates from many clients at once, the sandbox answering each request
     * after {@link #NETWORK_LATENCY} and enforcing no limit. Each level is followed by its control: the bare
     * client sending the same requests (independent ones side by side) from as many threads to the same sandbox,
     * so the machine's own ceiling for this traffic (the sandbox and the clients share the cores with the host) is
     * measured in the same minutes as the host.
     */
    private void concurrency(
            HostProcess host,
            HostClient recruiter,
            FactorialSandbox slow,
            ArrayDeque hired,
            int[] levels,
            int perClient,
            int trips)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("Figure 7: " + java.util.Arrays.toString(levels) + " clients at once, " + perClient
                + " measured exports each after one warm-up each; then the bare client at the same level");
        Candidate model = hired.next();
        BareClient bare = new BareClient(slow, exportOnce(recruiter, slow, model), model.email());
        for (int clients : levels) {
            slow.clearRequests();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                Level level = measureLevel(host, perClient, measured -> {
                    if (measured) {
                        slow.clearRequests(); // the warm-up's requests (every client's connection opened) left out
                    }
                    return runClients(pool, recruiter, hired, clients, measured ? perClient : 1);
                });
                double throughput = level.throughput();
                // The host's CPU per export at this level, and the throughput its share of the cores would allow
                // if the host had them all: the CPU-bound ceiling, which no latency can lift.
                double cpuPerExport = level.hostCpuPerExport();
                // This JVM's: the sandbox answering and the clients asking, on the same cores as the host.
                double benchCpuPerExport = level.benchCpuPerExport();
                double cpuCeiling = cores * 1000.0 / cpuPerExport;
                double ideal = clients / (trips * NETWORK_LATENCY.toMillis() / 1000.0);
                boolean judged = clients == 32;
                table.add(
                        "7 " + clients + " clients at once: throughput, p99",
                        Table.num(throughput, 1) + " exports/s",
                        level.outcome() + "; " + Table.num(100 * throughput / ideal, 0) + "% of " + clients + " ÷ ("
                                + trips + " × " + NETWORK_LATENCY.toMillis() + " ms) = " + Table.num(ideal, 0)
                                + "/s; host CPU " + Table.ms(cpuPerExport) + " per export, so " + cores
                                + " cores ÷ that = " + Table.num(cpuCeiling, 0) + "/s at most ("
                                + Table.num(100 * throughput / cpuCeiling, 0)
                                + "% of it); benchmark JVM (sandbox and clients) CPU " + Table.ms(benchCpuPerExport)
                                + " per export, host and it together " + Table.ms(cpuPerExport + benchCpuPerExport)
                                + ", so " + cores + " cores ÷ that = "
                                + Table.num(cores * 1000.0 / (cpuPerExport + benchCpuPerExport), 0) + "/s",
                        judged ? "≥ 80% of " + Table.num(ideal, 0) + "/s, no error" : "no error",
                        judged
                                ? throughput >= 0.8 * ideal && level.results().errors() == 0
                                : level.results().errors() == 0);
                bareControl(pool, bare, clients, perClient, throughput, ideal);
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
    }

    /** One round of figure 7's clients at a level: the warm-up (one export each) or the measured one. */
    @FunctionalInterface
    private interface ClientRound {
        ClientResults run(boolean measured) throws Exception;
    }

    /**
     * One side of a figure 7 level, the host's or its control's: a warm-up round, then the measured round, timed,
     * with the CPU this JVM (sandbox and clients) and, for the host's side, the host used per export.
     *
     * @param host the host process, or null for the control (no host in the way)
     */
    private static Level measureLevel(HostProcess host, int perClient, ClientRound round) throws Exception {
        round.run(false);
        long start = System.nanoTime();
        long hostCpuBefore = host == null ? 0 : host.cpuNanos();
        long benchCpuBefore = benchmarkCpuNanos();
        ClientResults results = round.run(true);
        double seconds = (System.nanoTime() - start) / 1e9;
        int exports = Math.max(1, results.latencies().size());
        double hostCpuPerExport = host == null ? 0 : (host.cpuNanos() - hostCpuBefore) / 1e6 / exports;
        double benchCpuPerExport = (benchmarkCpuNanos() - benchCpuBefore) / 1e6 / exports;
        return new Level(results, seconds, hostCpuPerExport, benchCpuPerExport);
    }

    /** What one side of a figure 7 level measured. */
    private record Level(ClientResults results, double seconds, double hostCpuPerExport, double benchCpuPerExport) {

        double throughput() {
            return results.latencies().size() / seconds;
        }

        /** @return its latency and errors, as both rows of a level give them */
        String outcome() {
            Stats latency = new Stats(results.latencies());
            return "p99 " + Table.ms(latency.percentile(99)) + ", median " + Table.ms(latency.median()) + "; "
                    + results.errors() + " errors of " + (results.latencies().size() + results.errors())
                    + (results.errors() > 0 ? " (" + results.firstError() + ")" : "");
        }
    }

    /**
     * Figure 7's control at one level: the bare client ({@link BareClient}, the export's requests with the
     * independent ones side by side) from {@code clients} threads at once against the same sandbox, as many
     * exports as the host's level, right after it. Its throughput is what this machine reaches for this traffic
     * with no host in the way; the host's throughput is given as a share of it.
     */
    private void bareControl(
            ExecutorService pool, BareClient bare, int clients, int perClient, double hostThroughput, double ideal)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        String tag = "bench.concurrency." + clients;
        Level level = measureLevel(
                null,
                perClient,
                measured -> runBareClients(
                        pool, bare, tag + (measured ? ".measured" : ".warmup"), clients, measured ? perClient : 1));
        double throughput = level.throughput();
        double benchCpuPerExport = level.benchCpuPerExport();
        table.add(
                "7 " + clients + " clients at once: control, bare client (same requests, side by side), throughput",
                Table.num(throughput, 1) + " exports/s",
                level.outcome() + "; " + Table.num(100 * throughput / ideal, 0) + "% of " + Table.num(ideal, 0)
                        + "/s; benchmark JVM (sandbox and bare client) CPU " + Table.ms(benchCpuPerExport)
                        + " per export, so " + cores + " cores ÷ that = "
                        + Table.num(cores * 1000.0 / benchCpuPerExport, 0) + "/s at most; the machine's ceiling for"
                        + " this traffic, measured right after the host's level",
                "–",
                null);
        table.add(
                "7 " + clients + " clients at once: host ÷ control",
                Table.num(100 * hostThroughput / throughput, 0) + "%",
                Table.num(hostThroughput, 1) + " ÷ " + Table.num(throughput, 1) + " exports/s; the control reached "
                        + Table.num(100 * throughput / ideal, 0) + "% of " + Table.num(ideal, 0) + "/s, so "
                        + (throughput >= 0.8 * ideal
                                ? "80% of it is within this machine's reach"
                                : "80% of it is beyond this machine even without the host"),
                "–",
                null);
    }

    /** The bare client's exports from {@code clients} threads at once, each with an e-mail of its own. */
    private static ClientResults runBareClients(
            ExecutorService pool, BareClient bare, String tag, int clients, int each) throws Exception {
        return runConcurrently(pool, clients, clients * each, n -> bare.export(tag + "." + n + "@example.org", true));
    }

    /** One export of a client in a closed loop: its time in nanoseconds; an exception counts as an error. */
    @FunctionalInterface
    private interface TimedExport {
        long run(int n) throws Exception;
    }

    /** Exports 0 to {@code total} - 1 from {@code clients} threads at once, each taking the next when done. */
    private static ClientResults runConcurrently(ExecutorService pool, int clients, int total, TimedExport export)
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> firstError =
                new java.util.concurrent.atomic.AtomicReference<>();
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                    try {
                        latencies.add(export.run(n));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception failed) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, failed.getMessage());
                    }
                }
            }));
        }
        for (var future : running) {
            future.get();
        }
        return new ClientResults(new ArrayList<>(latencies), errors.get(), firstError.get());
    }

    /** @return the CPU time this JVM (the sandbox, the clients and the harness) has used so far, every thread */
    private static long benchmarkCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private record ClientResults(List<Long> latencies, int errors, String firstError) {}

    private static ClientResults runClients(
            ExecutorService pool, HostClient recruiter, ArrayDeque hired, int clients, int each) throws Exception {
        List<Candidate> batch;
        synchronized (hired) {
            batch = hired.take(clients * each);
        }
        return runConcurrently(pool, clients, batch.size(), n -> {
            long start = System.nanoTime();
            HostClient.Answer answer = exportAnswerOrFailure(recruiter, batch.get(n));
            long took = System.nanoTime() - start;
            if (answer.status() != 200) {
                throw new IllegalStateException(answer.toString());
            }
            return took;
        });
    }

    // ---------------------------------------------------------------- figure 1b (the cheapest request)

    /**
     * Figure 1b: {@code GET /api/session} in a tight loop against a bare Jersey-on-Grizzly endpoint serving the
     * same JSON in the same host process ({@link ControlledHost}), in alternating blocks.
     */
    private void cheapestRequest() throws Exception {
        int rounds = quick ? 3 : 10;
        int block = quick ? 100 : 300;
        Path dir = work.resolve("session");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(pluginJar(), plugins.resolve("factorial-plugin.jar"));
        Path data = dir.resolve("data");
        seed(data, plugins, 0, 1);
        System.out.println("\nFigure 1b: GET /api/session against a bare control endpoint in the same host process, "
                + rounds + " rounds of " + block + " requests each, alternating");
        try (HostProcess host =
                HostProcess.controlled(data, plugins, List.of(), "http://127.0.0.1:9", dir.resolve("host.log"))) {
            HostClient recruiter = HostClient.signedIn(host.base, RECRUITER, PASSWORDS.get("RECRUITER"));
            HostClient.Answer session = recruiter.get("/api/session");
            HostClient control = new HostClient(host.control);
            HostClient.Answer set = control.send("PUT", "/control/session", session.json());
            if (set.status() / 100 != 2) {
                throw new IllegalStateException("the control endpoint refused the session JSON: " + set);
            }
            HostClient.Answer echoed = control.get("/control/session");
            if (!echoed.json().equals(session.json())) {
                throw new IllegalStateException("the control endpoint serves other JSON: " + echoed);
            }
            List<Long> hostTimes = new ArrayList<>();
            List<Long> controlTimes = new ArrayList<>();
            List<Long> serverTimes = new ArrayList<>();
            List<Long> serverCpu = new ArrayList<>();
            for (int round = -1; round < rounds; round++) {
                boolean hostFirst = round % 2 == 0;
                for (int side = 0; side < 2; side++) {
                    boolean hostTurn = (side == 0) == hostFirst;
                    for (int i = 0; i < block; i++) {
                        long start = System.nanoTime();
                        HostClient.Answer answer =
                                hostTurn ? recruiter.get("/api/session") : control.get("/control/session");
                        long took = System.nanoTime() - start;
                        if (answer.status() != 200) {
                            throw new IllegalStateException("GET failed: " + answer);
                        }
                        if (round >= 0) {
                            (hostTurn ? hostTimes : controlTimes).add(took);
                            if (hostTurn) {
                                serverTimes.add((long) (answer.serverTiming().getOrDefault("total", 0.0) * 1e6));
                                serverCpu.add((long) (answer.serverTiming().getOrDefault("cpu", 0.0) * 1e6));
                            }
                        }
                    }
                }
            }
            Stats hostStats = new Stats(hostTimes);
            Stats controlStats = new Stats(controlTimes);
            Stats server = new Stats(serverTimes);
            table.add(
                    "1b GET /api/session in a tight loop (host)",
                    Table.ms(hostStats.median()),
                    hostStats.spread() + ", n=" + hostStats.count() + "; server-side " + Table.ms(server.median())
                            + ", of it CPU " + Table.ms(new Stats(serverCpu).median()) + " (request thread)",
                    "–",
                    null);
            table.add(
                    "1b the same JSON from a bare Jersey/Grizzly endpoint in the same process",
                    Table.ms(controlStats.median()),
                    controlStats.spread(),
                    "–",
                    null);
            Stats lookup = sessionLookup(data, recruiter.cookie(SessionFilter.COOKIE), block * rounds);
            table.add(
                    "1b   of which the session look-up alone (SessionStore.find in-process, same database)",
                    Table.ms(lookup.median()),
                    lookup.spread() + "; in the host's session filter: live sessions kept in memory, read from the"
                            + " database again at most every " + SessionStore.REVALIDATE_AFTER.toSeconds() + " s",
                    "–",
                    null);
            double ratio = hostStats.median() / controlStats.median();
            table.add(
                    "1b host/bare for the cheapest request",
                    Table.num(ratio, 2) + "×",
                    "the host's own code per request: " + Table.ms(hostStats.median() - controlStats.median()),
                    "≤ 1.5×",
                    ratio <= 1.5);
        }
    }

    /** Times the host's own session look-up on the host's database, with a pool like the host's. */
    private static Stats sessionLookup(Path data, String token, int times) {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(10_000);
        org.sqlite.SQLiteDataSource sqlite = new org.sqlite.SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + data.resolve("hirerelay.db").toAbsolutePath());
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setDataSource(sqlite);
        pool.setMaximumPoolSize(2);
        try (com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource(pool)) {
            SessionStore sessions = new SessionStore(
                    org.jdbi.v3.core.Jdbi.create(dataSource),
                    java.time.Clock.systemUTC(),
                    CompletableFuture.completedFuture(null));
            List<Long> took = new ArrayList<>();
            for (int i = -200; i < times; i++) {
                long start = System.nanoTime();
                if (sessions.find(token).isEmpty()) {
                    throw new IllegalStateException("the recruiter's session is not in the database");
                }
                if (i >= 0) {
                    took.add(System.nanoTime() - start);
                }
            }
            return new Stats(took);
        }
    }

    // ---------------------------------------------------------------- figure 3b (bulk, no limit in the sandbox)

    /**
     * The plugin paces its POSTs at Factorial's 200 a minute per connection, and an export makes 2 POSTs: the bulk
     * without a sandbox limit runs on a freshly connected integration with at most this many candidates.
     */
    static final int EXPORTS_PER_CONNECTION = 95;

    private void unlimitedBulk() throws Exception {
        int bulkSize = quick ? 40 : EXPORTS_PER_CONNECTION;
        System.out.println("\nFigure 3b: bulk export of " + bulkSize + " with no limit in the sandbox");
        try (Env env = Env.start(work.resolve("bulk"), pluginJar(), SandboxConfig.defaults(), (bulkSize + 20) * 6)) {
            HostClient recruiter = env.recruiter();
            FactorialSandbox sandbox = env.sandbox;
            List<Candidate> batch = new ArrayDeque(env.freshHired()).take(bulkSize);
            sandbox.clearRequests();
            long rateLimitedBefore = sandbox.rateLimitedResponses();
            long pacedBeforeBulk = PacingCounter.PACED.get();
            BulkResult result = bulk(recruiter, batch, 20);
            long duplicates = duplicates(sandbox, batch);
            double seconds = result.nanos() / 1e9;
            int requests = sandbox.requests().size();
            table.add(
                    "3b bulk " + bulkSize + " hired, sandbox without limit",
                    Table.ms(result.nanos() / 1e6),
                    Table.num(bulkSize / seconds, 1) + " exports/s at the host's concurrency 8; "
                            + Table.num((double) requests / bulkSize, 2) + " requests/export; paced POSTs "
                            + (PacingCounter.PACED.get() - pacedBeforeBulk),
                    "–",
                    null);
            table.add(
                    "3b bulk without limit: failed / duplicates / 429s",
                    result.failed() + " / " + duplicates + " / " + (sandbox.rateLimitedResponses() - rateLimitedBefore),
                    "created " + result.created(),
                    "0 / 0 / 0",
                    result.failed() == 0 && duplicates == 0 && result.created() == bulkSize);
        }
    }

    /**
     * Exports {@code count} candidates through the host, captures what the last one sent to Factorial as the
     * bare client's template, and warms the bare client up with as many exports.
     */
    private static BareClient warmUp(
            HostClient recruiter, FactorialSandbox sandbox, ArrayDeque hired, int count, String emailPrefix)
            throws IOException, InterruptedException {
        List<RecordedRequest> template = null;
        String templateEmail = null;
        for (int i = 0; i < count; i++) {
            Candidate candidate = hired.next();
            template = exportOnce(recruiter, sandbox, candidate);
            templateEmail = candidate.email();
        }
        BareClient bare = new BareClient(sandbox, template, templateEmail);
        for (int i = 0; i < Math.min(count, 200); i++) {
            bare.export(emailPrefix + "." + i + "@example.org", i % 2 == 0);
        }
        return bare;
    }

    /** @return the requests the sandbox received for one export through the host */
    private static List<RecordedRequest> exportOnce(
            HostClient recruiter, FactorialSandbox sandbox, Candidate candidate) {
        sandbox.clearRequests();
        exportThroughHost(recruiter, candidate);
        return sandbox.requests();
    }

    private void draftCaching(HostClient recruiter, FactorialSandbox sandbox, Candidate candidate) {
        sandbox.clearRequests();
        HostClient.Answer first = recruiter.get("/api/candidates/" + candidate.id() + "/exports/factorial/draft");
        int firstCalls = sandbox.requests().size();
        sandbox.clearRequests();
        HostClient.Answer second = recruiter.get("/api/candidates/" + candidate.id() + "/exports/factorial/draft");
        int secondCalls = sandbox.requests().size();
        if (first.status() != 200 || second.status() != 200) {
            table.note("draft form could not be opened: " + first + " / " + second);
            return;
        }
        table.add(
                "2 edit-form requests: 1st open after exports / 2nd open",
                firstCalls + " / " + secondCalls,
                "reference data cached per connection",
                "2nd = 0",
                secondCalls == 0);
    }

    /** @return nanoseconds of one export through the host, as the client sees it */
    private static long exportThroughHost(HostClient recruiter, Candidate candidate) {
        long start = System.nanoTime();
        exportAnswer(recruiter, candidate);
        return System.nanoTime() - start;
    }

    /** @return the host's answer to an export that created the employee */
    private static HostClient.Answer exportAnswer(HostClient recruiter, Candidate candidate) {
        HostClient.Answer answer = exportAnswerOrFailure(recruiter, candidate);
        if (answer.status() != 200
                || !"CREATED".equals(answer.json().path("outcome").asText())) {
            throw new IllegalStateException("export of candidate " + candidate.id() + " failed: " + answer);
        }
        return answer;
    }

    private static HostClient.Answer exportAnswerOrFailure(HostClient recruiter, Candidate candidate) {
        return recruiter.post("/api/candidates/" + candidate.id() + "/exports/factorial", Map.of("values", Map.of()));
    }

    /** Connects Factorial, pointed at this sandbox. */
    private static void connect(HostClient admin, FactorialSandbox sandbox) {
        HostClient.Answer connected = admin.post(
                "/api/integrations/factorial",
                Map.of(
                        "values",
                        Map.of("api_key", sandbox.apiKey(), "environment", "custom", "base_url", sandbox.baseUrl())));
        if (connected.status() != 201) {
            throw new IllegalStateException("connecting Factorial failed: " + connected);
        }
    }

    /** Removes the Factorial integration and connects it to another sandbox. */
    private static void reconnect(HostClient admin, FactorialSandbox sandbox) {
        HostClient.Answer removed = admin.send("DELETE", "/api/integrations/factorial", null);
        if (removed.status() != 204) {
            throw new IllegalStateException("removing Factorial failed: " + removed);
        }
        connect(admin, sandbox);
    }

    /**
     * Creates a data folder (demo data, the benchmark's passwords) with {@code generated} more candidates, through
     * the host's own code in this JVM, and closes it again.
     *
     * @return the id of the first generated candidate
     */
    private static long seed(Path data, Path plugins, int generated, long seed) {
        return seed(data, plugins, null, generated, seed);
    }

    /** As {@link #seed(Path, Path, int, long)}, in that PostgreSQL database (null: the SQLite file in data). */
    private static long seed(Path data, Path plugins, DatabaseServer database, int generated, long seed) {
        try (HireRelayHost seeding =
                HireRelayHost.start(new HostOptions("127.0.0.1", 0, data, plugins, Map.of(), PASSWORDS)
                        .withManagement("127.0.0.1", HostOptions.NO_MANAGEMENT_PORT)
                        .withDatabaseServer(database))) {
            var jdbi = seeding.database().jdbi();
            long first = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM candidates")
                    .mapTo(Long.class)
                    .one());
            if (generated > 0) {
                DemoSeed.addGeneratedCandidates(jdbi, generated, seed);
            }
            return first;
        }
    }

    /** @return the generated hired candidates from {@code first} on, in a closed data folder */
    private static List<Candidate> freshHired(Path data, long first) throws Exception {
        return freshHired(data, null, first);
    }

    /** As {@link #freshHired(Path, long)}, from that PostgreSQL database (null: the SQLite file in data). */
    private static List<Candidate> freshHired(Path data, DatabaseServer database, long first) throws Exception {
        try (var connection = database == null
                        ? java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve("hirerelay.db"))
                        : java.sql.DriverManager.getConnection(
                                database.jdbcUrl(), database.user(), database.password());
                var query = connection.prepareStatement(
                        "SELECT id, email FROM candidates WHERE status = 'HIRED' AND id >= ? ORDER BY id")) {
            query.setLong(1, first);
            List<Candidate> hired = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    hired.add(new Candidate(rows.getLong(1), rows.getString(2)));
                }
            }
            return hired;
        }
    }

    private record BulkResult(long nanos, int created, int failed, int other, int rateLimitedToUser) {}

    private static BulkResult bulk(HostClient recruiter, List<Candidate> batch, long pollMillis)
            throws InterruptedException {
        List<Long> ids = batch.stream().map(Candidate::id).toList();
        long start = System.nanoTime();
        HostClient.Answer started =
                recruiter.post("/api/exports/bulk", Map.of("connectorId", "factorial", "candidateIds", ids));
        if (started.status() != 202) {
            throw new IllegalStateException("bulk export refused: " + started);
        }
        String id = started.json().get("id").asText();
        while (true) {
            HostClient.Answer progress = recruiter.get("/api/exports/bulk/" + id);
            JsonNode json = progress.json();
            if (json.path("finished").asBoolean()) {
                long nanos = System.nanoTime() - start;
                int created = 0;
                int failed = 0;
                int other = 0;
                int rateLimited = 0;
                List<String> failures = new ArrayList<>();
                for (JsonNode result : json.get("results")) {
                    switch (result.path("state").asText()) {
                        case "CREATED" -> created++;
                        case "FAILED" -> {
                            failed++;
                            String message = result.path("message").asText().toLowerCase();
                            if (message.contains("429")
                                    || message.contains("rate")
                                    || message.contains("too many")
                                    || message.contains("limit")) {
                                rateLimited++;
                            }
                            if (failures.size() < 3) {
                                failures.add(result.path("message").asText());
                            }
                        }
                        default -> other++;
                    }
                }
                if (!failures.isEmpty()) {
                    System.out.println("  first failures: " + failures);
                }
                return new BulkResult(nanos, created, failed, other, rateLimited);
            }
            Thread.sleep(pollMillis);
        }
    }

    private static long duplicates(FactorialSandbox sandbox, List<Candidate> batch) {
        Set<String> emails = batch.stream().map(c -> c.email().toLowerCase()).collect(Collectors.toSet());
        return sandbox.employees().stream()
                .map(e -> String.valueOf(e.get("email")).toLowerCase())
                .filter(emails::contains)
                .collect(Collectors.groupingBy(e -> e, Collectors.counting()))
                .values()
                .stream()
                .filter(n -> n > 1)
                .count();
    }

    // ---------------------------------------------------------------- figure 3a (Factorial's POST limit)

    private void limitedBulk() throws Exception {
        int size = full ? 1000 : quick ? 110 : 150;
        int rate = FACTORIAL_POSTS_PER_MINUTE;
        System.out.println("\nFigure 3a: bulk export of " + size + " with the sandbox enforcing " + rate
                + " POSTs/min (sliding 60 s window)" + (full ? "" : "; --full runs 1,000 (about 10 minutes)"));
        try (Env env = Env.start(
                work.resolve("limited"),
                pluginJar(),
                SandboxConfig.defaults().withPostLimitPerMinute(rate),
                (size + 50) * 6)) {
            HostClient recruiter = env.recruiter();
            List<Candidate> batch = new ArrayDeque(env.freshHired()).take(size);
            env.sandbox.clearRequests();
            long pacedBefore = PacingCounter.PACED.get();
            BulkResult result = bulk(recruiter, batch, 250);
            long duplicates = duplicates(env.sandbox, batch);
            long sandbox429 = env.sandbox.rateLimitedResponses();
            long posts = env.sandbox.requests().stream()
                    .filter(r -> r.method().equals("POST") && r.status() != 429)
                    .count();
            double seconds = result.nanos() / 1e9;
            double limit = posts * 60.0 / rate;
            // A sliding window lets the first `rate` POSTs through at once: the last POST can start no earlier than
            // floor((P - 1) / rate) windows after the first.
            double floor = Math.floor((posts - 1) / (double) rate) * 60.0;
            table.add(
                    "3a bulk " + size + " (" + posts + " POSTs) at " + rate + " POSTs/min: total vs POSTs/rate",
                    Table.num(seconds, 1) + " s = " + Table.num(seconds / limit, 2) + "× of " + Table.num(limit, 0)
                            + " s",
                    "sliding-window floor " + Table.num(floor, 0) + " s (we took " + Table.num(seconds - floor, 1)
                            + " s more); POSTs the plugin held back ≥ 1 s: "
                            + (PacingCounter.PACED.get() - pacedBefore),
                    "≤ 1.05×",
                    seconds <= 1.05 * limit);
            table.add(
                    "3a bulk at limit: failed / duplicates / 429s to users",
                    result.failed() + " / " + duplicates + " / " + result.rateLimitedToUser(),
                    "429s answered by the sandbox: " + sandbox429 + "; created " + result.created(),
                    "0 / 0 / 0",
                    result.failed() == 0
                            && duplicates == 0
                            && result.created() == size
                            && result.rateLimitedToUser() == 0);
        }
    }

    // ---------------------------------------------------------------- PostgreSQL (figures 1, 1c, 5 and 3a)

    /** Figures taken on a PostgreSQL database. */
    @FunctionalInterface
    private interface PostgresFigures {
        void run(DatabaseServer database) throws Exception;
    }

    /**
     * Runs those figures on a fresh database of the throw-away PostgreSQL the host's tests use; where PostgreSQL
     * is not installed, their rows say so instead.
     */
    private void onPostgres(List<String> figures, PostgresFigures body) throws Exception {
        if (!TestPostgres.installed()) {
            for (String figure : figures) {
                table.add(
                        figure + " on PostgreSQL",
                        "skipped: no PostgreSQL (run .ci/install-test-deps)",
                        "no PostgreSQL server binaries (Debian's postgresql, or PG_BINDIR)",
                        "–",
                        null);
            }
            return;
        }
        body.run(TestPostgres.server().createDatabase(null));
    }

    /**
     * Figure 3a across instances: three host processes ({@code java -jar host-demo.jar}) on one PostgreSQL and one
     * data folder (the master key), the sandbox enforcing Factorial's 200 POSTs per sliding minute for the key, and
     * three bulk exports of a third of the hires each, started at once by three users, one on each instance. The
     * instances share the budget through the database ({@code DatabaseRateBudget}).
     */
    private void threeInstances(DatabaseServer database) throws Exception {
        int size = quick ? 60 : 300;
        int rate = FACTORIAL_POSTS_PER_MINUTE;
        Path dir = work.resolve("instances");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(pluginJar(), plugins.resolve("factorial-plugin.jar"));
        Path data = dir.resolve("data");
        long first = seed(data, plugins, database, size * 6 + 100, 17);
        List<Candidate> hires = new ArrayDeque(freshHired(data, database, first)).take(size);
        System.out.println("\nFigure 3a across three instances on one PostgreSQL: bulk of " + size + " at " + rate
                + " POSTs/min (sliding 60 s window)");
        List<HostProcess> instances = new ArrayList<>();
        ExecutorService followers = Executors.newFixedThreadPool(3);
        try (FactorialSandbox sandbox =
                FactorialSandbox.start(SandboxConfig.defaults().withPostLimitPerMinute(rate))) {
            for (int i = 0; i < 3; i++) {
                instances.add(HostProcess.jar(
                        hostJar(),
                        data,
                        plugins,
                        List.of(),
                        sandbox.baseUrl(),
                        database,
                        dir.resolve("host-" + i + ".log")));
            }
            connect(HostClient.signedIn(instances.get(0).base, ADMIN, PASSWORDS.get("ADMIN")), sandbox);
            // A user runs two bulk exports at most: three users, each on an instance of their own.
            List<HostClient> starters = List.of(
                    HostClient.signedIn(instances.get(0).base, ADMIN, PASSWORDS.get("ADMIN")),
                    HostClient.signedIn(instances.get(1).base, RECRUITER, PASSWORDS.get("RECRUITER")),
                    HostClient.signedIn(instances.get(2).base, HIRING_MANAGER, PASSWORDS.get("HIRING_MANAGER")));
            int share = size / 3;
            sandbox.clearRequests();
            long rateLimitedBefore = sandbox.rateLimitedResponses();
            long start = System.nanoTime();
            List<CompletableFuture<BulkResult>> running = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                List<Candidate> part = hires.subList(i * share, (i + 1) * share);
                HostClient starter = starters.get(i);
                running.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return bulk(starter, part, 250);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                        },
                        followers));
            }
            List<BulkResult> results =
                    running.stream().map(CompletableFuture::join).toList();
            double seconds = (System.nanoTime() - start) / 1e9;
            int exported = share * 3;
            int created = results.stream().mapToInt(BulkResult::created).sum();
            int failed = results.stream().mapToInt(BulkResult::failed).sum();
            int toUsers =
                    results.stream().mapToInt(BulkResult::rateLimitedToUser).sum();
            long duplicates = duplicates(sandbox, hires.subList(0, exported));
            long posts = sandbox.requests().stream()
                    .filter(r -> r.method().equals("POST") && r.status() != 429)
                    .count();
            double limit = posts * 60.0 / rate;
            double floor = Math.floor((posts - 1) / (double) rate) * 60.0;
            table.add(
                    "3a three instances on one PostgreSQL, bulk " + exported + " (" + posts + " POSTs) at " + rate
                            + " POSTs/min: total vs POSTs/rate",
                    Table.num(seconds, 1) + " s = " + Table.num(seconds / limit, 2) + "× of " + Table.num(limit, 0)
                            + " s",
                    "three bulk exports of " + share + " started at once by three users, one on each instance;"
                            + " sliding-window floor " + Table.num(floor, 0) + " s (we took "
                            + Table.num(seconds - floor, 1) + " s more)",
                    "≤ 1.05×",
                    seconds <= 1.05 * limit);
            table.add(
                    "3a three instances at limit: failed / duplicates / 429s to users",
                    failed + " / " + duplicates + " / " + toUsers,
                    "429s answered by the sandbox: " + (sandbox.rateLimitedResponses() - rateLimitedBefore)
                            + "; created " + created,
                    "0 / 0 / 0",
                    failed == 0 && duplicates == 0 && created == exported && toUsers == 0);
            table.note("figure 3a across instances: host logs "
                    + dir.resolve("host-0.log").getFileName()
                    + " to host-2.log; no -D" + "hirerelay.factorial.postsPerMinute: the plugin paces at Factorial's"
                    + " limit, counted over the three instances in the database");
        } finally {
            followers.shutdownNow();
            for (HostProcess instance : instances) {
                instance.close();
            }
        }
    }

    // ---------------------------------------------------------------- figure 4 (start-up)

    private void startup() throws Exception {
        int runs = quick ? 2 : 5;
        Path jar = hostJar();
        Path archive = jar.resolveSibling("host-demo.jsa");
        Path plugins = Files.createDirectories(work.resolve("startup-plugins"));
        Files.copy(pluginJar(), plugins.resolve("factorial-plugin.jar"));
        System.out.println("\nFigure 4: start-up of " + jar.getFileName() + ", " + runs + " runs each, with the build's"
                + " class-data archive (the README's demo command) and without it (plain java -jar), interleaved");
        boolean withArchive = Files.isRegularFile(archive);
        if (!withArchive) {
            table.note("no " + archive
                    + " (built by ./mvnw package unless -Dcds.skip): start-up with the archive not measured");
        }
        List<String> readme = withArchive ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
        Map<String, List<Long>> times = new LinkedHashMap<>();
        List<Long> inHostFresh = new ArrayList<>();
        List<Long> inHostRestart = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            if (withArchive) {
                Path data = work.resolve("startup-data-cds-" + i);
                timeStart(times, "cds-empty", jar, data, plugins, readme);
                timeStart(times, "cds-existing", jar, data, plugins, readme);
            }
            Path data = work.resolve("startup-data-" + i);
            hostStartMillis.clear();
            timeStart(times, "plain-empty", jar, data, plugins, List.of());
            timeStart(times, "plain-existing", jar, data, plugins, List.of());
            if (hostStartMillis.size() == 2) {
                inHostFresh.add(hostStartMillis.get(0));
                inHostRestart.add(hostStartMillis.get(1));
            }
        }
        if (withArchive) {
            startupRow(
                    "4 start to first page, existing data, README command (build's class-data archive)",
                    times.get("cds-existing"));
            startupRow("4 start to first page, empty data folder, README command (creates DB)", times.get("cds-empty"));
            Stats api = new Stats(times.get("cds-existing-api"));
            table.add(
                    "4 start to the first API answer, existing data, README command",
                    Table.ms(api.median()),
                    api.spread() + "; GET /api/session sent once the first page came (the server listens, and serves"
                            + " the web UI, before the API is built; API requests wait for it); empty data folder "
                            + Table.ms(new Stats(times.get("cds-empty-api")).median()),
                    "–",
                    null);
        }
        startupRow("4 start to first page, existing data, plain java -jar (no archive)", times.get("plain-existing"));
        startupRow("4 start to first page, empty data folder, plain java -jar", times.get("plain-empty"));
        if (!inHostRestart.isEmpty()) {
            Stats hostRestart = new Stats(inHostRestart);
            Stats hostFresh = new Stats(inHostFresh);
            table.add(
                    "4 of which HireRelayHost.start (DB, plugins, HTTP), plain, existing / empty",
                    Table.ms(hostRestart.median()) + " / " + Table.ms(hostFresh.median()),
                    "the rest is JVM start, class loading of main, first request",
                    "–",
                    null);
        }
    }

    /** One start: the time to its first page under {@code key}, to its first API answer under {@code key-api}. */
    private void timeStart(
            Map<String, List<Long>> times, String key, Path jar, Path data, Path plugins, List<String> jvmArgs)
            throws Exception {
        long[] took = timeToFirstPage(jar, data, plugins, jvmArgs);
        times.computeIfAbsent(key, k -> new ArrayList<>()).add(took[0]);
        times.computeIfAbsent(key + "-api", k -> new ArrayList<>()).add(took[1]);
    }

    private void startupRow(String label, List<Long> nanos) {
        Stats stats = new Stats(nanos);
        table.add(label, Table.ms(stats.median()), stats.spread(), "< 1.5 s", stats.median() < 1500);
    }

    /** HireRelayHost.start's own time ("serving ... after N ms" in the host's log), per start. */
    private final List<Long> hostStartMillis = new ArrayList<>();

    /** @return the nanoseconds from spawning the host to its first page, and to its first API answer */
    private long[] timeToFirstPage(Path jar, Path data, Path plugins, List<String> jvmArgs) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmArgs);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--bind",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--management-port",
                "0",
                "--data-dir",
                data.toString(),
                "--plugins-dir",
                plugins.toString(),
                "--no-sandbox"));
        Path log = work.resolve("startup-" + port + ".log");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(200))
                .build();
        HttpRequest home = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "host exited with " + process.exitValue() + ":\n" + Files.readString(log));
                }
                try {
                    if (http.send(home, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        long took = System.nanoTime() - start;
                        // What the page asks first; any answer but 503 (still starting) means the API serves.
                        HttpRequest session = HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/session"))
                                .timeout(Duration.ofSeconds(30))
                                .build();
                        while (http.send(session, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 503) {
                            Thread.sleep(5);
                        }
                        long api = System.nanoTime() - start;
                        String output = awaitServingLine(log);
                        if (!output.contains("1 connector(s)")) {
                            throw new IllegalStateException("the host started without the plugin:\n" + output);
                        }
                        Matcher inHost = Pattern.compile("connector\\(s\\)\\) after (\\d+) ms")
                                .matcher(output);
                        if (inHost.find()) {
                            hostStartMillis.add(Long.parseLong(inHost.group(1)) * 1_000_000L);
                        }
                        return new long[] {took, api};
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException("no first page after 60 s:\n" + Files.readString(log));
                }
                Thread.sleep(5);
            }
        } finally {
            stop(process);
        }
    }

    /**
     * The host logs "serving ... connector(s)" just after its server starts answering, so the first page can
     * arrive before the line does; wait for it briefly instead of reading the log once.
     */
    private static String awaitServingLine(Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String output = Files.readString(log);
        while (!output.contains("connector(s)") && System.nanoTime() < deadline) {
            Thread.sleep(5);
            output = Files.readString(log);
        }
        return output;
    }

    // ---------------------------------------------------------------- figure 4 (plugin loading alone, JMH)

    private void pluginLoading() throws RunnerException, IOException {
        Path plugins = Files.createDirectories(work.resolve("jmh-plugins"));
        Files.copy(
                pluginJar(),
                plugins.resolve("factorial-plugin.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("\nFigure 4: plugin loading alone (JMH, PluginHost.start + close)");
        Options cold = new OptionsBuilder()
                .include(PluginLoadBenchmark.class.getName())
                .param("pluginsDir", plugins.toString())
                .mode(Mode.SingleShotTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .warmupIterations(0)
                .measurementIterations(1)
                .forks(quick ? 2 : 5)
                .jvmArgs("-Xmx256m")
                .verbosity(VerboseMode.SILENT)
                .build();
        RunResult coldResult = new Runner(cold).runSingle();
        var coldStats = coldResult.getAggregatedResult().getPrimaryResult().getStatistics();
        table.add(
                "4 plugin loading alone, cold (1st load in a fresh JVM)",
                Table.ms(coldStats.getPercentile(50)),
                "min–max " + Table.ms(coldStats.getMin()) + "–" + Table.ms(coldStats.getMax()) + " over "
                        + coldStats.getN() + " JVMs",
                "part of < 1.5 s",
                null);
        Options warm = new OptionsBuilder()
                .include(PluginLoadBenchmark.class.getName())
                .param("pluginsDir", plugins.toString())
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5)
                .measurementTime(TimeValue.seconds(1))
                .forks(1)
                .jvmArgs("-Xmx256m")
                .verbosity(VerboseMode.SILENT)
                .build();
        var warmStats = new Runner(warm)
                .runSingle()
                .getAggregatedResult()
                .getPrimaryResult()
                .getStatistics();
        table.add(
                "4 plugin loading alone, warm (JMH sample time)",
                Table.ms(warmStats.getPercentile(50)),
                "p10–p90 " + Table.ms(warmStats.getPercentile(10)) + "–" + Table.ms(warmStats.getPercentile(90)),
                "–",
                null);
    }

    // ---------------------------------------------------------------- figure 5 (scale)

    /**
     * Figure 5 at two sizes (50,000 and 500,000 candidates; --quick 5,000 and 20,000): the host in its own JVM with
     * a 256 MB heap on the same data folder, grown between the two. Times are the host's Server-Timing totals
     * (server-side), with the client's view beside them.
     */
    private void scale() throws Exception {
        int[] sizes = quick ? new int[] {5_000, 20_000} : new int[] {50_000, 500_000};
        int samples = quick ? 100 : 300;
        Path data = work.resolve("scale-data");
        Path plugins = Files.createDirectories(work.resolve("scale-plugins"));
        Files.copy(pluginJar(), plugins.resolve("factorial-plugin.jar"));
        for (int target : sizes) {
            Path kept = scaleData == null ? null : scaleData.resolve(Integer.toString(target));
            if (kept != null && Files.isDirectory(kept)) {
                // Seeding 450,000 candidates takes a quarter of an hour on a busy machine: a copy of a data folder
                // of that size kept from an earlier run (--keep) is the same data, migrated by this host on start.
                deleteQuietly(data);
                Files.createDirectories(data);
                try (var files = Files.list(kept)) {
                    for (Path file : files.toList()) {
                        Files.copy(file, data.resolve(file.getFileName()));
                    }
                }
                table.note("figure 5 at " + target + ": on a copy of " + kept + " (kept from an earlier run)");
            }
            scaleAt(target, samples, data, plugins, null);
        }
        table.note("figure 5: server-side is the host's Server-Timing total (request read to answer ready; the JSON"
                + " is written after it); the client's p99 over loopback HTTP/1.1 is beside it; the host is a JVM of"
                + " its own with -Xmx256m");
    }

    /** Figure 5 at 50,000 candidates (--quick 5,000) on PostgreSQL. */
    private void scaleOnPostgres(DatabaseServer database) throws Exception {
        Path data = work.resolve("pg-scale-data");
        Path plugins = Files.createDirectories(work.resolve("pg-scale-plugins"));
        Files.copy(pluginJar(), plugins.resolve("factorial-plugin.jar"));
        scaleAt(quick ? 5_000 : 50_000, quick ? 100 : 300, data, plugins, database);
    }

    private void scaleAt(int target, int samples, Path data, Path plugins, DatabaseServer database) throws Exception {
        System.out.println("\nFigure 5: " + target + " candidates; " + samples + " measured requests per query");
        List<Long> jobs;
        Map<String, Stats> repositoryTimes;
        String common = "müller";
        String rare;
        long seedStart = System.nanoTime();
        try (HireRelayHost seeding =
                HireRelayHost.start(new HostOptions("127.0.0.1", 0, data, plugins, Map.of(), PASSWORDS)
                        .withManagement("127.0.0.1", HostOptions.NO_MANAGEMENT_PORT)
                        .withDatabaseServer(database))) {
            var jdbi = seeding.database().jdbi();
            int existing = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM candidates")
                    .mapTo(Integer.class)
                    .one());
            DemoSeed.addGeneratedCandidates(jdbi, target - existing, target);
            jobs = jdbi.withHandle(h -> h.createQuery("SELECT id FROM jobs ORDER BY id")
                    .mapTo(Long.class)
                    .list());
            rare = jdbi.withHandle(
                            h -> h.createQuery("SELECT email FROM candidates ORDER BY id DESC LIMIT 1 OFFSET 777")
                                    .mapTo(String.class)
                                    .one())
                    .split("@")[0];
            repositoryTimes = repositoryTimes(jdbi, seeding.database().dialect(), jobs, common, rare, samples);
        }
        System.out.println("  seeded in " + Table.ms((System.nanoTime() - seedStart) / 1e6));
        try (HostProcess host = HostProcess.jar(
                hostJar(),
                data,
                plugins,
                List.of("-Xmx256m"),
                null,
                database,
                work.resolve((database == null ? "" : "pg-") + "scale-host-" + target + ".log"))) {
            HostClient recruiter = HostClient.signedIn(host.base, RECRUITER, PASSWORDS.get("RECRUITER"));
            long hiredTotal = recruiter
                    .get("/api/candidates?status=HIRED&pageSize=25")
                    .json()
                    .get("total")
                    .asLong();
            long jobActiveTotal = recruiter
                    .get("/api/candidates?status=ACTIVE&jobId=" + jobs.get(1) + "&pageSize=25")
                    .json()
                    .get("total")
                    .asLong();
            Random random = new Random(3);
            Map<String, java.util.function.Supplier<String>> queries = new LinkedHashMap<>();
            queries.put(
                    "list status=HIRED, random page of 25 (" + hiredTotal + " match)",
                    () -> "/api/candidates?status=HIRED&pageSize=25&page="
                            + (1 + random.nextInt((int) Math.max(1, hiredTotal / 25))));
            queries.put(
                    "list jobId+status=ACTIVE, random page (" + jobActiveTotal + " match)",
                    () -> "/api/candidates?status=ACTIVE&jobId=" + jobs.get(1) + "&pageSize=25&page="
                            + (1 + random.nextInt((int) Math.max(1, jobActiveTotal / 25))));
            queries.put(
                    "search q=" + common + " (name), page 1",
                    () -> "/api/candidates?q=" + URLEncoder.encode(common, StandardCharsets.UTF_8) + "&pageSize=25");
            queries.put(
                    "search q=" + rare + " (one e-mail)",
                    () -> "/api/candidates?q=" + URLEncoder.encode(rare, StandardCharsets.UTF_8) + "&pageSize=25");
            queries.put(
                    "pipeline page of a job", () -> "/api/jobs/" + jobs.get(random.nextInt(jobs.size())) + "/pipeline");
            Map<String, List<Long>> server = new LinkedHashMap<>();
            Map<String, List<Long>> client = new LinkedHashMap<>();
            Map<String, List<Long>> serverCpu = new LinkedHashMap<>();
            queries.keySet().forEach(k -> {
                server.put(k, new ArrayList<>());
                client.put(k, new ArrayList<>());
                serverCpu.put(k, new ArrayList<>());
            });
            Map<String, Integer> bytes = new HashMap<>();
            for (int round = 0; round < samples + 50; round++) {
                for (var query : queries.entrySet()) {
                    String path = query.getValue().get();
                    long start = System.nanoTime();
                    HostClient.Answer answer = recruiter.get(path);
                    long took = System.nanoTime() - start;
                    if (answer.status() != 200) {
                        throw new IllegalStateException(path + " -> " + answer);
                    }
                    bytes.put(query.getKey(), answer.body().length());
                    if (round >= 50) {
                        client.get(query.getKey()).add(took);
                        server.get(query.getKey())
                                .add((long) (answer.serverTiming().get("total") * 1e6));
                        serverCpu.get(query.getKey()).add((long)
                                (answer.serverTiming().get("cpu") * 1e6));
                    }
                }
            }
            List<Stats> repository = new ArrayList<>(repositoryTimes.values());
            int index = 0;
            for (String key : queries.keySet()) {
                Stats serverSide = new Stats(server.get(key));
                Stats clientSide = new Stats(client.get(key));
                Stats repo = repository.get(index++);
                double p99 = serverSide.percentile(99);
                table.add(
                        "5 " + target / 1000 + "k " + key + ": server p99",
                        Table.ms(p99),
                        "server median " + Table.ms(serverSide.median()) + " (CPU "
                                + Table.ms(new Stats(serverCpu.get(key)).median()) + "); client p99 "
                                + Table.ms(clientSide.percentile(99)) + "; " + bytes.get(key) / 1024
                                + " KiB; SQL alone median " + Table.ms(repo.median()) + ", p99 "
                                + Table.ms(repo.percentile(99)),
                        "p99 ≤ 20 ms",
                        p99 <= 20);
            }
            long heap = host.heapUsedAfterGc();
            table.add(
                    "5 " + target / 1000 + "k host heap used after GC",
                    heap / 1024 / 1024 + " MB",
                    "jcmd GC.run + GC.heap_info, -Xmx256m",
                    "≤ 256 MB",
                    heap <= 256L * 1024 * 1024);
        }
    }

    /** The SQL of the same five requests, in-process through the host's repositories (no HTTP, no views). */
    private static Map<String, Stats> repositoryTimes(
            org.jdbi.v3.core.Jdbi jdbi,
            com.hirerelay.host.storage.SqlDialect dialect,
            List<Long> jobs,
            String common,
            String rare,
            int samples) {
        var candidates = new com.hirerelay.host.candidates.CandidateRepository(jdbi, dialect);
        var hiredStatus = com.hirerelay.api.candidate.CandidateStatus.HIRED;
        var activeStatus = com.hirerelay.api.candidate.CandidateStatus.ACTIVE;
        Random random = new Random(3);
        long hiredPages = Math.max(
                1,
                candidates
                                .list(new com.hirerelay.host.candidates.CandidateFilter(
                                        hiredStatus, null, null, null, 1, 25))
                                .total()
                        / 25);
        long activePages = Math.max(
                1,
                candidates
                                .list(new com.hirerelay.host.candidates.CandidateFilter(
                                        activeStatus, jobs.get(1), null, null, 1, 25))
                                .total()
                        / 25);
        List<Long> stages = jdbi.withHandle(h -> h.createQuery("SELECT id FROM stages WHERE job_id = ?")
                .bind(0, jobs.get(0))
                .mapTo(Long.class)
                .list());
        Map<String, Runnable> work = new LinkedHashMap<>();
        work.put(
                "hired",
                () -> candidates.list(new com.hirerelay.host.candidates.CandidateFilter(
                        hiredStatus, null, null, null, 1 + random.nextInt((int) hiredPages), 25)));
        work.put(
                "job",
                () -> candidates.list(new com.hirerelay.host.candidates.CandidateFilter(
                        activeStatus, jobs.get(1), null, null, 1 + random.nextInt((int) activePages), 25)));
        work.put(
                "common",
                () -> candidates.list(
                        new com.hirerelay.host.candidates.CandidateFilter(null, null, null, common, 1, 25)));
        work.put(
                "rare",
                () -> candidates.list(
                        new com.hirerelay.host.candidates.CandidateFilter(null, null, null, rare, 1, 25)));
        work.put("pipeline", () -> {
            candidates.countsInStages(stages);
            candidates.inStages(stages, 50);
        });
        Map<String, List<Long>> times = new LinkedHashMap<>();
        work.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        for (int round = 0; round < samples + 50; round++) {
            for (var entry : work.entrySet()) {
                long start = System.nanoTime();
                entry.getValue().run();
                if (round >= 50) {
                    times.get(entry.getKey()).add(System.nanoTime() - start);
                }
            }
        }
        Map<String, Stats> stats = new LinkedHashMap<>();
        times.forEach((k, v) -> stats.put(k, new Stats(v)));
        return stats;
    }

    // ---------------------------------------------------------------- figure 6 (footprint)

    private void footprint() throws IOException {
        Path jar = pluginJar();
        System.out.println("\nFigure 6: plugin jar " + jar);
        Map<String, Long> byPackage = new TreeMap<>();
        List<String> nestedJars = new ArrayList<>();
        Set<String> hostPackages = packagesOf(hostJar());
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.startsWith("lib/") && name.endsWith(".jar")) {
                    nestedJars.add(name.substring(4) + " (" + entry.getSize() / 1024 + " KiB)");
                } else if (name.endsWith(".class")) {
                    byPackage.merge(topPackage(name), entry.getCompressedSize(), Long::sum);
                } else {
                    byPackage.merge(
                            "(resources) " + (name.contains("/") ? name.substring(0, name.indexOf('/')) : name),
                            entry.getCompressedSize(),
                            Long::sum);
                }
            }
        }
        Set<String> pluginPackages = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream()
                    .filter(e -> e.getName().endsWith(".class"))
                    .forEach(e -> pluginPackages.add(packageOf(e.getName())));
        }
        Set<String> shared = new TreeSet<>(pluginPackages);
        shared.retainAll(hostPackages);
        long size = Files.size(jar);
        table.add("6 plugin jar size", size / 1024 + " KiB", byPackage.size() + " top-level groups", "small", null);
        Set<String> sharedGroups = shared.stream()
                .map(p -> topPackage(
                        p.replaceFirst("^META-INF\\.versions\\.\\d+\\.", "").replace('.', '/') + "/X.class"))
                .collect(Collectors.toCollection(TreeSet::new));
        table.add(
                "6 packages also in the host (duplicate copies)",
                String.valueOf(shared.size()),
                shared.isEmpty()
                        ? "none"
                        : String.join(", ", sharedGroups) + " (bundled by design: plugin-first class"
                                + " loading, each plugin pins its own Jersey and Jackson)",
                "0 if the design allows",
                shared.isEmpty() ? Boolean.TRUE : null);
        table.note("plugin jar contents (compressed bytes by top-level package): "
                + byPackage.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .map(e -> e.getKey() + " " + Table.num(e.getValue() / 1024.0, 1) + " KiB")
                        .collect(Collectors.joining(", "))
                + (nestedJars.isEmpty() ? "; no nested lib/ jars" : "; nested jars: " + nestedJars));
    }

    private static String topPackage(String classEntry) {
        String[] parts = classEntry.split("/");
        int depth = Math.min(parts.length - 1, parts[0].equals("com") || parts[0].equals("org") ? 3 : 2);
        return String.join(".", List.of(parts).subList(0, Math.max(1, depth)));
    }

    private static String packageOf(String classEntry) {
        int slash = classEntry.lastIndexOf('/');
        return slash < 0 ? "" : classEntry.substring(0, slash).replace('/', '.');
    }

    private static Set<String> packagesOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream()
                    .filter(e -> e.getName().endsWith(".class"))
                    .map(e -> packageOf(e.getName()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    // ---------------------------------------------------------------- support

    /** Hired candidates in order; each export takes a new one. */
    static final class ArrayDeque {
        private final java.util.ArrayDeque<Candidate> items;

        ArrayDeque(Collection<Candidate> items) {
            this.items = new java.util.ArrayDeque<>(items);
        }

        Candidate next() {
            Candidate next = items.poll();
            if (next == null) {
                throw new IllegalStateException("ran out of fresh hired candidates; seed more");
            }
            return next;
        }

        List<Candidate> take(int n) {
            List<Candidate> taken = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                taken.add(next());
            }
            return taken;
        }
    }

    record Candidate(long id, String email) {}

    /** A sandbox and an in-process host pointed at it, with generated candidates and Factorial connected. */
    static final class Env implements AutoCloseable {
        final FactorialSandbox sandbox;
        final HireRelayHost host;
        private final long firstGenerated;

        private Env(FactorialSandbox sandbox, HireRelayHost host, long firstGenerated) {
            this.sandbox = sandbox;
            this.host = host;
            this.firstGenerated = firstGenerated;
        }

        static Env start(Path dir, Path pluginJar, SandboxConfig config, int generated) throws IOException {
            Path plugins = Files.createDirectories(dir.resolve("plugins"));
            Files.copy(pluginJar, plugins.resolve("factorial-plugin.jar"));
            FactorialSandbox sandbox = FactorialSandbox.start(config);
            HireRelayHost host = HireRelayHost.start(new HostOptions(
                    "127.0.0.1",
                    0,
                    dir.resolve("data"),
                    plugins,
                    Map.of("factorial.environment", "custom", "factorial.base_url", sandbox.baseUrl()),
                    PASSWORDS));
            var jdbi = host.database().jdbi();
            long first = jdbi.withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM candidates")
                    .mapTo(Long.class)
                    .one());
            DemoSeed.addGeneratedCandidates(jdbi, generated, 17);
            Env env = new Env(sandbox, host, first);
            try {
                env.connect(HostClient.signedIn(host.baseUri(), ADMIN, PASSWORDS.get("ADMIN")));
            } catch (RuntimeException e) {
                env.close();
                throw e;
            }
            return env;
        }

        /** Removes the Factorial integration and connects it again: a new connection, with a new POST limiter. */
        void reconnect() {
            HostClient admin = HostClient.signedIn(host.baseUri(), ADMIN, PASSWORDS.get("ADMIN"));
            HostClient.Answer removed = admin.send("DELETE", "/api/integrations/factorial", null);
            if (removed.status() != 204) {
                throw new IllegalStateException("removing Factorial failed: " + removed);
            }
            connect(admin);
        }

        void connect(HostClient admin) {
            HostClient.Answer connected =
                    admin.post("/api/integrations/factorial", Map.of("values", Map.of("api_key", sandbox.apiKey())));
            if (connected.status() != 201) {
                throw new IllegalStateException("connecting Factorial failed: " + connected);
            }
        }

        /** @return finished_at − started_at of those export attempts, from the database */
        List<Long> attemptDurations(List<Long> ids) {
            return host.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT started_at, finished_at FROM export_attempts WHERE id IN (<ids>)")
                            .bindList("ids", ids)
                            .map((rs, ctx) -> java.time.Duration.between(
                                            java.time.Instant.parse(rs.getString(1)),
                                            java.time.Instant.parse(rs.getString(2)))
                                    .toNanos())
                            .list());
        }

        HostClient recruiter() {
            return HostClient.signedIn(host.baseUri(), RECRUITER, PASSWORDS.get("RECRUITER"));
        }

        /** @return the generated hired candidates, none exported yet */
        List<Candidate> freshHired() {
            return host.database()
                    .jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT id, email FROM candidates WHERE status = 'HIRED' AND id >= :first ORDER BY id")
                            .bind("first", firstGenerated)
                            .map((rs, ctx) -> new Candidate(rs.getLong("id"), rs.getString("email")))
                            .list());
        }

        @Override
        public void close() {
            host.close();
            sandbox.close();
        }
    }

    /**
     * The bare client's times both ways: requests one after the other, and round trip by round trip at the floor
     * ({@link RoundTripPlan}). The baseline is whichever is faster: on loopback the hand-offs of concurrent
     * requests can cost more than the round trip they save.
     */
    static final class BareTimes {
        private final List<Long> oneAfterTheOther = new ArrayList<>();
        private final List<Long> sideBySide = new ArrayList<>();

        /** One export each way, in an order that alternates with {@code n}. */
        void measure(BareClient bare, String tag, int n) throws IOException, InterruptedException {
            boolean sequentialFirst = n % 4 < 2;
            if (sequentialFirst) {
                oneAfterTheOther.add(bare.export(tag + ".seq@example.org", false));
            }
            sideBySide.add(bare.export(tag + ".par@example.org", true));
            if (!sequentialFirst) {
                oneAfterTheOther.add(bare.export(tag + ".seq@example.org", false));
            }
        }

        Stats faster() {
            Stats sequential = new Stats(oneAfterTheOther);
            Stats concurrent = new Stats(sideBySide);
            return sequential.median() <= concurrent.median() ? sequential : concurrent;
        }

        void addRows(Table table, String label) {
            Stats sequential = new Stats(oneAfterTheOther);
            Stats concurrent = new Stats(sideBySide);
            table.add(
                    label + ", one after the other",
                    Table.ms(sequential.median()),
                    sequential.spread() + (sequential.median() <= concurrent.median() ? "; the baseline" : ""),
                    "–",
                    null);
            table.add(
                    label + ", independent requests side by side",
                    Table.ms(concurrent.median()),
                    concurrent.spread() + (sequential.median() <= concurrent.median() ? "" : "; the baseline"),
                    "–",
                    null);
        }
    }

    /** Sends the requests an export makes, as captured from the plugin, with a plain java.net.http client. */
    static final class BareClient {
        private static final Set<String> RESTRICTED = Set.of(
                "host",
                "content-length",
                "connection",
                "upgrade",
                "http2-settings",
                "expect",
                "te",
                "keep-alive",
                "transfer-encoding");
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final FactorialSandbox sandbox;
        final List<RecordedRequest> template;
        private static final java.util.regex.Pattern EMPLOYEE_PATH =
                java.util.regex.Pattern.compile("employees/employees/([^/]+)");
        private final RoundTripPlan plan;
        private final String templateEmail;
        private final int createIndex;
        private final String templateEmployeeId;

        BareClient(FactorialSandbox sandbox, List<RecordedRequest> template, String templateEmail) {
            if (template == null || template.isEmpty()) {
                throw new IllegalStateException("no captured export requests");
            }
            this.sandbox = sandbox;
            this.template = template;
            this.plan = RoundTripPlan.of(template);
            this.templateEmail = templateEmail;
            int create = -1;
            for (int j = 0; j < template.size(); j++) {
                if (template.get(j).method().equals("POST")
                        && RoundTripPlan.CREATE.equals(template.get(j).resource())) {
                    create = j;
                }
            }
            this.createIndex = create;
            this.templateEmployeeId = sandbox.employeeByEmail(templateEmail)
                    .map(employee -> String.valueOf(employee.get("id")))
                    .or(() -> template.stream()
                            .filter(r -> r.method().equals("PUT") && r.resource() != null)
                            .map(r -> EMPLOYEE_PATH.matcher(r.resource()))
                            .filter(Matcher::matches)
                            .map(m -> m.group(1))
                            .findFirst())
                    .orElse(null);
        }

        /**
         * @param sideBySide send the requests round trip by round trip as {@link RoundTripPlan} has them (each at
         *     once with the others that need nothing from each other); otherwise one request after the other
         * @return nanoseconds for the whole exchange
         */
        long export(String email, boolean sideBySide) throws IOException, InterruptedException {
            // The requests after the create name the employee it made: built once its answer gave the new id, as a
            // real client would, so that no step is replayed on the template's employee (which Factorial refuses for
            // a second reference value).
            HttpRequest[] requests = new HttpRequest[template.size()];
            for (int j = 0; j < template.size(); j++) {
                if (createIndex < 0 || j <= createIndex) {
                    requests[j] = request(template.get(j), email, null);
                }
            }
            String newEmployeeId = null;
            // Side by side: each round trip of the plan at once (independent requests together), as the floor has it.
            List<Integer> levels = sideBySide ? plan.levels() : null;
            int trips = sideBySide ? plan.floor() : requests.length;
            long start = System.nanoTime();
            for (int trip = 1; trip <= trips; trip++) {
                List<Integer> indexes = new ArrayList<>();
                for (int j = 0; j < requests.length; j++) {
                    if (sideBySide ? levels.get(j) == trip : j == trip - 1) {
                        indexes.add(j);
                    }
                }
                List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
                for (int j : indexes) {
                    if (requests[j] == null) {
                        requests[j] = request(template.get(j), email, newEmployeeId);
                    }
                    answers.add(http.sendAsync(requests[j], HttpResponse.BodyHandlers.ofString()));
                }
                for (int k = 0; k < indexes.size(); k++) {
                    int j = indexes.get(k);
                    HttpResponse<String> response = answers.get(k).join();
                    if (response.statusCode() != template.get(j).status()) {
                        throw new IllegalStateException(
                                "bare client: " + requests[j] + " answered " + response.statusCode() + " (plugin got "
                                        + template.get(j).status() + "): " + response.body());
                    }
                    if (j == createIndex) {
                        newEmployeeId = HostClient.JSON
                                .readTree(response.body())
                                .path("id")
                                .asText();
                    }
                }
            }
            return System.nanoTime() - start;
        }

        private HttpRequest request(RecordedRequest recorded, String email, String newEmployeeId) {
            String path = recorded.path();
            String query = recorded.query() == null ? "" : swap(recorded.query(), email);
            String body = swap(recorded.body(), email);
            if (newEmployeeId != null && templateEmployeeId != null) {
                String resource = recorded.resource() == null ? "" : recorded.resource();
                path = path.replaceAll("(?<=/)" + templateEmployeeId + "(?=/|$)", newEmployeeId);
                query = query.replaceAll("(?<==)" + templateEmployeeId + "(?=&|$)", newEmployeeId);
                // Only where an id is the employee's: a contract version's own id may be the same number.
                if (resource.startsWith("employees/") || resource.equals("custom_fields/values")) {
                    body = body.replaceAll(
                            "(\"(?:id|valuable_id|employee_id)\"\\s*:\\s*\"?)" + templateEmployeeId + "(?=\"?[,}])",
                            "$1" + newEmployeeId);
                }
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(
                            URI.create(sandbox.baseUrl() + path + (query.isEmpty() ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30));
            recorded.headers().forEach((name, values) -> {
                if (RESTRICTED.contains(name)) {
                    return;
                }
                for (String value : values) {
                    if (name.equals("x-api-key")) {
                        value = sandbox.apiKey();
                    } else if (name.equals("authorization")) {
                        value = "Bearer " + sandbox.apiKey();
                    }
                    builder.header(name, value);
                }
            });
            builder.method(
                    recorded.method(),
                    body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            return builder.build();
        }

        private String swap(String text, String email) {
            if (text == null) {
                return "";
            }
            return text.replace(templateEmail, email)
                    .replace(
                            URLEncoder.encode(templateEmail, StandardCharsets.UTF_8),
                            URLEncoder.encode(email, StandardCharsets.UTF_8))
                    .replace(templateEmail.toLowerCase(), email.toLowerCase());
        }
    }

    private Path pluginJar() {
        Path jar = root.resolve("factorial-plugin/plugin/target/factorial-plugin-1.0.0.jar");
        if (!Files.isRegularFile(jar)) {
            try (Stream<Path> jars = Files.list(root.resolve("factorial-plugin/plugin/target"))) {
                jar = jars.filter(p -> p.getFileName().toString().matches("factorial-plugin-[0-9.]+\\.jar"))
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
            } catch (IOException | java.util.NoSuchElementException e) {
                throw new IllegalStateException("build the plugin first: ./mvnw -q install -DskipTests", e);
            }
        }
        return jar;
    }

    private Path hostJar() {
        Path jar = root.resolve("host-demo/app/target/host-demo.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the host first: ./mvnw -q install -DskipTests (no " + jar + ")");
        }
        return jar;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jcmd() {
        Path inHome = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(inHome) ? inHome.toString() : "jcmd";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    private static String machine() {
        String cpu = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.replaceFirst(".*:\\s*", ""))
                    .orElse("?");
        } catch (IOException | UncheckedIOException ignored) {
            // not Linux
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), " + memory / (1L << 30)
                + " GiB RAM, Java " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.name") + ")";
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
