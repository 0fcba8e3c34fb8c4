package com.hirerelay.host.plugins;

import com.hirerelay.host.auth.Access;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.limits.FieldChecks;
import com.hirerelay.host.limits.PercentDecoding;
import com.hirerelay.host.limits.RequestLimits;
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
    public static final long MAX_JAR_BYTES = RequestLimits.MAX_PLUGIN_JAR_BYTES;

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
        String name = fileName(fileName);
        Path upload = null;
        try {
            upload = Files.createTempFile("plugin-upload-", ".jar");
            try (InputStream in = body) {
                long copied = copyAtMost(in, upload);
                if (copied > MAX_JAR_BYTES) {
                    throw new RequestRefusedException(
                            Reason.TOO_LARGE,
                            "A plugin jar may be at most " + RequestLimits.describe(MAX_JAR_BYTES) + ".");
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

    /**
     * The uploaded file's name, for messages only (the jar is stored under its plugin id): the header is
     * optional, but when sent it must be a plain file name, percent-encoded UTF-8, without folders or
     * control characters.
     */
    static String fileName(String header) {
        if (header == null || header.isBlank()) {
            return "upload.jar";
        }
        String problem;
        String decoded = null;
        if (header.length() > RequestLimits.MAX_FILE_NAME_CHARS * 9) {
            problem = "The file name is too long.";
        } else {
            try {
                decoded = PercentDecoding.strict(header);
                problem = FieldChecks.problem(decoded, RequestLimits.MAX_FILE_NAME_CHARS, false);
            } catch (IllegalArgumentException badEscape) {
                problem = "The file name is not percent-encoded properly.";
            }
        }
        if (problem == null && (decoded.contains("/") || decoded.contains("\\") || decoded.contains(":"))) {
            problem = "Send the file's name only, without a folder.";
        }
        if (problem == null && (decoded.isBlank() || decoded.startsWith("."))) {
            problem = "The file name must not be empty or start with a dot.";
        }
        if (problem != null) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "The X-File-Name header is not a usable file name.",
                    List.of(new com.hirerelay.api.FieldError("X-File-Name", problem)));
        }
        return decoded.strip();
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
