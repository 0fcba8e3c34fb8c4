package com.hirerelay.host.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A browser-like client of the host's API over real HTTP: keeps the session cookie and sends the CSRF
 * token on state-changing requests, like the web UI does.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;
    private String csrfToken;

    /** @return a client of the host at that address, not signed in */
    public static ApiClient to(URI base) {
        return new ApiClient(base);
    }

    ApiClient(URI base) {
        this(base, new CookieManager());
    }

    private ApiClient(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, String body, Map<String, List<String>> headers) {
        /** @return the body as JSON */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** Signs in and keeps the session. */
    public void signIn(String email, String password) {
        Answer answer = send("POST", "/api/session", Map.of("email", email, "password", password), false);
        if (answer.status() != 200) {
            throw new IllegalStateException("Sign-in failed: " + answer);
        }
        csrfToken = answer.json().get("csrfToken").asText();
    }

    /**
     * @return a client of another host instance with this client's session cookie and CSRF token, as a browser
     *     behind a load balancer sends them to whichever instance serves the next request
     */
    public ApiClient sameSessionAt(URI otherBase) {
        ApiClient other = new ApiClient(otherBase, cookies);
        other.csrfToken = csrfToken;
        return other;
    }

    /** @return the CSRF token of the signed-in session, or null */
    public String csrfToken() {
        return csrfToken;
    }

    /** @return the {@code Cookie} header value the browser would send, or an empty string when not signed in */
    public String cookieHeader() {
        return String.join(
                "; ",
                cookies().stream()
                        .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                        .toList());
    }

    /** @return the session cookie, as the browser holds it */
    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public Answer get(String path) {
        return send("GET", path, null, true);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body, true);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body, true);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, true);
    }

    /**
     * Uploads a file as the web UI does: the bytes as the body, the URL-encoded name in {@code X-File-Name}.
     *
     * @param path the upload's path, query included
     */
    public Answer upload(String path, String fileName, byte[] bytes) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/octet-stream")
                    .header(
                            "X-File-Name",
                            java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (csrfToken != null) {
                request.header("X-CSRF-Token", csrfToken);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request; {@code withCsrf} false leaves the CSRF header out. */
    public Answer send(String method, String path, Object body, boolean withCsrf) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
            if (withCsrf && csrfToken != null) {
                request.header("X-CSRF-Token", csrfToken);
            }
            if (body instanceof byte[] bytes) {
                request.header("Content-Type", "application/java-archive")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            } else if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
