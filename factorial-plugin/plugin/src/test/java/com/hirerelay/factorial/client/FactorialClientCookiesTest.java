package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.hris.RateBudget;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client keeps no cookies: a cookie Factorial (or a proxy in front of it) sets is never sent back, so no
 * request of one connection carries state from another's answer. Against a plain HTTP server that sets a cookie
 * on every answer, because the sandbox sets none.
 */
class FactorialClientCookiesTest {

    private final List<String> cookieHeaders = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private FactorialClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            cookieHeaders.add(cookie == null ? "" : cookie);
            byte[] body = "{\"data\":[],\"meta\":{\"has_next_page\":false}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Set-Cookie", "session=abc123; Path=/");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        FactorialClientConfig config = FactorialClientConfig.defaults(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "2026-04-01");
        client = new FactorialClient(config, ApiKey.of("cookie-test-key"), RateBudget.inProcess(), "cookie-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void aCookieSetByAnAnswerIsNeverSentBack() {
        client.get("employees/employees", FactorialQuery.none());
        client.get("employees/employees", FactorialQuery.none());

        assertThat(cookieHeaders)
                .as("both requests reached the server, neither with a Cookie header")
                .containsExactly("", "");
    }
}
