package com.hirerelay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A browser-like client of the host's JSON API: session cookie, CSRF header, HTTP/1.1 keep-alive. */
final class HostClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {

        /** @return the Server-Timing header's entries, name to milliseconds; empty when there is none */
        java.util.Map<String, Double> serverTiming() {
            return ServerTiming.parse(headers.firstValue("Server-Timing").orElse(""));
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;

    HostClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static HostClient signedIn(URI base, String email, String password) {
        HostClient client = new HostClient(base);
        Answer answer = client.send("POST", "/api/session", java.util.Map.of("email", email, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("Sign-in as " + email + " failed: " + answer);
        }
        client.csrf = answer.json().get("csrfToken").asText();
        return client;
    }

    /** @return the value of a cookie the host set, or null */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
            if (csrf != null) {
                request.header("X-CSRF-Token", csrf);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
