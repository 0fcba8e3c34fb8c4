package com.hirerelay.host.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainerProvider;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The host's HTTP server: Jersey's API under {@code /api}, the static web UI under {@code /}, and one
 * error contract for every answer (see API.md, "Errors"), from the HTTP codec up: Grizzly's own error
 * pages and bodiless 400s are replaced by the API's JSON shape ({@link JsonErrorsHttpServerFilter},
 * {@link JsonErrorPages}), request targets are checked before anything decodes them, and no answer
 * names the server or its version.
 */
public final class HostHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final DeferredApiHandler apiHandler;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService timerThread;
    private final ScheduledExecutorService closer;
    private final DelayedExecutor keepAliveTimer;

    private HostHttpServer(
            HttpServer server,
            DeferredApiHandler apiHandler,
            ExecutorService timerThread,
            ScheduledExecutorService closer,
            DelayedExecutor keepAliveTimer) {
        this.server = server;
        this.apiHandler = apiHandler;
        this.timerThread = timerThread;
        this.closer = closer;
        this.keepAliveTimer = keepAliveTimer;
    }

    /**
     * Builds the server, not yet started. It serves the web UI's files as soon as it is started; API requests wait
     * for {@link #serveApi} (see {@link DeferredApiHandler}).
     *
     * @param apiUri where the API is served, such as {@code http://127.0.0.1:8080/api/}
     * @param staticFiles the handler of everything outside {@code /api}
     * @param requestThreads request threads at most; eight are kept, the others stop after a minute idle
     * @param probes told about every request Grizzly reads (a request's arrival, for its Server-Timing)
     */
    public static HostHttpServer create(
            URI apiUri, HttpHandler staticFiles, int requestThreads, HttpServerProbe... probes) {
        return create(apiUri, staticFiles, requestThreads, DeferredApiHandler.WAIT, probes);
    }

    /** As {@link #create(URI, HttpHandler, int, HttpServerProbe...)}, API requests waiting at most {@code apiWait}. */
    static HostHttpServer create(
            URI apiUri, HttpHandler staticFiles, int requestThreads, Duration apiWait, HttpServerProbe... probes) {
        // What Jersey's GrizzlyHttpServerFactory sets up, with the API's handler in place before its application.
        HttpServer server = new HttpServer();
        server.addListener(new NetworkListener("grizzly", apiUri.getHost(), apiUri.getPort()));
        DeferredApiHandler apiHandler = new DeferredApiHandler(apiWait);
        String apiPath = apiUri.getPath().replaceAll("/+$", "");
        server.getServerConfiguration()
                .addHttpHandler(
                        apiHandler,
                        HttpHandlerRegistration.bulder().contextPath(apiPath).build());
        server.getServerConfiguration().setPassTraceRequest(true);
        server.getServerConfiguration().setDefaultQueryEncoding(StandardCharsets.UTF_8);
        server.getListeners()
                .forEach(listener -> listener.getTransport()
                        .setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                                .setPoolName("hirerelay-request")
                                .setCorePoolSize(Math.min(8, requestThreads))
                                .setMaxPoolSize(requestThreads)
                                .setKeepAliveTime(1, java.util.concurrent.TimeUnit.MINUTES)));
        // Grizzly's read time-out bounds only blocking reads, and the only blocking read is a request thread
        // waiting for a body: a body that pauses this long ends in a 408 (RequestBodyLimitFilter), not a
        // thread held for the default 30 seconds. Idle keep-alive connections have their own time-out.
        server.getListeners()
                .forEach(listener -> listener.getTransport()
                        .setReadTimeout(
                                com.hirerelay.host.limits.RequestLimits.BODY_READ_TIMEOUT_SECONDS,
                                java.util.concurrent.TimeUnit.SECONDS));
        ServerConfiguration configuration = server.getServerConfiguration();
        configuration.getMonitoringConfig().getWebServerConfig().addProbes(new ClientAddressProbe());
        if (probes.length > 0) {
            configuration.getMonitoringConfig().getWebServerConfig().addProbes(probes);
        }
        configuration.addHttpHandler(staticFiles, "/");
        configuration.setDefaultErrorPageGenerator(new JsonErrorPages());
        configuration.setHttpServerName(null);
        configuration.setHttpServerVersion(null);
        // Two threads: the keep-alive timer occupies its own for good, the closer runs short tasks.
        ExecutorService timerThread = Executors.newSingleThreadExecutor(daemon("http-keep-alive-timer"));
        ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(daemon("http-error-closer"));
        DelayedExecutor keepAliveTimer = new DelayedExecutor(timerThread);
        for (NetworkListener listener : server.getListeners()) {
            listener.registerAddOn(new JsonErrorsAddOn(keepAliveTimer, closer));
        }
        return new HostHttpServer(server, apiHandler, timerThread, closer, keepAliveTimer);
    }

    /** Starts listening: the web UI's files are served from now on, API requests wait for {@link #serveApi}. */
    public void start() throws IOException {
        keepAliveTimer.start();
        server.start();
    }

    /**
     * Builds Jersey's application (its resource model and injection: the larger part of setting up the server)
     * and serves the API with it from now on, also to the requests waiting for it.
     *
     * @param api the Jersey application
     */
    public void serveApi(ResourceConfig api) {
        apiHandler.serve(new GrizzlyHttpContainerProvider().createContainer(GrizzlyHttpContainer.class, api));
    }

    /** @return the port it listens on */
    public int port() {
        return server.getListeners().iterator().next().getPort();
    }

    /** Stops at once, dropping open connections; API requests waiting for the application get a 503. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.shutdownNow();
        keepAliveTimer.destroy();
        timerThread.shutdownNow();
        closer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
