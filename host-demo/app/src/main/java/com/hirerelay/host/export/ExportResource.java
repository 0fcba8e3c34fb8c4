package com.hirerelay.host.export;

import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.limits.FieldChecks;
import com.hirerelay.host.limits.RequestLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;

/**
 * Bulk exports, bulk updates and the export history (exports, and updates of exported employees).
 */
@Path("exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ExportResource {

    private final BulkExportService bulk;
    private final BulkUpdateService bulkUpdates;
    private final ExportAttemptRepository attempts;
    private final EmployeeUpdateRepository updates;

    public ExportResource(
            BulkExportService bulk,
            BulkUpdateService bulkUpdates,
            ExportAttemptRepository attempts,
            EmployeeUpdateRepository updates) {
        this.updates = updates;
        this.bulk = bulk;
        this.bulkUpdates = bulkUpdates;
        this.attempts = attempts;
    }

    /** A bulk export or bulk update request. */
    public record BulkRequest(String connectorId, List<Long> candidateIds) {}

    @POST
    @Path("bulk")
    public Response startBulk(BulkRequest body, @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        checkBulk(body, RequestLimits.MAX_BULK_CANDIDATES, "export");
        return Response.status(202)
                .entity(bulk.start(body.connectorId(), body.candidateIds(), user))
                .build();
    }

    /**
     * Sends the "Changed since export" updates of the candidates and answers each one's outcome when all are done
     * (synchronous: {@link BulkUpdateService} says why and how it is bounded).
     */
    @POST
    @Path("bulk-update")
    public BulkUpdateService.BulkUpdate bulkUpdate(BulkRequest body, @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        checkBulk(body, BulkUpdateService.MAX_CANDIDATES, "update");
        return bulkUpdates.update(body.connectorId(), body.candidateIds(), user);
    }

    /** Refuses a bulk request without a connector or candidates, or with more than {@code max} ids (422). */
    private static void checkBulk(BulkRequest body, int max, String what) {
        FieldChecks checks = new FieldChecks()
                .required(
                        "connectorId",
                        body == null ? null : body.connectorId(),
                        RequestLimits.MAX_KEY_CHARS,
                        "The connector");
        List<Long> ids = body == null ? null : body.candidateIds();
        if (ids == null || ids.isEmpty()) {
            checks.add("candidateIds", "Select at least one candidate.");
        } else if (ids.size() > max) {
            checks.add(
                    "candidateIds",
                    "A bulk " + what + " takes at most " + max + " candidates; " + ids.size() + " were sent.");
        } else if (ids.contains(null)) {
            checks.add("candidateIds[" + ids.indexOf(null) + "]", "Every candidate id must be a number, not null.");
        }
        checks.throwIfAny("Name the connector and the candidates to " + what + ".");
    }

    @GET
    @Path("bulk/{bulkId}")
    public BulkExportService.BulkExport bulkProgress(
            @PathParam("bulkId") String bulkId, @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        return bulk.progress(bulkId, user);
    }

    @GET
    public ExportAttemptRepository.HistoryPage history(
            @QueryParam("candidateId") String candidateId,
            @QueryParam("connectorId") String connectorId,
            @QueryParam("outcome") String outcome,
            @QueryParam("page") @DefaultValue("1") String page,
            @QueryParam("pageSize") @DefaultValue("25") String pageSize,
            @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        ExportAttemptState state = outcome == null || outcome.isBlank()
                ? null
                : ExportAttemptState.named(outcome)
                        .orElseThrow(() -> new RequestRefusedException(
                                Reason.BAD_REQUEST,
                                "outcome must be one of "
                                        + String.join(
                                                ", ",
                                                Arrays.stream(ExportAttemptState.values())
                                                        .map(Enum::name)
                                                        .toList())
                                        + "."));
        return attempts.history(
                candidateId == null || candidateId.isBlank() ? null : candidateId(candidateId),
                connectorId,
                state,
                (int) number(page, 1),
                (int) number(pageSize, 25));
    }

    /**
     * The history of updates sent to exported employees (admins), newest first, filtered like the export history.
     *
     * @param automatic {@code true}: only those the host sent by itself; {@code false}: only those a person sent
     */
    @GET
    @Path("updates")
    public EmployeeUpdateRepository.HistoryPage updateHistory(
            @QueryParam("candidateId") String candidateId,
            @QueryParam("connectorId") String connectorId,
            @QueryParam("outcome") String outcome,
            @QueryParam("automatic") String automatic,
            @QueryParam("page") @DefaultValue("1") String page,
            @QueryParam("pageSize") @DefaultValue("25") String pageSize,
            @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        EmployeeUpdateState state = null;
        if (outcome != null && !outcome.isBlank()) {
            state = Arrays.stream(EmployeeUpdateState.values())
                    .filter(value -> value.name().equalsIgnoreCase(outcome.strip()))
                    .findFirst()
                    .orElseThrow(() -> new RequestRefusedException(
                            Reason.BAD_REQUEST,
                            "outcome must be one of "
                                    + String.join(
                                            ", ",
                                            Arrays.stream(EmployeeUpdateState.values())
                                                    .map(Enum::name)
                                                    .toList())
                                    + "."));
        }
        Boolean sentBy = null;
        if (automatic != null && !automatic.isBlank()) {
            if (!automatic.strip().equalsIgnoreCase("true")
                    && !automatic.strip().equalsIgnoreCase("false")) {
                throw new RequestRefusedException(Reason.BAD_REQUEST, "automatic must be true or false.");
            }
            sentBy = Boolean.parseBoolean(automatic.strip());
        }
        return updates.history(
                candidateId == null || candidateId.isBlank() ? null : candidateId(candidateId),
                connectorId,
                state,
                sentBy,
                (int) number(page, 1),
                (int) number(pageSize, 25));
    }

    static long candidateId(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new RequestRefusedException(Reason.NOT_FOUND, "There is no candidate " + id + ".");
        }
    }

    private static long number(String text, long fallback) {
        try {
            return Math.min(1_000_000, Long.parseLong(text.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return fallback;
        }
    }
}
