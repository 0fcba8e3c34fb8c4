package com.hirerelay.host.automation;

import com.hirerelay.api.FieldError;
import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** Whether an integration sends changes made in the ATS after an export by itself: admins only. */
@Path("integrations/{connectorId}/automatic-updates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AutomaticUpdateResource {

    private final AutomationService automation;

    public AutomaticUpdateResource(AutomationService automation) {
        this.automation = automation;
    }

    /** @param sendAutomatically true: send changes made after an export by themselves; off unless set */
    public record Setting(Boolean sendAutomatically) {}

    @GET
    public Setting setting(@PathParam("connectorId") String connectorId, @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return new Setting(automation.sendsUpdatesAutomatically(connectorId));
    }

    @PUT
    public Setting save(@PathParam("connectorId") String connectorId, Setting body, @Context SecurityContext security) {
        User user = Access.requireIntegrationManager(security);
        if (body == null || body.sendAutomatically() == null) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Say whether updates are sent automatically.",
                    List.of(new FieldError("sendAutomatically", "Send true or false.")));
        }
        return new Setting(automation.setSendUpdatesAutomatically(connectorId, body.sendAutomatically(), user));
    }
}
