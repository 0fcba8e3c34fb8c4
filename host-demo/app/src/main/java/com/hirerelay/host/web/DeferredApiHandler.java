package com.hirerelay.host.web;

import com.hirerelay.host.errors.ApiError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;

/**
 * The handler of {@code /api} while the host starts: the server listens (and serves the web UI's files) before
 * Jersey's application is built, so an API request that arrives meanwhile waits for it on its request thread,
 * and gets {@code 503 busy} in the API's error shape if the start takes longer than {@link #WAIT} or fails.
 * Once the application is in, every request goes straight to it.
 */
final class DeferredApiHandler extends HttpHandler {

    /** How long an API request waits for a start still under way (a start takes a second or two). */
    static final Duration WAIT = Duration.ofSeconds(15);

    private final CompletableFuture<GrizzlyHttpContainer> application = new CompletableFuture<>();
    private final Duration wait;

    /** @param wait how long a request waits for the application before it is answered 503 */
    DeferredApiHandler(Duration wait) {
        this.wait = wait;
    }

    /** Starts Jersey's application (its start-up listeners) and lets the waiting and later requests in. */
    void serve(GrizzlyHttpContainer ready) {
        ready.start();
        if (!application.complete(ready)) {
            ready.destroy(); // the server closed meanwhile
        }
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        GrizzlyHttpContainer ready = application.getNow(null);
        if (ready == null) {
            try {
                ready = application.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException | CancellationException notThere) {
                starting(request, response);
                return;
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                starting(request, response);
                return;
            }
        }
        ready.service(request, response);
    }

    @Override
    public void destroy() {
        // Requests still waiting for a start that failed or was stopped are answered 503.
        if (!application.cancel(false)) {
            application.join().destroy();
        }
        super.destroy();
    }

    private static void starting(Request request, Response response) throws java.io.IOException {
        response.setHeader("Retry-After", "1");
        ErrorAnswers.send(
                request,
                response,
                503,
                new ApiError("busy", "The host is still starting. Try again in a moment.", List.of(), 1L));
    }
}
