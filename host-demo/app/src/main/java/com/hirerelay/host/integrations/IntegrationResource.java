package com.hirerelay.host.integrations;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.SelectOption;
import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.limits.FieldChecks;
import com.hirerelay.host.limits.RequestLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * Settings &gt; Account &gt; Integrations: admins only.
 */
@Path("integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class IntegrationResource {

    private final IntegrationService integrations;

    public IntegrationResource(IntegrationService integrations) {
        this.integrations = integrations;
    }

    /** The Integrations page. */
    public record Page(List<IntegrationViews.Section> sections) {}

    /** The connect form's submitted values. */
    public record Connect(Map<String, String> values) {}

    /** "Upgrade to &lt;version&gt;": the version the admin saw offered. */
    public record Upgrade(String version) {}

    @GET
    public Page sections(@Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return new Page(integrations.sections());
    }

    @GET
    @Path("{connectorId}/form")
    public IntegrationViews.Form form(@PathParam("connectorId") String connectorId, @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return integrations.form(connectorId);
    }

    @POST
    @Path("{connectorId}")
    public Response connect(
            @PathParam("connectorId") String connectorId, Connect body, @Context SecurityContext security) {
        User user = Access.requireIntegrationManager(security);
        // An API key with a control character or pasted from the wrong file is the admin's to fix, named beside
        // its field, before anything reaches the plugin.
        new FieldChecks()
                .form("values", body == null ? null : body.values(), RequestLimits.MAX_SETTING_CHARS)
                .throwIfAny("Check the highlighted settings; nothing was saved.");
        var details = integrations.connect(connectorId, body == null ? Map.of() : body.values(), user);
        return Response.status(201).entity(details).build();
    }

    /** The entries the form's reference-list fields offer, read with the typed values; see the service. */
    @POST
    @Path("{connectorId}/choices")
    public Map<String, List<SelectOption>> choices(
            @PathParam("connectorId") String connectorId, Connect body, @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return integrations.choices(connectorId, body == null ? Map.of() : body.values());
    }

    @GET
    @Path("{connectorId}")
    public IntegrationViews.Details details(
            @PathParam("connectorId") String connectorId, @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return integrations.details(connectorId);
    }

    @POST
    @Path("{connectorId}/api-version")
    public IntegrationViews.Details upgradeApiVersion(
            @PathParam("connectorId") String connectorId, Upgrade body, @Context SecurityContext security) {
        User user = Access.requireIntegrationManager(security);
        if (body == null || body.version() == null || body.version().isBlank()) {
            throw new RequestRefusedException(
                    Reason.BAD_REQUEST,
                    "Say which version to upgrade to.",
                    List.of(new FieldError("version", "The version offered is required.")));
        }
        return integrations.upgradeApiVersion(connectorId, body.version().strip(), user);
    }

    @DELETE
    @Path("{connectorId}")
    public Response remove(@PathParam("connectorId") String connectorId, @Context SecurityContext security) {
        User user = Access.requireIntegrationManager(security);
        integrations.remove(connectorId, user);
        return Response.noContent().build();
    }
}
