package com.hirerelay.host.automation;

import com.hirerelay.host.auth.Access;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** The failed list of automatic exports: admins only. */
@Path("automation/failures")
@Produces(MediaType.APPLICATION_JSON)
public final class AutomationFailureResource {

    private final AutomationService automation;

    public AutomationFailureResource(AutomationService automation) {
        this.automation = automation;
    }

    /** The failed list, newest first. */
    public record Failures(List<AutomationFailure> items) {}

    @GET
    public Failures failures(@Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return new Failures(automation.failures());
    }
}
