package com.hirerelay.host.web;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Locale;
import org.glassfish.grizzly.http.server.Request;

/**
 * Tells the rest of the request who is asking: stores the {@link ClientOrigin} (for sign-in throttling and
 * the sessions page) and marks the request secure when it came over HTTPS.
 *
 * <p>With {@code behindHttpsProxy} (the {@code --behind-https-proxy} flag) the host trusts the reverse
 * proxy in front of it: {@code X-Forwarded-Proto: https} makes the request secure (so the session cookie
 * gets {@code Secure}), and the last address of {@code X-Forwarded-For} (the one the proxy added) is the
 * client's. Without the flag both headers are ignored, as any client could send them.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class ClientOriginFilter implements ContainerRequestFilter {

    private final boolean behindHttpsProxy;

    @Inject
    private Provider<Request> grizzlyRequest;

    public ClientOriginFilter(boolean behindHttpsProxy) {
        this.behindHttpsProxy = behindHttpsProxy;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String address = request.getProperty(ClientAddressProbe.REMOTE_ADDRESS_PROPERTY) instanceof String noted
                ? noted
                : remoteAddress();
        if (behindHttpsProxy) {
            String forwarded = lastForwardedFor(request.getHeaderString("X-Forwarded-For"));
            if (forwarded != null) {
                address = forwarded;
            }
        }
        request.setProperty(ClientOrigin.PROPERTY, new ClientOrigin(address, request.getHeaderString("User-Agent")));
        if (!behindHttpsProxy) {
            return;
        }
        String proto = request.getHeaderString("X-Forwarded-Proto");
        if (proto != null
                && proto.strip().toLowerCase(Locale.ROOT).equals("https")
                && !request.getSecurityContext().isSecure()) {
            request.setSecurityContext(secure(request.getSecurityContext()));
        }
    }

    private String remoteAddress() {
        try {
            Request grizzly = grizzlyRequest == null ? null : grizzlyRequest.get();
            return grizzly == null ? null : grizzly.getRemoteAddr();
        } catch (RuntimeException outsideGrizzly) {
            return null;
        }
    }

    /** @return the proxy-added (last) address of the header if it looks like an IP address, else null */
    static String lastForwardedFor(String header) {
        if (header == null || header.isBlank() || header.length() > 1_000) {
            return null;
        }
        String last = header.substring(header.lastIndexOf(',') + 1).strip();
        return last.matches("[0-9A-Fa-f.:\\[\\]]{2,45}") ? last : null;
    }

    private static SecurityContext secure(SecurityContext original) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return original.getUserPrincipal();
            }

            @Override
            public boolean isUserInRole(String role) {
                return original.isUserInRole(role);
            }

            @Override
            public boolean isSecure() {
                return true;
            }

            @Override
            public String getAuthenticationScheme() {
                return original.getAuthenticationScheme();
            }
        };
    }
}
