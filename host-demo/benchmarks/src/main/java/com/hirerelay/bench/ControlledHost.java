package com.hirerelay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirerelay.host.app.HireRelayHost;
import com.hirerelay.host.app.HostOptions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The host as {@code HostMain} starts it, plus, in the same JVM, a bare Jersey-on-Grizzly control endpoint on a
 * port of its own: no session, no filters, the same JSON as the host's {@code GET /api/session}. The difference
 * between the two is the host's own code. Harness only: the product has no such endpoint.
 *
 * <p>Arguments: port, management port, control port, data folder, plugins folder, Factorial base URL.
 */
public final class ControlledHost {

    private ControlledHost() {}

    /** The control endpoint: serves whatever JSON it was given, through Jackson like any resource. */
    @Path("control")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static final class ControlResource {
        private static final ObjectMapper JSON = new ObjectMapper();
        private volatile Map<String, Object> session = Map.of();

        @GET
        @Path("ready")
        public String ready() {
            return "{}";
        }

        @GET
        @Path("session")
        public Map<String, Object> session() {
            return session;
        }

        @PUT
        @Path("session")
        @SuppressWarnings("unchecked")
        public void setSession(JsonNode body) {
            session = JSON.convertValue(body, Map.class);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        HireRelayHost host = HireRelayHost.start(new HostOptions(
                        "127.0.0.1",
                        Integer.parseInt(args[0]),
                        java.nio.file.Path.of(args[3]),
                        java.nio.file.Path.of(args[4]),
                        Map.of("factorial.environment", "custom", "factorial.base_url", args[5]),
                        Map.of())
                .withManagement("127.0.0.1", Integer.parseInt(args[1])));
        HttpServer control = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + args[2] + "/"),
                new ResourceConfig()
                        .register(JacksonFeature.withoutExceptionMappers())
                        .register(new ControlResource()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.shutdownNow();
            host.close();
        }));
        new CountDownLatch(1).await();
    }
}
