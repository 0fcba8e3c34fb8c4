package com.hirerelay.host.metrics;

import com.hirerelay.api.hris.HrisRequest;
import com.hirerelay.api.hris.HrisRequestListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The host's meters, scraped in Prometheus's text format from the management port ({@link ManagementServer}).
 * Features record through the methods here; only this package knows Micrometer.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Prometheus name</th><th>Labels</th><th>What</th></tr>
 *   <tr><td>{@code hirerelay_exports_seconds} (histogram)</td><td>connector, outcome</td><td>single and bulk
 *       exports by outcome ({@code _count}), and their server time</td></tr>
 *   <tr><td>{@code hirerelay_export_phase_seconds}</td><td>connector, phase</td><td>the time of each
 *       {@link Phase} of an export</td></tr>
 *   <tr><td>{@code hirerelay_hris_requests_seconds} (histogram)</td><td>connector, method, endpoint, status</td>
 *       <td>requests to HR systems as plugins report them; status {@code none} when no answer came</td></tr>
 *   <tr><td>{@code hirerelay_hris_rate_limited_total}</td><td>connector</td><td>429 answers</td></tr>
 *   <tr><td>{@code hirerelay_hris_rate_budget_wait_seconds}</td><td>connector</td><td>time requests were held
 *       back for an HR system's rate limit</td></tr>
 *   <tr><td>{@code hirerelay_plugin_call_failures_total}</td><td>plugin, kind</td><td>plugin calls that failed
 *       ({@code failure}), ran out of time ({@code timeout}) or found the plugin's queue full ({@code busy})</td></tr>
 *   <tr><td>{@code hirerelay_plugin_calls_queued}, {@code hirerelay_plugin_calls_active}</td><td>plugin</td>
 *       <td>the plugin's I/O call queue</td></tr>
 *   <tr><td>{@code hirerelay_bulk_exports_running}, {@code hirerelay_bulk_candidates_queued}</td><td></td>
 *       <td>bulk exports in memory and not finished, candidates waiting for a bulk thread</td></tr>
 * </table>
 * plus the JVM's memory, GC, threads, class loading, CPU and uptime.
 *
 * <p>Thread-safe.
 */
public final class HostMetrics {

    private static final Duration[] EXPORT_BUCKETS =
            buckets(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000);
    private static final Duration[] REQUEST_BUCKETS =
            buckets(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000);

    /**
     * Built on first use or by {@link #buildInBackground()}: Micrometer's and Prometheus's classes take about
     * 0.3 s to load, which a start should not wait for.
     */
    private final CompletableFuture<PrometheusMeterRegistry> registry = new CompletableFuture<>();

    private final AtomicBoolean building = new AtomicBoolean();

    /**
     * The timers recorded per export and per HR-system request, by name and label values: building a meter's id
     * and looking it up in the registry on every record cost more than the record itself. The labels are the
     * registry's own (connectors, endpoints, statuses), so this holds no more entries than the registry does.
     */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String name, List<String> tags) {}

    private HostMetrics() {}

    /** @return the host's meters, with the JVM's; builds nothing yet */
    public static HostMetrics create() {
        return new HostMetrics();
    }

    /** Builds the registry on another thread, if nothing did yet: once the host serves its first page. */
    public void buildInBackground() {
        if (building.compareAndSet(false, true)) {
            CompletableFuture.runAsync(this::build);
        }
    }

    private void build() {
        try {
            PrometheusMeterRegistry built = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(built);
            new JvmThreadMetrics().bindTo(built);
            new ClassLoaderMetrics().bindTo(built);
            new ProcessorMetrics().bindTo(built);
            new UptimeMetrics().bindTo(built);
            // Holds GC notification listeners for the life of the JVM; one registry per host.
            new JvmGcMetrics().bindTo(built);
            registry.complete(built);
        } catch (RuntimeException | LinkageError failed) {
            registry.completeExceptionally(failed);
        }
    }

    /** @return the registry, built now (on this thread) if it is not yet */
    private PrometheusMeterRegistry registry() {
        if (building.compareAndSet(false, true)) {
            build();
        }
        return registry.join();
    }

    /** @return the meters in Prometheus's text format (version 0.0.4) */
    public String scrape() {
        return registry().scrape();
    }

    /**
     * A listener for the requests of a connector's connections: counts them, and lays each over the timing of
     * the request whose plugin call reported it.
     */
    public HrisRequestListener hrisRequests(String connectorId) {
        // Zero before the first request, so that a dashboard sees the series.
        registry.thenAccept(ready -> rateLimited(ready, connectorId));
        return new HrisRequestListener() {
            @Override
            public void requestFinished(HrisRequest request) {
                timer(
                                "hirerelay.hris.requests",
                                "Requests to HR systems, as their plugins report them",
                                REQUEST_BUCKETS,
                                "connector",
                                connectorId,
                                "method",
                                request.method(),
                                "endpoint",
                                request.endpoint(),
                                "status",
                                request.answered() ? Integer.toString(request.status()) : "none")
                        .record(request.endNanos() - request.startNanos(), TimeUnit.NANOSECONDS);
                if (request.status() == 429) {
                    rateLimited(registry(), connectorId).increment();
                }
                RequestTiming timing = RequestTiming.current();
                if (timing != null) {
                    timing.waitedOnHris(request.startNanos(), request.endNanos());
                }
            }

            @Override
            public void rateBudgetWaited(long startNanos, long endNanos) {
                timer(
                                "hirerelay.hris.rate.budget.wait",
                                "Time requests were held back for an HR system's rate limit",
                                null,
                                "connector",
                                connectorId)
                        .record(Math.max(0, endNanos - startNanos), TimeUnit.NANOSECONDS);
                RequestTiming timing = RequestTiming.current();
                if (timing != null) {
                    timing.waitedOnHris(startNanos, endNanos);
                }
            }
        };
    }

    /**
     * Records a finished export: its outcome and server time, and its phases.
     *
     * @param connectorId the connector
     * @param outcome a lower-case word: {@code created}, {@code already_exists}, {@code invalid}, {@code refused},
     *                {@code failed}, {@code unknown}
     * @param time the export's timing so far
     */
    public void exportFinished(String connectorId, String outcome, RequestTiming.Breakdown time) {
        timer(
                        "hirerelay.exports",
                        "Exports (single and bulk) by outcome, and their server time",
                        EXPORT_BUCKETS,
                        "connector",
                        connectorId,
                        "outcome",
                        outcome)
                .record(time.totalNanos(), TimeUnit.NANOSECONDS);
        for (Phase phase : Phase.values()) {
            timer(
                            "hirerelay.export.phase",
                            "The time of each phase of an export",
                            null,
                            "connector",
                            connectorId,
                            "phase",
                            phase.label())
                    .record(time.nanos(phase), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * @param buckets the histogram's buckets (service level objectives), or null for none
     * @param tags label name and value pairs
     * @return the timer, registered on its first use
     */
    private Timer timer(String name, String description, Duration[] buckets, String... tags) {
        return timers.computeIfAbsent(new TimerKey(name, List.of(tags)), key -> {
            Timer.Builder builder = Timer.builder(name).description(description).tags(Tags.of(tags));
            if (buckets != null) {
                builder.serviceLevelObjectives(buckets);
            }
            return builder.register(registry());
        });
    }

    /**
     * Counts a plugin call that did not give an answer.
     *
     * @param pluginId the plugin
     * @param kind {@code failure}, {@code timeout} or {@code busy}
     */
    public void pluginCallFailed(String pluginId, String kind) {
        Counter.builder("hirerelay.plugin.call.failures")
                .description("Plugin calls that failed, ran out of time or found the plugin's queue full")
                .tags("plugin", pluginId, "kind", kind)
                .register(registry())
                .increment();
    }

    /**
     * Registers a gauge read when scraped. Registering the same name and tags again keeps the first.
     *
     * @param name a dotted name, such as {@code hirerelay.bulk.exports.running}
     * @param description what it counts
     * @param value read at each scrape; must be cheap and thread-safe
     * @param tags label name and value pairs
     */
    public void gauge(String name, String description, Supplier<Number> value, String... tags) {
        registry.thenAccept(ready ->
                Gauge.builder(name, value).description(description).tags(tags).register(ready));
    }

    private static Counter rateLimited(PrometheusMeterRegistry registry, String connectorId) {
        return Counter.builder("hirerelay.hris.rate.limited")
                .description("HR-system answers 429 Too Many Requests")
                .tag("connector", connectorId)
                .register(registry);
    }

    private static Duration[] buckets(long... millis) {
        Duration[] buckets = new Duration[millis.length];
        for (int i = 0; i < millis.length; i++) {
            buckets[i] = Duration.ofMillis(millis[i]);
        }
        return buckets;
    }
}
