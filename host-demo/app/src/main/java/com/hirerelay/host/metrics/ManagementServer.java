package com.hirerelay.host.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port: what operators and their tools read, apart from the users' port so that it can stay on
 * an internal address (loopback by default) without a sign-in.
 *
 * <ul>
 *   <li>{@code GET /metrics}: {@link HostMetrics} in Prometheus's text format;</li>
 *   <li>{@code GET /health/live}: 200 while the process serves at all (liveness);</li>
 *   <li>{@code GET /health/ready} and {@code GET /health}: 200 when every {@link HealthCheck} is up, otherwise 503,
 *       with each check's state (readiness).</li>
 * </ul>
 * Anything else is a 404 (405 for another method) in the API's error shape. Nothing here changes state.
 */
public final class ManagementServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final URI uri;

    private ManagementServer(HttpServer server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    /**
     * Starts serving.
     *
     * @param bindAddress the address to listen on
     * @param port the port; 0 picks a free one
     * @param metrics what {@code /metrics} shows
     * @param checks the readiness checks by name, in the order shown
     * @throws UncheckedIOException when the port cannot be opened
     */
    public static ManagementServer start(
            String bindAddress, int port, HostMetrics metrics, Map<String, HealthCheck> checks) {
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("management", bindAddress, port);
        // Scrapes and probes are few and quick: two threads, apart from the users' requests.
        listener.getTransport()
                .setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                        .setPoolName("management")
                        .setCorePoolSize(2)
                        .setMaxPoolSize(2));
        server.addListener(listener);
        server.getServerConfiguration().addHttpHandler(new Handler(metrics, new LinkedHashMap<>(checks)), "/");
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot open the management port " + bindAddress + ":" + port
                            + " (is another program using it? choose another with --management-port)",
                    e);
        }
        int bound = listener.getPort();
        LOG.info("Management port http://{}:{}/ serves /metrics and /health", bindAddress, bound);
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return new ManagementServer(server, URI.create("http://" + host + ":" + bound + "/"));
    }

    /** @return where it serves, such as {@code http://127.0.0.1:9464/} */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private static final class Handler extends HttpHandler {
        private final HostMetrics metrics;
        private final Map<String, HealthCheck> checks;

        Handler(HostMetrics metrics, Map<String, HealthCheck> checks) {
            this.metrics = metrics;
            this.checks = checks;
        }

        @Override
        public void service(Request request, Response response) throws IOException {
            String path = request.getRequestURI();
            boolean known = path.equals("/metrics")
                    || path.equals("/health")
                    || path.equals("/health/live")
                    || path.equals("/health/ready");
            if (!known) {
                error(
                        response,
                        404,
                        "not_found",
                        "The management port serves /metrics, /health/live and /health/ready.");
                return;
            }
            if (request.getMethod() != Method.GET && request.getMethod() != Method.HEAD) {
                response.setHeader("Allow", "GET, HEAD");
                error(response, 405, "method_not_allowed", "Only GET reads " + path + ".");
                return;
            }
            response.setHeader("Cache-Control", "no-store");
            switch (path) {
                case "/metrics" -> write(response, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                case "/health/live" ->
                    json(response, 200, JSON.createObjectNode().put("status", "UP"));
                default -> readiness(response);
            }
        }

        private void readiness(Response response) throws IOException {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode results = JSON.createObjectNode();
            boolean up = true;
            for (Map.Entry<String, HealthCheck> check : checks.entrySet()) {
                HealthCheck.Health health;
                try {
                    health = check.getValue().check();
                } catch (RuntimeException failed) {
                    LOG.warn("Health check '{}' failed: {}", check.getKey(), failed.toString());
                    health = HealthCheck.Health.down("the check itself failed");
                }
                up &= health.up();
                results.putObject(check.getKey())
                        .put("status", health.up() ? "UP" : "DOWN")
                        .put("detail", health.detail());
            }
            body.put("status", up ? "UP" : "DOWN");
            body.set("checks", results);
            json(response, up ? 200 : 503, body);
        }

        private static void error(Response response, int status, String code, String message) throws IOException {
            ObjectNode body = JSON.createObjectNode().put("code", code).put("message", message);
            body.putArray("fieldErrors");
            body.putNull("retryAfterSeconds");
            json(response, status, body);
        }

        private static void json(Response response, int status, ObjectNode body) throws IOException {
            write(response, status, "application/json", JSON.writeValueAsString(body));
        }

        private static void write(Response response, int status, String contentType, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.setHeader("Content-Type", contentType);
            response.setContentLength(bytes.length);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.getOutputStream().write(bytes);
        }
    }
}
