package com.hirerelay.host.mapping;

import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Settings &gt; Integrations &gt; an integration &gt; Mapping rules: admins only. */
@Path("integrations/{connectorId}/mapping")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MappingResource {

    private final MappingService mapping;

    public MappingResource(MappingService mapping) {
        this.mapping = mapping;
    }

    @GET
    public MappingViews.Editor editor(@PathParam("connectorId") String connectorId, @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return mapping.editor(connectorId);
    }

    @PUT
    public MappingViews.Editor save(
            @PathParam("connectorId") String connectorId, MappingViews.Save body, @Context SecurityContext security) {
        User user = Access.requireIntegrationManager(security);
        return mapping.save(connectorId, body, user);
    }

    @POST
    @Path("preview")
    public MappingViews.Preview preview(
            @PathParam("connectorId") String connectorId, MappingViews.Save body, @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return mapping.preview(connectorId, body);
    }
}
