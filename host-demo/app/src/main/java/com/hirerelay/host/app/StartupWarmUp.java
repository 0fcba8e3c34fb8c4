package com.hirerelay.host.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The part of a start that depends on no flag and no data: reading the logging configuration, Jdbi's one-time
 * set-up (its flight-recorder event and its SQL lexers) and Jersey's and HK2's classes. A start is CPU-bound on two
 * cores and its first half is one thread (the JVM, then the command line, then the database), so {@link #begin()}
 * runs this on a thread of its own from the first line of {@code main}; {@link HireRelayHost#start} waits for it
 * before it builds the real application. Once per JVM: a second host in the same JVM finds it done.
 */
final class StartupWarmUp {

    private static CompletableFuture<String> running;

    /** Completed once logging is configured (never exceptionally). */
    private static final CompletableFuture<Void> LOGGING = new CompletableFuture<>();

    private StartupWarmUp() {}

    /**
     * Starts the warm-up, unless it was started already.
     *
     * @return completed when the warm-up is over (never exceptionally: a failed warm-up only means the real
     *         set-up does the work later, and fails loudly there if it must), with its steps' durations
     */
    static synchronized CompletableFuture<String> begin() {
        if (running == null) {
            CompletableFuture<String> done = new CompletableFuture<>();
            Thread thread = new Thread(
                    () -> {
                        try {
                            done.complete(run());
                        } finally {
                            LOGGING.complete(null);
                        }
                    },
                    "hirerelay-warm-up");
            // Never holds the JVM: --help and a bad flag exit without waiting for it.
            thread.setDaemon(true);
            running = done;
            thread.start();
        }
        return running;
    }

    /**
     * Begins the warm-up if nobody did and waits until it has configured logging. Whoever logs at start must call
     * this first: while SLF4J initializes on one thread, it queues other threads' log events and replays them later
     * under the initializing thread's name, with a warning on standard error.
     */
    static void awaitLogging() {
        begin();
        LOGGING.join();
    }

    /**
     * Routes java.util.logging (Jersey, Grizzly, HK2) to SLF4J, once: the warm-up and a start may both ask.
     */
    static synchronized void routeJulToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static String run() {
        Steps steps = new Steps();
        try {
            // First, as the main thread's first log line would otherwise read the configuration itself.
            LoggerFactory.getILoggerFactory();
            routeJulToSlf4j();
            LOGGING.complete(null);
            steps.lap("logging");
            if (LoggerFactory.getLogger(HireRelayHost.class).isDebugEnabled()) {
                steps.recordCpu();
            }
            // Jdbi registers its statement event with the flight recorder (loading the JDK's event metadata) and
            // builds its SQL lexers' state machines on first use: the first query at start would pay for both.
            initialize("org.jdbi.v3.core.statement.internal.JfrSupport");
            initialize("org.jdbi.v3.core.internal.lexer.DefineStatementLexer");
            initialize("org.jdbi.v3.core.internal.lexer.ColonStatementLexer");
            steps.lap("Jdbi");
            new ApplicationHandler(new ResourceConfig()
                            .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                            .register(JacksonFeature.withoutExceptionMappers())
                            .register(WarmUpResource.class))
                    .getInjectionManager()
                    .shutdown();
            steps.lap("Jersey");
        } catch (RuntimeException | LinkageError ignored) {
            // only a warm-up: the real set-up does the same work later, and fails loudly there
        }
        return steps.toString();
    }

    private static void initialize(String className) {
        try {
            Class.forName(className, true, StartupWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException renamed) {
            // another Jdbi release: its first query does the work instead
        }
    }

    /** The warm-up's own steps (wall and CPU time of its thread), noted once the logging says DEBUG is on. */
    private static final class Steps {
        private final List<String> done = new ArrayList<>();
        private final long started = System.nanoTime();
        private long lastWall = started;
        private long lastCpu;
        private ThreadMXBean threads;

        /** From now on notes CPU times too (which loads the JVM's management classes: only for DEBUG). */
        void recordCpu() {
            threads = ManagementFactory.getThreadMXBean();
            lastCpu = threads.getCurrentThreadCpuTime();
            lastWall = System.nanoTime();
        }

        void lap(String step) {
            long wall = System.nanoTime();
            long cpu = threads == null ? -1 : threads.getCurrentThreadCpuTime();
            done.add(step + " " + (wall - lastWall) / 1_000_000 + " ms"
                    + (cpu >= 0 ? " (CPU " + (cpu - lastCpu) / 1_000_000 + ")" : ""));
            lastWall = wall;
            lastCpu = cpu;
        }

        @Override
        public String toString() {
            return "warm-up (beside, from the first line of main) " + String.join(", ", done);
        }
    }

    /** A resource for the warm-up's throw-away application. */
    @jakarta.ws.rs.Path("warm-up")
    public static final class WarmUpResource {
        /** @return nothing; never called */
        @jakarta.ws.rs.GET
        public String get() {
            return "";
        }
    }
}
