package com.hirerelay.host.auth;

import com.hirerelay.host.errors.ApiError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every API call: finds the session from its cookie, refuses anonymous calls (401) except
 * signing in, and refuses state-changing calls whose {@code X-CSRF-Token} header does not match the
 * session's token (403 {@code csrf}).
 */
@Priority(Priorities.AUTHENTICATION)
public final class SessionFilter implements ContainerRequestFilter {

    /** The session cookie's name. */
    public static final String COOKIE = "HIRERELAY_SESSION";
    /** The header that carries the CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Request property holding the {@link SessionStore.Session}. */
    public static final String SESSION_PROPERTY = "hirerelay.session";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionStore sessions;

    public SessionFilter(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean signingIn = path.equals("session") && request.getMethod().equals("POST");
        Cookie cookie = request.getCookies().get(COOKIE);
        Optional<SessionStore.Session> session = cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
        if (signingIn) {
            return;
        }
        if (session.isEmpty()) {
            request.abortWith(refusal(401, ApiError.of("unauthenticated", "Sign in first.")));
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod())
                && !csrfMatches(
                        request.getHeaderString(CSRF_HEADER), session.get().csrfToken())) {
            request.abortWith(refusal(
                    403, ApiError.of("csrf", "This request lacks a valid CSRF token. Reload the page and try again.")));
            return;
        }
        User user = session.get().user();
        boolean secure = request.getSecurityContext().isSecure();
        request.setProperty(SESSION_PROPERTY, session.get());
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return user.role().name().equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "session";
            }
        });
    }

    private static Response refusal(int status, ApiError error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error)
                .build();
    }

    private static boolean csrfMatches(String sent, String expected) {
        return sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
