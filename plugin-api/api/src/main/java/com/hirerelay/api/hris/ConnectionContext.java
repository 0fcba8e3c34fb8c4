package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.time.Clock;

/**
 * What a host hands a connection it opens besides the settings: the shared request budget, the listener told
 * about every request, and the clock the connection reads the time from.
 *
 * <p>The clock is the host's: a connection that keeps anything for a while (cached reference data, see
 * {@link HrisConnection#referenceData()} and {@link com.hirerelay.api.PluginTimeLimits#REFERENCE_DATA_MAX_AGE})
 * measures the age with {@link #clock()}, never with {@code System.nanoTime()} or its own clock, so that a host,
 * and the test kit, can move time on. A connection waits for real time (its pauses, its time-outs) with the
 * JDK as before; the clock only says what time it is.
 *
 * @param budget the host's budget for the HR system's request limits; shared by every connection and host
 *               instance (see {@link HrisConnector#open(ConnectionSettings, RateBudget)}); never null
 * @param listener told about every request and rate-limit wait; {@link HrisRequestListener#NONE} when the host
 *                 wants none; never null
 * @param clock the time as the host sees it; never null
 * @since 1.3.0
 */
public record ConnectionContext(RateBudget budget, HrisRequestListener listener, Clock clock) {

    /**
     * @throws IllegalArgumentException if a component is missing
     */
    public ConnectionContext {
        Require.notNull(budget, "budget");
        Require.notNull(listener, "listener");
        Require.notNull(clock, "clock");
    }

    /**
     * A context for a connection used on its own (a test, a tool): a budget of its own, no listener, the system
     * clock.
     *
     * @return a new context
     */
    public static ConnectionContext standalone() {
        return new ConnectionContext(RateBudget.inProcess(), HrisRequestListener.NONE, Clock.systemUTC());
    }
}
