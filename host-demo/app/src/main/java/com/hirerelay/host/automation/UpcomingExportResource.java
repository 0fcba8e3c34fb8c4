package com.hirerelay.host.automation;

import com.hirerelay.host.auth.Access;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** The upcoming exports: scheduled ones waiting for their day, for everyone who may export. */
@Path("scheduled-exports")
@Produces(MediaType.APPLICATION_JSON)
public final class UpcomingExportResource {

    private final AutomationService automation;

    public UpcomingExportResource(AutomationService automation) {
        this.automation = automation;
    }

    /** The upcoming list, soonest first. */
    public record Upcoming(List<ScheduledExport> items) {}

    @GET
    public Upcoming upcoming(@QueryParam("candidateId") String candidateId, @Context SecurityContext security) {
        Access.requireExporter(security);
        Long only = null;
        if (candidateId != null && !candidateId.isBlank()) {
            try {
                only = Long.parseLong(candidateId.strip());
            } catch (NumberFormatException e) {
                throw new RequestRefusedException(Reason.BAD_REQUEST, "candidateId must be a number.");
            }
        }
        return new Upcoming(automation.upcoming(only));
    }
}
