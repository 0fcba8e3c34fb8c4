package com.hirerelay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A plain java.net.http client for talking to a sandbox in tests. */
final class SandboxClient {

    static final String V_INT = "2026-04-01";
    static final String V_STRING = "2026-07-01";
    static final ObjectMapper JSON = new ObjectMapper();

    private final FactorialSandbox sandbox;
    private final HttpClient http;
    private final String key;
    private final String version;

    SandboxClient(FactorialSandbox sandbox) {
        this(sandbox, sandbox.apiKey(), V_INT);
    }

    private SandboxClient(FactorialSandbox sandbox, String key, String version) {
        this.sandbox = sandbox;
        this.key = key;
        this.version = version;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    SandboxClient withKey(String otherKey) {
        return new SandboxClient(sandbox, otherKey, version);
    }

    SandboxClient withVersion(String otherVersion) {
        return new SandboxClient(sandbox, key, otherVersion);
    }

    String url(String resourceAndQuery) {
        return sandbox.baseUrl() + "/api/" + version + "/resources/" + resourceAndQuery;
    }

    HttpResponse<String> get(String resourceAndQuery) throws IOException, InterruptedException {
        return send(request(resourceAndQuery).GET().build());
    }

    HttpResponse<String> get(String resourceAndQuery, Duration timeout) throws IOException, InterruptedException {
        return send(request(resourceAndQuery).timeout(timeout).GET().build());
    }

    HttpResponse<String> post(String resource, String body) throws IOException, InterruptedException {
        return send(request(resource)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> post(String resource, Object body) throws IOException, InterruptedException {
        return post(resource, JSON.writeValueAsString(body));
    }

    HttpResponse<String> put(String resource, Object body) throws IOException, InterruptedException {
        return send(request(resource)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    /**
     * A multipart/form-data POST: each text part in order (a name may repeat), then the file part.
     *
     * @param fields the text parts as name, value pairs
     */
    HttpResponse<String> postMultipart(String resource, List<String[]> fields, String fileName, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "sandbox-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String[] field : fields) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                            + field[1] + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(resource)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** A GET outside the API, such as the employee page. */
    HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    }

    private HttpRequest.Builder request(String resourceAndQuery) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url(resourceAndQuery))).timeout(Duration.ofSeconds(10));
        if (key != null) {
            b.header("x-api-key", key);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
