package com.hirerelay.host.metrics;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Request;

/**
 * Notes when Grizzly has read a request's head, so that a request's server time ({@link ServerTimingFilter})
 * includes parsing it and routing it to the application.
 */
public final class RequestArrivalProbe extends HttpServerProbe.Adapter {

    /** The request attribute (a Jersey request property) holding the arrival, by {@link System#nanoTime()}. */
    public static final String ARRIVAL_PROPERTY = "hirerelay.arrivalNanos";

    @Override
    @SuppressWarnings("rawtypes") // Grizzly's interface declares the raw type
    public void onRequestReceiveEvent(HttpServerFilter filter, Connection connection, Request request) {
        request.setAttribute(ARRIVAL_PROPERTY, System.nanoTime());
    }
}
