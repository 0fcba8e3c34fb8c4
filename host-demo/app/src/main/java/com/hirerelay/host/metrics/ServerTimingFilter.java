package com.hirerelay.host.metrics;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.PreMatching;

/**
 * Times every API request from its arrival ({@link RequestArrivalProbe}) and, when the answer goes out
 * ({@link #answered}), gives it a {@code Server-Timing} header: the phases of an export (see {@link Phase}), {@code own} and {@code total}; other requests get
 * {@code total} alone. The total ends when the answer is ready, before its JSON is written.
 */
@PreMatching
@Priority(1)
public final class ServerTimingFilter implements ContainerRequestFilter {

    /** The response header. */
    public static final String HEADER = "Server-Timing";

    private static final String TIMING_PROPERTY = "hirerelay.timing";

    @Override
    public void filter(ContainerRequestContext request) {
        Object arrived = request.getProperty(RequestArrivalProbe.ARRIVAL_PROPERTY);
        long start = arrived instanceof Long nanos ? nanos : System.nanoTime();
        request.setProperty(TIMING_PROPERTY, RequestTiming.startedAt(start).bind());
    }

    /**
     * Ends the request's timing and writes the header; called last by the API's one response filter, whatever
     * happened before (the timing is unbound from the thread here).
     */
    public static void answered(ContainerRequestContext request, ContainerResponseContext response) {
        Object timing = request.getProperty(TIMING_PROPERTY);
        if (timing instanceof RequestTiming started) {
            // What came after the export (the outcome built, the answer's filters) is HTTP too: no gap in the phases.
            response.getHeaders()
                    .putSingle(HEADER, started.lapAndBreakdown(Phase.HTTP).serverTimingHeader());
        }
        RequestTiming.unbind();
    }
}
