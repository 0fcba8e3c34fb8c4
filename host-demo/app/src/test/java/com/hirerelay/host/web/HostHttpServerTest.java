package com.hirerelay.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.testing.RawHttp;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * The server listens before Jersey's application is built: the web UI's files are served at once, and API requests
 * wait for the application, or are answered 503 in the API's error shape when it does not come in time.
 */
class HostHttpServerTest {

    private static final URI ANY_PORT = URI.create("http://127.0.0.1:0/api/");

    @Test
    void theFirstPageIsServedWhileApiRequestsWaitForTheApplication() throws Exception {
        try (HostHttpServer server = started(HostHttpServer.create(ANY_PORT, new StaticFiles(), 8));
                RawHttp page = new RawHttp(base(server));
                RawHttp api = new RawHttp(base(server))) {

            RawHttp.Answer first = page.send(RawHttp.request("GET", "/", Map.of(), null));
            assertThat(first.status())
                    .as("the first page before the API exists: " + first)
                    .isEqualTo(200);
            assertThat(first.header("content-type")).as("the web UI's page").startsWith("text/html");

            api.sendOnly(RawHttp.request("GET", "/api/ping", Map.of(), null));
            CompletableFuture<RawHttp.Answer> answer = CompletableFuture.supplyAsync(api::receive);
            Thread.sleep(300);
            assertThat(answer)
                    .as("an API request before the application is in waits for it")
                    .isNotDone();

            server.serveApi(new ResourceConfig().register(Ping.class));

            RawHttp.Answer pong = answer.get(10, TimeUnit.SECONDS);
            assertThat(pong.status())
                    .as("the waiting request, once the API is served: " + pong)
                    .isEqualTo(200);
            assertThat(pong.text()).as("answered by the application").isEqualTo("pong");
        }
    }

    @Test
    void anApiRequestIsAnsweredBusyWhenTheApplicationDoesNotComeInTime() throws Exception {
        try (HostHttpServer server =
                        started(HostHttpServer.create(ANY_PORT, new StaticFiles(), 8, Duration.ofMillis(200)));
                RawHttp api = new RawHttp(base(server))) {
            RawHttp.Answer answer = api.send(RawHttp.request("GET", "/api/ping", Map.of(), null));

            assertThat(answer.status()).as("still starting: " + answer).isEqualTo(503);
            assertThat(answer.header("content-type"))
                    .as("the API's error shape")
                    .startsWith("application/json");
            assertThat(answer.text()).as("the error's code").contains("\"code\":\"busy\"");
            assertThat(answer.header("retry-after")).as("when to try again").isEqualTo("1");
        }
    }

    private static HostHttpServer started(HostHttpServer server) throws java.io.IOException {
        server.start();
        return server;
    }

    private static URI base(HostHttpServer server) {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    /** A resource for the application that arrives late. */
    @Path("ping")
    public static final class Ping {
        /** @return pong */
        @GET
        public String ping() {
            return "pong";
        }
    }
}
