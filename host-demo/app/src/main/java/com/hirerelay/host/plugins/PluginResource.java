package com.hirerelay.host.plugins;

import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings &gt; Plugins: admins list, upload, disable, enable and remove plugin jars without a restart.
 */
@jakarta.ws.rs.Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginResource {

    private static final Logger LOG = LoggerFactory.getLogger(PluginResource.class);
    /** The largest plugin jar accepted. */
    public static final long MAX_JAR_BYTES = 50L * 1024 * 1024;

    private final PluginHost plugins;

    public PluginResource(PluginHost plugins) {
        this.plugins = plugins;
    }

    @GET
    public List<InstalledPlugin> list(@Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return plugins.plugins();
    }

    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(
            InputStream body, @HeaderParam("X-File-Name") String fileName, @Context SecurityContext security) {
        User user = Access.requireIntegrationManager(security);
        String decoded =
                fileName == null ? "" : java.net.URLDecoder.decode(fileName, java.nio.charset.StandardCharsets.UTF_8);
        String name = decoded.isBlank()
                ? "upload.jar"
                : Path.of(decoded.replace('\\', '/')).getFileName().toString();
        Path upload = null;
        try {
            upload = Files.createTempFile("plugin-upload-", ".jar");
            try (InputStream in = body) {
                long copied = copyAtMost(in, upload);
                if (copied > MAX_JAR_BYTES) {
                    throw new RequestRefusedException(Reason.BAD_REQUEST, "A plugin jar may be at most 50 MB.");
                }
            }
            InstalledPlugin installed = plugins.install(upload, name);
            LOG.info("User {} installed plugin {} {} from {}", user.id(), installed.id(), installed.version(), name);
            return Response.status(201).entity(installed).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded plugin", e);
        } finally {
            if (upload != null) {
                try {
                    Files.deleteIfExists(upload);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    @POST
    @jakarta.ws.rs.Path("{id}/disable")
    public InstalledPlugin disable(@PathParam("id") String id, @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return known(() -> plugins.disable(id));
    }

    @POST
    @jakarta.ws.rs.Path("{id}/enable")
    public InstalledPlugin enable(@PathParam("id") String id, @Context SecurityContext security) {
        Access.requireIntegrationManager(security);
        return known(() -> plugins.enable(id));
    }

    @DELETE
    @jakarta.ws.rs.Path("{id}")
    public Response uninstall(@PathParam("id") String id, @Context SecurityContext security) {
        User user = Access.requireIntegrationManager(security);
        known(() -> {
            plugins.uninstall(id);
            return null;
        });
        LOG.info("User {} removed plugin {}", user.id(), id);
        return Response.noContent().build();
    }

    private static <T> T known(Supplier<T> action) {
        try {
            return action.get();
        } catch (IllegalArgumentException unknown) {
            throw new RequestRefusedException(Reason.NOT_FOUND, unknown.getMessage());
        }
    }

    private static long copyAtMost(InputStream in, Path target) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var out = Files.newOutputStream(target)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > MAX_JAR_BYTES) {
                    return total;
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }
}
