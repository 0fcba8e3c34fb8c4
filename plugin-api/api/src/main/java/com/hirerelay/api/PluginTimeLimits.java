package com.hirerelay.api;

import java.time.Duration;

/**
 * How long a host waits for each kind of plugin call before it gives up on it. A call that is still
 * running then is abandoned: its result is ignored, and for {@link com.hirerelay.api.hris.HrisConnection#export}
 * the host treats the outcome as unknown ("may have been created") and settles it with
 * {@link com.hirerelay.api.hris.HrisConnection#findExisting}.
 *
 * <p>A plugin bounds its own remote calls (connect and read time-outs, retries, waits for a
 * rate limit) so that it reports a typed {@link HrisException} well before these limits: a
 * {@link RemoteUnavailableException} the user can act on beats a call the host had to abandon.
 *
 * <p>Calls the plugin API forbids to do I/O ({@link com.hirerelay.api.hris.HrisConnector#info()},
 * {@link com.hirerelay.api.hris.HrisConnector#open}, the menu's and the settings panel's methods) have no
 * limit of their own: a host runs them on its request thread, so they must return at once.
 *
 * <p>Hosts may apply shorter limits in tests; they never apply longer ones without saying so.
 *
 * @since 1.1.0
 */
public final class PluginTimeLimits {

    /**
     * The limit for each call that reads from the HR system: {@code verify}, {@code referenceData},
     * {@code draftFor}, {@code validate} and {@code findExisting} of an
     * {@link com.hirerelay.api.hris.HrisConnection}: 30 seconds.
     */
    public static final Duration REMOTE_READ = Duration.ofSeconds(30);

    /**
     * The limit for one {@link com.hirerelay.api.hris.HrisConnection#export}, which includes the
     * look-up before the create, the plugin's own pacing and bounded retries, and follow-up steps:
     * 3 minutes.
     */
    public static final Duration EXPORT = Duration.ofMinutes(3);

    /**
     * The limit for {@link com.hirerelay.api.hris.HrisConnection#close()}, which may wait for the plugin's
     * HTTP client to shut down: 2 seconds.
     */
    public static final Duration CLOSE = Duration.ofSeconds(2);

    /**
     * How long a connector may serve reference data it read earlier from a cache of its connection
     * (see {@link com.hirerelay.api.hris.HrisConnection#referenceData()}): one minute. Not a time limit
     * on a call: the age after which a cached list must be read again.
     *
     * @since 1.2.0
     */
    public static final Duration REFERENCE_DATA_MAX_AGE = Duration.ofMinutes(1);

    private PluginTimeLimits() {}
}
