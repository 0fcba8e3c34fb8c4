package com.hirerelay.host.automation;

import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * The review list of export on Hired ("queue for review"): everyone who may export sees it, sends its candidates
 * through the ordinary export and bulk export API, and may dismiss an item with a reason (and restore it).
 */
@Path("review")
@Produces(MediaType.APPLICATION_JSON)
public final class ReviewResource {

    private final AutomationService automation;

    public ReviewResource(AutomationService automation) {
        this.automation = automation;
    }

    /** The hired candidates waiting for a person, oldest first; or the dismissed ones, latest first. */
    public record ReviewList(List<ReviewItem> items) {}

    /** Why a person dismisses a candidate from the list. */
    public record Dismissal(String reason) {}

    @GET
    public ReviewList list(@QueryParam("dismissed") String dismissed, @Context SecurityContext security) {
        Access.requireExporter(security);
        return new ReviewList(automation.reviewList(flag(dismissed)));
    }

    @POST
    @Path("{candidateId}/{connectorId}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReviewItem dismiss(
            @PathParam("candidateId") String candidateId,
            @PathParam("connectorId") String connectorId,
            Dismissal body,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        return automation.dismiss(id(candidateId), connectorId, body == null ? null : body.reason(), user);
    }

    @DELETE
    @Path("{candidateId}/{connectorId}/dismissal")
    public ReviewItem restore(
            @PathParam("candidateId") String candidateId,
            @PathParam("connectorId") String connectorId,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        return automation.restore(id(candidateId), connectorId, user);
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new RequestRefusedException(Reason.BAD_REQUEST, "dismissed is true or false.");
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "The candidate id must be a number.");
        }
    }
}
