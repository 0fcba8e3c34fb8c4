package com.hirerelay.host.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Headers on every API answer: no caching of personal data, no MIME sniffing, no framing, and HSTS when
 * the request came over HTTPS.
 */
public final class SecurityHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("X-Frame-Options", "DENY");
        response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
        if (request.getSecurityContext().isSecure()) {
            // Served over HTTPS (directly or behind a trusted proxy): browsers should never fall back to HTTP.
            response.getHeaders().putSingle("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
