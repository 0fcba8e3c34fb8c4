package com.hirerelay.host.plugins;

import java.time.Duration;

/**
 * How long the host waits for plugin calls that do I/O, and for a plugin's own start and stop.
 *
 * @param remoteRead verify, reference data, draft, duplicate look-up
 * @param export one export, which may include the plugin's own pacing and retries
 * @param inProcess calls that must not do I/O (visibility rules, validation), guarded against hangs
 * @param lifecycle a plugin's {@code start()} or {@code stop()}; one that takes longer is recorded as failed
 */
public record PluginCallLimits(Duration remoteRead, Duration export, Duration inProcess, Duration lifecycle) {

    /** 30 s for reads, 3 minutes for an export, 2 s for in-process calls, 10 s to start or stop. */
    public static final PluginCallLimits DEFAULTS = new PluginCallLimits(
            Duration.ofSeconds(30), Duration.ofMinutes(3), Duration.ofSeconds(2), Duration.ofSeconds(10));

    /** Limits with the default 10 s for starting and stopping. */
    public PluginCallLimits(Duration remoteRead, Duration export, Duration inProcess) {
        this(remoteRead, export, inProcess, DEFAULTS.lifecycle());
    }
}
