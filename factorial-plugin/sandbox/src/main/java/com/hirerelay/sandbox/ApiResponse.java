package com.hirerelay.sandbox;

import java.util.List;
import java.util.Map;

/**
 * What a route answers before it is written to the wire: a status and either a JSON tree (ids still held as
 * digit strings, converted by {@link IdMode} on the way out) or raw bytes.
 */
record ApiResponse(int status, Object json, String raw, Map<String, String> headers) {

    static ApiResponse ok(Object json) {
        return new ApiResponse(200, json, null, Map.of());
    }

    static ApiResponse json(int status, Object json) {
        return new ApiResponse(status, json, null, Map.of());
    }

    static ApiResponse raw(int status, String raw) {
        return new ApiResponse(status, null, raw, Map.of());
    }

    static ApiResponse notFound() {
        return json(404, Map.of("errors", List.of("Not found")));
    }

    /** Validation failure: {@code {"errors":{"errors":[...]}}}. */
    static ApiResponse invalid(List<String> messages) {
        return json(422, Map.of("errors", Map.of("errors", List.copyOf(messages))));
    }

    static ApiResponse invalid(String message) {
        return invalid(List.of(message));
    }

    /** Missing referenced record: {@code {"errors":["Legal entity not found"]}}. */
    static ApiResponse missingReference(String message) {
        return json(422, Map.of("errors", List.of(message)));
    }

    static ApiResponse message(int status, String message) {
        return json(status, Map.of("message", message));
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, json, raw, Map.copyOf(h));
    }

    /** The sandbox's usual body for a status, used by status faults and afterCommit. */
    static ApiResponse canned(int status) {
        return switch (status) {
            case 400 -> message(400, "Bad request");
            case 401 -> message(401, "Unauthorized");
            case 403 -> message(403, "Forbidden");
            case 404 -> notFound();
            case 409 -> message(409, "Conflict");
            case 422 -> invalid("Unprocessable entity");
            case 429 -> message(429, "Too many requests");
            case 500 -> message(500, "Internal server error");
            case 502 -> message(502, "Bad gateway");
            case 503 -> message(503, "Service unavailable");
            case 504 -> message(504, "Gateway timeout");
            default -> status >= 200 && status < 300 ? json(status, Map.of()) : message(status, "Error " + status);
        };
    }
}
