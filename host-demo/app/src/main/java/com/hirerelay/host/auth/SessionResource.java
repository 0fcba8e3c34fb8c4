package com.hirerelay.host.auth;

import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.limits.FieldChecks;
import com.hirerelay.host.limits.RequestLimits;
import com.hirerelay.host.web.ClientOrigin;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, the current session and sign-out. Sign-in is throttled per account and per client address
 * ({@link SignInThrottle}): a throttled attempt gets 429 {@code rate_limited} with {@code Retry-After},
 * and its password is not even checked.
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SessionResource {

    private static final Logger LOG = LoggerFactory.getLogger(SessionResource.class);

    private final SessionStore sessions;
    private final SignInThrottle throttle;

    public SessionResource(SessionStore sessions, SignInThrottle throttle) {
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /**
     * The sign-in form's body.
     *
     * @param endOtherSessions true to sign the user out everywhere else at the same time
     */
    public record SignIn(String email, String password, Boolean endOtherSessions) {}

    /** What the UI needs about the signed-in user. */
    public record SessionView(Map<String, Object> user, String csrfToken) {
        static SessionView of(User user, String csrfToken) {
            return new SessionView(
                    Map.of(
                            "id",
                            user.id(),
                            "email",
                            user.email(),
                            "name",
                            user.name(),
                            "role",
                            user.role().name()),
                    csrfToken);
        }
    }

    @POST
    public Response signIn(SignIn body, @Context SecurityContext security, @Context ContainerRequestContext request) {
        new FieldChecks()
                .required("email", body == null ? null : body.email(), RequestLimits.MAX_EMAIL_CHARS, "The e-mail")
                .required(
                        "password",
                        body == null ? null : body.password(),
                        RequestLimits.MAX_PASSWORD_CHARS,
                        "The password")
                .throwIfAny("Enter your e-mail and password.");
        ClientOrigin origin =
                request.getProperty(ClientOrigin.PROPERTY) instanceof ClientOrigin known ? known : ClientOrigin.UNKNOWN;
        Optional<Duration> wait = throttle.attempt(body.email(), origin.address());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            LOG.info("Sign-in from {} refused for {} s after repeated failures", origin.address(), seconds);
            return Response.status(429)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", seconds)
                    .entity(new ApiError(
                            "rate_limited",
                            "Too many failed sign-ins. Try again in " + seconds + " seconds.",
                            List.of(),
                            seconds))
                    .build();
        }
        var session =
                sessions.signIn(body.email(), body.password(), origin, Boolean.TRUE.equals(body.endOtherSessions()));
        if (session.isEmpty()) {
            LOG.info("Failed sign-in attempt from {}", origin.address());
            return Response.status(401)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("invalid_login", "The e-mail or password is wrong."))
                    .build();
        }
        throttle.succeeded(body.email(), origin.address());
        LOG.info(
                "User {} signed in from {}{}",
                session.get().user().id(),
                origin.address(),
                Boolean.TRUE.equals(body.endOtherSessions()) ? ", ending their other sessions" : "");
        NewCookie cookie = new NewCookie.Builder(SessionFilter.COOKIE)
                .value(session.get().token())
                .path("/")
                .httpOnly(true)
                .secure(security.isSecure())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) SessionStore.LIFETIME.toSeconds())
                .build();
        return Response.ok(SessionView.of(session.get().user(), session.get().csrfToken()))
                .cookie(cookie)
                .build();
    }

    // One @Context parameter: Jersey looks each up in its injection framework, a visible share of this request's CPU.
    @GET
    public SessionView current(@Context ContainerRequestContext request) {
        // SessionFilter found the session for this request already: a second look-up was a second query.
        SessionStore.Session session =
                request.getProperty(SessionFilter.SESSION_PROPERTY) instanceof SessionStore.Session found
                        ? found
                        : find(request);
        return SessionView.of(session.user(), session.csrfToken());
    }

    private SessionStore.Session find(ContainerRequestContext request) {
        return sessions.find(SessionFilter.sessionToken(request.getHeaderString(HttpHeaders.COOKIE)))
                .orElseThrow(() -> new NotAuthorizedException("Sign in first", "Session"));
    }

    @DELETE
    public Response signOut(@Context HttpHeaders headers, @Context SecurityContext security) {
        sessions.signOut(SessionFilter.sessionToken(headers.getHeaderString(HttpHeaders.COOKIE)));
        NewCookie cleared = new NewCookie.Builder(SessionFilter.COOKIE)
                .value("")
                .path("/")
                .httpOnly(true)
                .secure(security.isSecure())
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(0)
                .build();
        return Response.noContent().cookie(cleared).build();
    }
}
