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
import java.util.List;
import java.util.Map;

/**
 * A candidate's export dialog: the editable draft, and the export itself.
 */
@Path("candidates/{id}/exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class CandidateExportResource {

    private final ExportService exports;
    private final EmployeeUpdateService updates;

    public CandidateExportResource(ExportService exports, EmployeeUpdateService updates) {
        this.exports = exports;
        this.updates = updates;
    }

    /**
     * The export dialog's submitted values, and the user's answer to a possible match (or null).
     *
     * @param decision {@code {"choice":"LINK"|"CREATE_NEW","employeeId":"..."}}, or null
     * @param documentIds the candidate's documents to send to the employee after the export; null for none
     */
    public record Submit(Map<String, String> values, Decision decision, List<Long> documentIds) {}

    /** The documents to send to the employee of the latest export. */
    public record DocumentsSubmit(List<Long> documentIds) {}

    /** The user's answer to a possible match. */
    public record Decision(String choice, String employeeId) {

        com.hirerelay.api.hris.MatchDecision toSpi() {
            if (employeeId == null || employeeId.isBlank()) {
                throw new com.hirerelay.host.errors.RequestRefusedException(
                        com.hirerelay.host.errors.RequestRefusedException.Reason.BAD_REQUEST,
                        "decision.employeeId names the employee the decision is about.");
            }
            return switch (choice == null ? "" : choice) {
                case "LINK" -> com.hirerelay.api.hris.MatchDecision.link(employeeId);
                case "CREATE_NEW" -> com.hirerelay.api.hris.MatchDecision.createNew(employeeId);
                default ->
                    throw new com.hirerelay.host.errors.RequestRefusedException(
                            com.hirerelay.host.errors.RequestRefusedException.Reason.BAD_REQUEST,
                            "decision.choice must be LINK or CREATE_NEW.");
            };
        }
    }

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
                body == null || body.decision() == null ? null : body.decision().toSpi(),
                body == null || body.documentIds() == null ? List.of() : body.documentIds(),
                user);
    }

    /** Sends documents to the employee of the latest export: a retry, or documents added since. */
    @POST
    @Path("{connectorId}/documents")
    public ExportViews.DocumentsSent sendDocuments(
            @PathParam("id") String id,
            @PathParam("connectorId") String connectorId,
            DocumentsSubmit body,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        return exports.sendDocuments(
                ExportResource.candidateId(id),
                connectorId,
                body == null || body.documentIds() == null ? List.of() : body.documentIds(),
                user);
    }

    /** The update dialog: per field the HR system's value now, the value sent last time, and the ATS's now. */
    @GET
    @Path("{connectorId}/update")
    public EmployeeUpdateService.UpdateView updateView(
            @PathParam("id") String id,
            @PathParam("connectorId") String connectorId,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        return updates.view(ExportResource.candidateId(id), connectorId, user);
    }

    /** Sends the chosen fields to the employee of the candidate's export. */
    @POST
    @Path("{connectorId}/update")
    public EmployeeUpdateService.UpdateOutcome update(
            @PathParam("id") String id,
            @PathParam("connectorId") String connectorId,
            EmployeeUpdateService.UpdateRequest body,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        new FieldChecks()
                .form("values", body == null ? null : body.values(), RequestLimits.MAX_TEXT_CHARS)
                .throwIfAny("Check the highlighted fields; nothing was sent.");
        if (body != null && body.fields() != null && body.fields().size() > 200) {
            throw new com.hirerelay.host.errors.RequestRefusedException(
                    com.hirerelay.host.errors.RequestRefusedException.Reason.BAD_REQUEST,
                    "An update names at most 200 fields.");
        }
        return updates.update(ExportResource.candidateId(id), connectorId, body, user);
    }

    /** The updates sent for the candidate, newest first, with each field's outcome. */
    @GET
    @Path("updates")
    public List<EmployeeUpdate> updateHistory(@PathParam("id") String id, @Context SecurityContext security) {
        Access.requireExporter(security);
        return updates.history(ExportResource.candidateId(id));
    }

    /** What the HR system already has that may be this candidate, with the dialog's current values. */
    @POST
    @Path("{connectorId}/match")
    public ExportViews.MatchView match(
            @PathParam("id") String id,
            @PathParam("connectorId") String connectorId,
            Submit body,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        return exports.match(
                ExportResource.candidateId(id),
                connectorId,
                body == null || body.values() == null ? Map.of() : body.values(),
                user);
    }
}
