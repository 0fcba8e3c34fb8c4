package com.hirerelay.host.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.function.BiConsumer;

/**
 * The API's one response filter: every answer on its way out, in one pass. In this order it gives back the body's
 * read slot ({@link RequestBodyLimitFilter#answered}), gives an error answer the API's error shape and correlation id
 * and logs it ({@link CorrelationAnswerFilter#answered}), sets the security headers (no caching of personal data, no
 * MIME sniffing, no framing, no referrer, and HSTS when the request came over HTTPS), and last hands the answer to
 * the step given at construction (the host's {@code Server-Timing} header, from the metrics package, which this
 * package does not know), so that the timing's total covers the rest.
 *
 * <p>One filter rather than one per concern: Jersey runs each response filter through its own stage, and these four
 * ran on every answer, the cheapest included. The request side stays in the filters named above.
 */
public final class AnswerFilter implements ContainerResponseFilter {

    private final BiConsumer<ContainerRequestContext, ContainerResponseContext> last;

    /** @param last what every answer goes through last, whatever failed before it */
    public AnswerFilter(BiConsumer<ContainerRequestContext, ContainerResponseContext> last) {
        this.last = last;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            RequestBodyLimitFilter.answered(request);
            CorrelationAnswerFilter.answered(request, response);
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("Cache-Control", "no-store");
            headers.putSingle("X-Content-Type-Options", "nosniff");
            headers.putSingle("X-Frame-Options", "DENY");
            headers.putSingle("Referrer-Policy", "no-referrer");
            if (request.getSecurityContext().isSecure()) {
                // Served over HTTPS (directly or behind a trusted proxy): browsers should never fall back to HTTP.
                headers.putSingle("Strict-Transport-Security", "max-age=31536000");
            }
        } finally {
            last.accept(request, response);
        }
    }
}
