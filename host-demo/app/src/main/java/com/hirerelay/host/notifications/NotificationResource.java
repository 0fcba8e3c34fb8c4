package com.hirerelay.host.notifications;

import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.List;

/** The signed-in user's own notifications: every user has a list (only admins and exporters ever get any). */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public final class NotificationResource {

    private final Notifications notifications;
    private final Clock clock;

    public NotificationResource(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The newest notifications and how many are unread (the top bar's badge). */
    public record NotificationList(long unread, List<Notification> items) {}

    @GET
    public NotificationList list(@Context SecurityContext security) {
        User user = Access.user(security);
        return new NotificationList(notifications.unread(user.id()), notifications.of(user.id()));
    }

    @POST
    @Path("{id}/read")
    public NotificationList markRead(@PathParam("id") String id, @Context SecurityContext security) {
        User user = Access.user(security);
        long number;
        try {
            number = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (!notifications.markRead(user.id(), number, clock.instant())) {
            throw new RequestRefusedException(Reason.NOT_FOUND, "You have no notification " + id + ".");
        }
        return list(security);
    }

    @POST
    @Path("read-all")
    public NotificationList markAllRead(@Context SecurityContext security) {
        User user = Access.user(security);
        notifications.markAllRead(user.id(), clock.instant());
        return list(security);
    }
}
