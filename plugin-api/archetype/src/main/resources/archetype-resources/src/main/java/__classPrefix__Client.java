package ${package};

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.ApiVersionUnavailableException;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.RemoteUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ${hrSystemName}'s JSON API over HTTP: one request per call, no retries of its own, every failure as the plugin
 * API's typed exceptions. Time-outs stay well below the host's limits (PluginTimeLimits), so a slow ${hrSystemName}
 * is reported as unavailable rather than abandoned by the host. Thread-safe.
 */
final class ${classPrefix}Client {

    /** The version of ${hrSystemName}'s API this client speaks; an HTTP 410 says it is no longer served. */
    static final String API_VERSION = "v1";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final HttpClient http;

    ${classPrefix}Client(String baseUrl, String token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** What a request got back: a status and the body as JSON (null when the body was not JSON). */
    record Answer(int status, JsonNode body, String retryAfter) {}

    /**
     * A GET whose answer must be a 2xx JSON document.
     *
     * @throws HrisException for any failure, typed
     */
    JsonNode get(String path, Map<String, String> query) {
        Answer answer;
        try {
            answer = send(HttpRequest.newBuilder(uri(path, query)).GET(), path);
        } catch (IOException e) {
            throw new RemoteUnavailableException("${hrSystemName} could not be reached (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteUnavailableException("Interrupted while waiting for ${hrSystemName}", e);
        }
        throwIfFailed(answer, path);
        if (answer.body() == null) {
            throw new RemoteUnavailableException("${hrSystemName} answered " + path + " with something that is not JSON", null);
        }
        return answer.body();
    }

    /**
     * A POST, answered whatever its status: the caller decides what an unclear answer means.
     *
     * @throws IOException if no answer arrived; the request may or may not have taken effect
     */
    Answer post(String path, Object body) throws IOException, InterruptedException {
        String json = JSON.writeValueAsString(body);
        return send(
                HttpRequest.newBuilder(uri(path, Map.of()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                path);
    }

    /** Maps a failed answer to its typed exception; does nothing for a 2xx. */
    void throwIfFailed(Answer answer, String path) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 401) {
            throw new InvalidCredentialsException(
                    "${hrSystemName} did not accept the API token. Create a new token in ${hrSystemName} and reconnect.");
        }
        if (status == 403) {
            throw new AccessDeniedException("The ${hrSystemName} API token may not do this (" + path + ")");
        }
        if (status == 429) {
            Duration wait = retryAfter(answer.retryAfter());
            throw new RateLimitedException(
                    "${hrSystemName} asked to slow down" + (wait == null ? "" : " for " + wait.toSeconds() + " s"), wait);
        }
        if (status == 410) {
            // Every call will fail the same way: the host stops exports and asks an admin, instead of retrying.
            throw new ApiVersionUnavailableException(
                    API_VERSION,
                    "${hrSystemName} no longer serves version " + API_VERSION + " of its API (HTTP 410 on " + path
                            + "). Install a version of this plugin that speaks the current API.");
        }
        if (status >= 500) {
            throw new RemoteUnavailableException("${hrSystemName} failed with HTTP " + status, null);
        }
        throw new RemoteRejectedException(status, "${hrSystemName} refused " + path + " with HTTP " + status);
    }

    private Answer send(HttpRequest.Builder request, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request.timeout(REQUEST_TIMEOUT)
                        .header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (JsonProcessingException notJson) {
            body = null;
        }
        return new Answer(response.statusCode(), body, response.headers().firstValue("Retry-After").orElse(null));
    }

    private URI uri(String path, Map<String, String> query) {
        String parameters = query.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(baseUrl + path + (parameters.isEmpty() ? "" : "?" + parameters));
    }

    /** Where a person opens an employee: ${hrSystemName}'s web pages sit beside its API. */
    URI employeeLink(String employeeId) {
        String site = baseUrl.endsWith("/api") ? baseUrl.substring(0, baseUrl.length() - 4) : baseUrl;
        return URI.create(site + "/people/" + URLEncoder.encode(employeeId, StandardCharsets.UTF_8));
    }

    private static Duration retryAfter(String header) {
        if (header == null || !header.strip().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(header.strip()));
    }

    @Override
    public String toString() {
        return "${classPrefix}Client[" + baseUrl + "]";
    }
}
