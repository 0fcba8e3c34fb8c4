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
import java.util.Locale;

/** Export on Hired per integration: admins only. */
@Path("integrations/{connectorId}/automation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AutomationResource {

    private final AutomationService automation;

    public AutomationResource(AutomationService automation) {
        this.automation = automation;
    }

    /** An integration's automation settings. */
    public record Settings(String onHired) {}

    @GET
    public Settings settings(@PathParam("connectorId") String connectorId, @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return new Settings(automation.onHired(connectorId).name());
    }

    @PUT
    public Settings save(
            @PathParam("connectorId") String connectorId, Settings body, @Context SecurityContext security) {
        User user = Access.requireIntegrationManager(security);
        OnHired onHired;
        try {
            onHired = OnHired.valueOf(
                    body == null || body.onHired() == null
                            ? ""
                            : body.onHired().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Choose what happens when a candidate is hired.",
                    List.of(new FieldError("onHired", "Choose OFF or AUTO.")));
        }
        return new Settings(automation.setOnHired(connectorId, onHired, user).name());
    }
}
