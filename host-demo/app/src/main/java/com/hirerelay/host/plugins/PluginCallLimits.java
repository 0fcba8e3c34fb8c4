package com.hirerelay.host.plugins;

import java.time.Duration;

/**
 * How long the host waits for plugin calls that do I/O.
 *
 * @param remoteRead verify, reference data, draft, duplicate look-up
 * @param export one export, which may include the plugin's own pacing and retries
 * @param inProcess calls that must not do I/O (visibility rules, validation), guarded against hangs
 */
public record PluginCallLimits(Duration remoteRead, Duration export, Duration inProcess) {

    /** 30 s for reads, 3 minutes for an export, 2 s for in-process calls. */
    public static final PluginCallLimits DEFAULTS =
            new PluginCallLimits(Duration.ofSeconds(30), Duration.ofMinutes(3), Duration.ofSeconds(2));
}
