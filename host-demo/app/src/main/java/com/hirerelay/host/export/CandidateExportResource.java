package com.hirerelay.host.export;

import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.limits.FieldChecks;
import com.hirerelay.host.limits.RequestLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/**
 * A candidate's export dialog: the editable draft, and the export itself.
 */
@Path("candidates/{id}/exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CandidateExportResource {

    private final ExportService exports;

    public CandidateExportResource(ExportService exports) {
        this.exports = exports;
    }

    /** The export dialog's submitted values. */
    public record Submit(Map<String, String> values) {}

    @GET
    @Path("{connectorId}/draft")
    public ExportViews.Draft draft(
            @PathParam("id") String id,
            @PathParam("connectorId") String connectorId,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        return exports.draft(ExportResource.candidateId(id), connectorId, user);
    }

    @POST
    @Path("{connectorId}")
    public ExportViews.Outcome export(
            @PathParam("id") String id,
            @PathParam("connectorId") String connectorId,
            Submit body,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        new FieldChecks()
                .form("values", body == null ? null : body.values(), RequestLimits.MAX_TEXT_CHARS)
                .throwIfAny("Check the highlighted fields; nothing was sent.");
        return exports.export(
                ExportResource.candidateId(id),
                connectorId,
                body == null || body.values() == null ? Map.of() : body.values(),
                user);
    }
}
