package com.hirerelay.host.automation;

import com.hirerelay.api.FieldError;
import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.limits.RequestLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A candidate's export on a chosen day, set, moved and cancelled on the candidate page; {@link UpcomingExportResource}
 * lists them. Everyone who may export may schedule and cancel.
 */
@Path("candidates/{id}/scheduled-exports/{connectorId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ScheduledExportResource {

    private final AutomationService automation;

    public ScheduledExportResource(AutomationService automation) {
        this.automation = automation;
    }

    /**
     * The day to export on, as yyyy-MM-dd; or {@code daysBefore} days before the draft's date field
     * {@code beforeField}. {@code values}: the export dialog's values by field key, of which the edited ones are kept
     * and sent on the day; optional.
     */
    public record Schedule(String exportOn, Integer daysBefore, String beforeField, Map<String, String> values) {}

    @PUT
    public ScheduledExport schedule(
            @PathParam("id") String id,
            @PathParam("connectorId") String connectorId,
            Schedule body,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        long candidateId = candidateId(id);
        if (body == null) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "Send the day to export on as JSON.");
        }
        Map<String, String> values = body.values() == null ? Map.of() : body.values();
        if (values.size() > RequestLimits.MAX_FORM_VALUES) {
            throw new RequestRefusedException(
                    Reason.BAD_REQUEST, "An export takes at most " + RequestLimits.MAX_FORM_VALUES + " values.");
        }
        AutomationService.ExportDay when = body.daysBefore() != null
                ? new AutomationService.ExportDay(null, body.daysBefore(), body.beforeField())
                : new AutomationService.ExportDay(day(body), null, null);
        return automation.schedule(candidateId, connectorId, when, values, user);
    }

    @DELETE
    public void cancel(
            @PathParam("id") String id,
            @PathParam("connectorId") String connectorId,
            @Context SecurityContext security) {
        User user = Access.requireExporter(security);
        automation.cancelSchedule(candidateId(id), connectorId, user);
    }

    private static long candidateId(String id) {
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "The candidate id must be a number.");
        }
    }

    private static LocalDate day(Schedule body) {
        String text =
                body == null || body.exportOn() == null ? "" : body.exportOn().strip();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException unreadable) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Choose the day to export on.",
                    List.of(new FieldError("exportOn", "Enter a day such as 2027-01-04.")));
        }
    }
}
