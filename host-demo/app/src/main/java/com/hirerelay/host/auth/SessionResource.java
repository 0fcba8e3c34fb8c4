package com.hirerelay.host.auth;

import com.hirerelay.host.errors.ApiError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in, the current session and sign-out.
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SessionResource {

    private static final Logger LOG = LoggerFactory.getLogger(SessionResource.class);

    private final SessionStore sessions;

    public SessionResource(SessionStore sessions) {
        this.sessions = sessions;
    }

    /** The sign-in form's body. */
    public record SignIn(String email, String password) {}

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
    public Response signIn(SignIn body, @Context SecurityContext security) {
        var session = body == null
                ? java.util.Optional.<SessionStore.Session>empty()
                : sessions.signIn(body.email(), body.password());
        if (session.isEmpty()) {
            LOG.info("Failed sign-in attempt");
            return Response.status(401)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("invalid_login", "The e-mail or password is wrong."))
                    .build();
        }
        LOG.info("User {} signed in", session.get().user().id());
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

    @GET
    public SessionView current(@Context HttpHeaders headers) {
        var cookie = headers.getCookies().get(SessionFilter.COOKIE);
        SessionStore.Session session = sessions.find(cookie == null ? null : cookie.getValue())
                .orElseThrow(() -> new NotAuthorizedException("Sign in first", "Session"));
        return SessionView.of(session.user(), session.csrfToken());
    }

    @DELETE
    public Response signOut(@Context HttpHeaders headers) {
        var cookie = headers.getCookies().get(SessionFilter.COOKIE);
        sessions.signOut(cookie == null ? null : cookie.getValue());
        NewCookie cleared = new NewCookie.Builder(SessionFilter.COOKIE)
                .value("")
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(0)
                .build();
        return Response.noContent().cookie(cleared).build();
    }
}
