package com.hirerelay.host.plugins;

import com.hirerelay.api.PluginTimeLimits;
import java.time.Duration;

/**
 * How long the host waits for plugin calls. Tests may shorten them; the defaults are the API's
 * documented {@link PluginTimeLimits}.
 *
 * @param remoteRead verify, reference data, draft, duplicate look-up
 * @param export one export, which may include the plugin's own pacing and retries
 * @param inProcess calls that must not do I/O (visibility rules, validation), guarded against hangs
 */
public record PluginCallLimits(Duration remoteRead, Duration export, Duration inProcess) {

    /** The limits the plugin API documents for every host ({@link PluginTimeLimits}). */
    public static final PluginCallLimits DEFAULTS =
            new PluginCallLimits(PluginTimeLimits.REMOTE_READ, PluginTimeLimits.EXPORT, PluginTimeLimits.IN_PROCESS);
}
