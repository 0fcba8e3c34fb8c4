package com.hirerelay.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.UserRole;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.candidate.CandidateStatus;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.menu.MenuContext;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.testing.PluginJarBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where plugin code runs: calls the plugin API forbids I/O on the caller's thread, calls that may do
 * I/O on the plugin's own bounded executor. The test plugin tells what it saw through system
 * properties, the one place both its class loader and the test's reach.
 */
class PluginGuardTest {

    private static final String SAW = "plugin-guard-test.saw.";
    private static final String RELEASE = "plugin-guard-test.release";
    private static final String RUNNING = "plugin-guard-test.running";
    private static final String MOST = "plugin-guard-test.most";
    private static final String STARTED = "plugin-guard-test.started";

    @TempDir
    Path pluginsDir;

    @AfterEach
    void forgetWhatThePluginSaw() {
        CountDownLatch release = (CountDownLatch) System.getProperties().get(RELEASE);
        if (release != null) {
            release.countDown();
        }
        System.getProperties().keySet().removeIf(key -> key.toString().startsWith("plugin-guard-test."));
    }

    @Test
    void callsThatDoNoIoRunOnTheCallersThreadWithThePluginsClassLoader() {
        writePlugin();
        String caller = Thread.currentThread().getName();

        try (PluginHost host = PluginHost.start(pluginsDir)) {
            MenuHandle menu = host.menus().get(0);
            assertThat(menu.isVisible(new MenuContext(MenuPlacement.CANDIDATE_PAGE, hired(), UserRole.RECRUITER, true)))
                    .isTrue();
            SettingsPanelHandle panel = host.settingsPanel("threads").orElseThrow();
            assertThat(panel.validate(Map.of("region", "eu"))).isEmpty();
            panel.connectionDetails(new ConnectedAccount("Acme", null, Map.of()), settings());
            HrisConnection connection = host.connector("threads").orElseThrow().open(settings());

            for (String call : List.of(
                    "connector constructor",
                    "info",
                    "menu constructor",
                    "menuItem",
                    "isVisible",
                    "panel constructor",
                    "connectorId",
                    "connectForm",
                    "validate settings",
                    "connectionDetails",
                    "open")) {
                assertThat(System.getProperty(SAW + call))
                        .as("the thread and context class loader of %s", call)
                        .isEqualTo(caller + " with the plugin's loader");
            }

            connection.verify();
            assertThat(System.getProperty(SAW + "verify"))
                    .as("verify does I/O: it runs on one of the plugin's own threads")
                    .startsWith(PluginGuard.THREAD_NAME_PREFIX + "threads-")
                    .endsWith(" with the plugin's loader");
        }
    }

    @Test
    void aNoIoCallThatThrowsIsAPluginFailureRecordedAgainstThePlugin() {
        writePlugin();

        try (PluginHost host = PluginHost.start(pluginsDir)) {
            SettingsPanelHandle panel = host.settingsPanel("threads").orElseThrow();
            assertThatThrownBy(() -> panel.validate(Map.of("region", "explode")))
                    .isInstanceOf(PluginFailureException.class)
                    .hasMessageContaining("failed during validating settings")
                    .hasMessageContaining("IllegalStateException (no such region)");
            assertThat(System.getProperty(SAW + "validate settings"))
                    .isEqualTo(Thread.currentThread().getName() + " with the plugin's loader");
            assertThat(host.plugins())
                    .singleElement()
                    .satisfies(plugin -> assertThat(plugin.lastError()).contains("no such region"));
        }
    }

    @Test
    void ioCallsNeverRunOnMoreThreadsThanThePoolAndAFullQueueIsRefusedAtOnce() throws Exception {
        writePlugin();
        CountDownLatch release = holdVerifyCalls();
        PluginCallLimits limits = PluginCallLimits.DEFAULTS.withPool(3, 2);
        int callers = 12;

        try (PluginHost host = PluginHost.start(pluginsDir, limits)) {
            HrisConnection connection = host.connector("threads").orElseThrow().open(settings());
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            List<Future<ConnectedAccount>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(connection::verify));
            }
            List<Future<ConnectedAccount>> endedAtOnce;
            try {
                awaitCondition(() -> counter(RUNNING).get() == 3 && countDone(calls) == callers - 5);
                endedAtOnce = calls.stream().filter(Future::isDone).toList();
                assertThat(liveThreads(PluginGuard.THREAD_NAME_PREFIX + "threads-"))
                        .as("the plugin's live threads while its calls hang")
                        .isEqualTo(3);
            } finally {
                release.countDown();
            }
            List<Throwable> refused = new ArrayList<>();
            for (Future<ConnectedAccount> call : calls) {
                if (endedAtOnce.contains(call)) {
                    refused.add(failureOf(call));
                } else {
                    assertThat(call.get(10, TimeUnit.SECONDS).accountName()).isEqualTo("Threads Inc");
                }
            }
            pool.shutdown();

            assertThat(counter(MOST).get())
                    .as("the most verify calls running at once")
                    .isEqualTo(3);
            assertThat(counter(STARTED).get())
                    .as("calls that started: 3 on the threads, then the 2 that waited")
                    .isEqualTo(5);
            assertThat(refused)
                    .as("the calls that found the queue full")
                    .hasSize(callers - 5)
                    .allSatisfy(failure -> assertThat(failure)
                            .isInstanceOf(RequestRefusedException.class)
                            .hasMessageContaining("Plugin 'threads' is busy")
                            .satisfies(busy -> assertThat(((RequestRefusedException) busy).reason())
                                    .isEqualTo(RequestRefusedException.Reason.BUSY)));
        }
    }

    @Test
    void aCallThatWaitedItsWholeLimitForAThreadIsRefusedAndNeverStarts() throws Exception {
        writePlugin();
        CountDownLatch release = holdVerifyCalls();
        PluginCallLimits limits =
                new PluginCallLimits(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500), 1, 1);

        try (PluginHost host = PluginHost.start(pluginsDir, limits)) {
            HrisConnection connection = host.connector("threads").orElseThrow().open(settings());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<ConnectedAccount> hanging = pool.submit(connection::verify);
                awaitCondition(() -> counter(RUNNING).get() == 1);
                Future<ConnectedAccount> waiting = pool.submit(connection::verify);

                assertThat(failureOf(hanging))
                        .as("the call on the only thread")
                        .isInstanceOf(PluginTimeoutException.class);
                assertThat(failureOf(waiting))
                        .as("the call that waited for the only thread")
                        .isInstanceOf(RequestRefusedException.class)
                        .hasMessageContaining("had no free thread for verifying credentials within 500 ms");
            } finally {
                release.countDown();
                pool.shutdown();
            }
            // The plugin's thread is free again: a new call runs, and the abandoned one never did.
            assertThat(connection.verify().accountName()).isEqualTo("Threads Inc");
            assertThat(counter(STARTED).get())
                    .as("verify calls that started: the hanging one and the last one")
                    .isEqualTo(2);
        }
    }

    /** Makes the test plugin's verify calls wait, ignoring interrupts as a stuck plugin does, until released. */
    private static CountDownLatch holdVerifyCalls() {
        CountDownLatch release = new CountDownLatch(1);
        System.getProperties().put(RELEASE, release);
        return release;
    }

    private static AtomicInteger counter(String key) {
        return (AtomicInteger) System.getProperties().computeIfAbsent(key, k -> new AtomicInteger());
    }

    private static int countDone(List<? extends Future<?>> calls) {
        return (int) calls.stream().filter(Future::isDone).count();
    }

    private static Throwable failureOf(Future<?> call) throws InterruptedException {
        try {
            call.get(10, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the call did not end within 10 s", e);
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "not reached within 10 s: running " + counter(RUNNING) + ", started " + counter(STARTED));
            }
            Thread.sleep(10);
        }
    }

    private static long liveThreads(String prefix) {
        var threads = ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds(), 0))
                .filter(info -> info != null && info.getThreadName().startsWith(prefix))
                .count();
    }

    private static Candidate hired() {
        return new Candidate(
                "7",
                "Ada",
                "Lovelace",
                "ada@example.com",
                null,
                CandidateStatus.HIRED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }

    private static ConnectionSettings settings() {
        return new ConnectionSettings("1", Map.of(), Set.of(), Map.of());
    }

    /** A plugin with a connector, a menu item and a settings panel that each note where they ran. */
    private void writePlugin() {
        PluginJarBuilder.plugin("threads")
                .source("test.threads.Witness", WITNESS, false)
                .source("test.threads.TestConnector", CONNECTOR, true)
                .source("test.threads.TestMenu", MENU, true)
                .source("test.threads.TestPanel", PANEL, true)
                .writeTo(pluginsDir);
    }

    private static final String WITNESS = """
            package test.threads;
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.atomic.AtomicInteger;
            public final class Witness {
                public static void saw(String call) {
                    Thread thread = Thread.currentThread();
                    boolean own = thread.getContextClassLoader() == Witness.class.getClassLoader();
                    System.getProperties().put("plugin-guard-test.saw." + call,
                            thread.getName() + (own ? " with the plugin's loader" : " with another loader"));
                }
                /** Counts the call and, when the test holds calls, waits for it, deaf to interrupts. */
                public static void hold() {
                    counter("started").incrementAndGet();
                    CountDownLatch release = (CountDownLatch) System.getProperties().get("plugin-guard-test.release");
                    if (release == null) {
                        return;
                    }
                    int now = counter("running").incrementAndGet();
                    counter("most").accumulateAndGet(now, Math::max);
                    boolean interrupted = false;
                    try {
                        while (true) {
                            try {
                                release.await();
                                break;
                            } catch (InterruptedException e) {
                                interrupted = true;
                            }
                        }
                    } finally {
                        counter("running").decrementAndGet();
                        if (interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
                private static AtomicInteger counter(String name) {
                    return (AtomicInteger) System.getProperties()
                            .computeIfAbsent("plugin-guard-test." + name, k -> new AtomicInteger());
                }
            }
            """;

    private static final String CONNECTOR = """
            package test.threads;
            import com.hirerelay.api.candidate.Candidate;
            import com.hirerelay.api.hris.*;
            import java.util.*;
            @org.pf4j.Extension
            public class TestConnector implements HrisConnector {
                public TestConnector() { Witness.saw("connector constructor"); }
                public ConnectorInfo info() {
                    Witness.saw("info");
                    return new ConnectorInfo("threads", "Threads HR", "Notes where it runs", null, null);
                }
                public HrisConnection open(ConnectionSettings settings) {
                    Witness.saw("open");
                    return new HrisConnection() {
                        public ConnectedAccount verify() {
                            Witness.saw("verify");
                            Witness.hold();
                            return new ConnectedAccount("Threads Inc", null, Map.of());
                        }
                        public ReferenceData referenceData() { return ReferenceData.EMPTY; }
                        public EmployeeDraft draftFor(Candidate c) { throw new UnsupportedOperationException(); }
                        public Optional<ExistingEmployee> findExisting(EmployeeDraft d) { return Optional.empty(); }
                        public ExportResult export(EmployeeDraft d) { throw new UnsupportedOperationException(); }
                    };
                }
            }
            """;

    private static final String MENU = """
            package test.threads;
            import com.hirerelay.api.menu.*;
            import java.util.Set;
            @org.pf4j.Extension
            public class TestMenu implements ExportMenuContribution {
                public TestMenu() { Witness.saw("menu constructor"); }
                public MenuItem menuItem() {
                    Witness.saw("menuItem");
                    return new MenuItem("export-to-threads", "Export to Threads HR", "threads",
                            Set.of(MenuPlacement.values()), MenuItem.EXPORTING_ROLES, 1);
                }
                public boolean isVisible(MenuContext context) {
                    Witness.saw("isVisible");
                    return context.candidate().isHired();
                }
            }
            """;

    private static final String PANEL = """
            package test.threads;
            import com.hirerelay.api.FieldError;
            import com.hirerelay.api.hris.*;
            import com.hirerelay.api.settings.*;
            import java.util.*;
            @org.pf4j.Extension
            public class TestPanel implements IntegrationSettingsPanel {
                public TestPanel() { Witness.saw("panel constructor"); }
                public String connectorId() { Witness.saw("connectorId"); return "threads"; }
                public ConnectForm connectForm() {
                    Witness.saw("connectForm");
                    return new ConnectForm("Connect Threads HR",
                            List.of(SettingField.of("region", "Region", SettingFieldType.TEXT)));
                }
                public List<FieldError> validate(Map<String, String> values) {
                    Witness.saw("validate settings");
                    if ("explode".equals(values.get("region"))) {
                        throw new IllegalStateException("no such region");
                    }
                    return List.of();
                }
                public List<ConnectionDetail> connectionDetails(ConnectedAccount account, ConnectionSettings settings) {
                    Witness.saw("connectionDetails");
                    return List.of(new ConnectionDetail("Region", "eu"));
                }
            }
            """;
}
