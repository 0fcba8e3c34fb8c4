package com.hirerelay.host.automation;

import com.hirerelay.host.auth.Access;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * The review list of export on Hired ("queue for review"): everyone who may export sees it and sends its
 * candidates through the ordinary export and bulk export API.
 */
@Path("review")
@Produces(MediaType.APPLICATION_JSON)
public final class ReviewResource {

    private final AutomationService automation;

    public ReviewResource(AutomationService automation) {
        this.automation = automation;
    }

    /** The hired candidates waiting for a person, oldest first. */
    public record ReviewList(List<ReviewItem> items) {}

    @GET
    public ReviewList list(@Context SecurityContext security) {
        Access.requireExporter(security);
        return new ReviewList(automation.reviewList());
    }
}
