package com.hirerelay.host.auth;

import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings &gt; Sessions: admins see who is signed in, from where, and end sessions (a lost laptop, a
 * colleague who left). An ended session's next request gets 401.
 */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionAdminResource {

    private static final Logger LOG = LoggerFactory.getLogger(SessionAdminResource.class);

    private final SessionStore sessions;

    public SessionAdminResource(SessionStore sessions) {
        this.sessions = sessions;
    }

    /**
     * A live session as the admin page lists it: {@link SessionStore.SessionInfo} and whether it is the
     * session of the admin looking.
     */
    public record SessionRow(
            String id,
            long userId,
            String userEmail,
            String userName,
            String role,
            java.time.Instant createdAt,
            java.time.Instant expiresAt,
            String clientAddress,
            String userAgent,
            boolean current) {

        static SessionRow of(SessionStore.SessionInfo info, boolean current) {
            return new SessionRow(
                    info.id(),
                    info.userId(),
                    info.userEmail(),
                    info.userName(),
                    info.role().name(),
                    info.createdAt(),
                    info.expiresAt(),
                    info.clientAddress(),
                    info.userAgent(),
                    current);
        }
    }

    @GET
    public List<SessionRow> list(@Context SecurityContext security, @Context ContainerRequestContext request) {
        Access.requireIntegrationManager(security);
        String own = ownSessionId(request);
        return sessions.live().stream()
                .map(info -> SessionRow.of(info, info.id().equals(own)))
                .toList();
    }

    @DELETE
    @Path("{id}")
    public Response end(
            @PathParam("id") String id, @Context SecurityContext security, @Context ContainerRequestContext request) {
        User admin = Access.requireIntegrationManager(security);
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}") || !sessions.end(id)) {
            throw new RequestRefusedException(Reason.NOT_FOUND, "There is no such session; it may have ended already.");
        }
        LOG.info("User {} ended session {}{}", admin.id(), id, id.equals(ownSessionId(request)) ? " (their own)" : "");
        return Response.noContent().build();
    }

    @DELETE
    public Map<String, Integer> endAllOfUser(
            @QueryParam("userId") String userId,
            @Context SecurityContext security,
            @Context ContainerRequestContext request) {
        User admin = Access.requireIntegrationManager(security);
        long user;
        try {
            user = Long.parseLong(userId == null ? "" : userId.strip());
        } catch (NumberFormatException e) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Name the user whose sessions to end.",
                    List.of(new com.hirerelay.api.FieldError("userId", "Give a user id such as 3.")));
        }
        // An admin ending their own sessions keeps the one they are using.
        int ended = sessions.endAllOf(user, user == admin.id() ? ownSessionId(request) : null);
        LOG.info("User {} ended {} session(s) of user {}", admin.id(), ended, user);
        return Map.of("ended", ended);
    }

    private static String ownSessionId(ContainerRequestContext request) {
        return request.getProperty(SessionFilter.SESSION_PROPERTY) instanceof SessionStore.Session session
                ? session.id()
                : null;
    }
}
