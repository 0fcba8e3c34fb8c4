package com.hirerelay.host.plugins;

import com.hirerelay.api.PluginTimeLimits;
import java.time.Duration;

/**
 * How long, and on how many threads, the host runs plugin calls that may do I/O, and how long it waits
 * for a plugin's own start and stop. Calls that the plugin API forbids to do I/O run on the caller's
 * thread and are not limited here (see {@link PluginGuard}). The default time limits are the ones the
 * plugin API documents ({@link PluginTimeLimits}); tests may shorten them.
 *
 * @param remoteRead verify, reference data, draft, validation of a draft, duplicate look-up
 * @param export one export, which may include the plugin's own pacing and retries
 * @param close closing a connection, which may wait for the plugin's HTTP client
 * @param threadsPerPlugin how many I/O calls of one plugin run at once; at least 1
 * @param queuePerPlugin how many more of one plugin's I/O calls may wait for a thread; a call that
 *                       finds the queue full is refused at once as busy; zero or more
 * @param lifecycle a plugin's {@code start()} or {@code stop()}; one that takes longer is recorded as failed
 */
public record PluginCallLimits(
        Duration remoteRead,
        Duration export,
        Duration close,
        int threadsPerPlugin,
        int queuePerPlugin,
        Duration lifecycle) {

    private static final Duration DEFAULT_LIFECYCLE = Duration.ofSeconds(10);

    /**
     * The API's {@link PluginTimeLimits} (30 s for reads, 3 minutes for an export, 2 s to close); 64 threads
     * and 128 waiting calls per plugin: an export holds a thread while the HR system answers, so 32 exports at
     * once need 32 threads to go through in one HR-system latency, and 128 fit without a refusal (figure 7 of
     * BENCHMARKS.md); 10 s to start or stop.
     */
    public static final PluginCallLimits DEFAULTS = new PluginCallLimits(
            PluginTimeLimits.REMOTE_READ, PluginTimeLimits.EXPORT, PluginTimeLimits.CLOSE, 64, 128, DEFAULT_LIFECYCLE);

    /**
     * @throws IllegalArgumentException if a time limit is not positive or a size out of range
     */
    public PluginCallLimits {
        for (Duration limit : new Duration[] {remoteRead, export, close, lifecycle}) {
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("Plugin call time limits must be positive, not " + limit);
            }
        }
        if (threadsPerPlugin < 1) {
            throw new IllegalArgumentException("A plugin needs at least one I/O thread, not " + threadsPerPlugin);
        }
        if (queuePerPlugin < 0) {
            throw new IllegalArgumentException("The I/O queue cannot be negative: " + queuePerPlugin);
        }
    }

    /** Limits with the default 10 s to start or stop a plugin. */
    public PluginCallLimits(
            Duration remoteRead, Duration export, Duration close, int threadsPerPlugin, int queuePerPlugin) {
        this(remoteRead, export, close, threadsPerPlugin, queuePerPlugin, DEFAULT_LIFECYCLE);
    }

    /** @return these limits with another number of threads and waiting places per plugin */
    public PluginCallLimits withPool(int threads, int queue) {
        return new PluginCallLimits(remoteRead, export, close, threads, queue, lifecycle);
    }

    /** @return these limits with another time limit for a plugin's start and stop */
    public PluginCallLimits withLifecycle(Duration limit) {
        return new PluginCallLimits(remoteRead, export, close, threadsPerPlugin, queuePerPlugin, limit);
    }
}
