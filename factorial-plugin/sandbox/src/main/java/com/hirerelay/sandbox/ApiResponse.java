package com.hirerelay.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a route answers before it is written to the wire: a status and either a JSON tree (ids still held as
 * digit strings, converted by {@link IdMode} on the way out) or raw bytes. Error answers also carry their
 * {@link Problem}s, which versions from {@code 2027-01-01} on render as the typed error list
 * {@code {"errors":[{"code","message","field"}]}} instead of the older shapes.
 */
record ApiResponse(int status, Object json, String raw, Map<String, String> headers, List<Problem> problems) {

    /** One entry of the 2027-01-01 typed error list; {@code field} is null for the whole request. */
    record Problem(String code, String message, String field) {}

    ApiResponse {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    static ApiResponse ok(Object json) {
        return json(200, json);
    }

    static ApiResponse created(Object json) {
        return json(201, json);
    }

    static ApiResponse json(int status, Object json) {
        return new ApiResponse(status, json, null, Map.of(), List.of());
    }

    static ApiResponse raw(int status, String raw) {
        return new ApiResponse(status, null, raw, Map.of(), List.of());
    }

    static ApiResponse notFound() {
        return new ApiResponse(
                404,
                Map.of("errors", List.of("Not found")),
                null,
                Map.of(),
                List.of(new Problem("missing_resource", "Not found", null)));
    }

    /** Validation failure: {@code {"errors":{"errors":[...]}}}; each problem names its field where known. */
    static ApiResponse invalid(List<Problem> problems) {
        List<String> messages = problems.stream().map(Problem::message).toList();
        return new ApiResponse(422, Map.of("errors", Map.of("errors", messages)), null, Map.of(), problems);
    }

    static ApiResponse invalid(String message) {
        return invalid(List.of(new Problem("validation_failed", message, null)));
    }

    static ApiResponse invalid(String field, String message) {
        return invalid(List.of(new Problem("validation_failed", message, field)));
    }

    /** Missing referenced record: {@code {"errors":["Legal entity not found"]}}. */
    static ApiResponse missingReference(String field, String message) {
        return new ApiResponse(
                422,
                Map.of("errors", List.of(message)),
                null,
                Map.of(),
                List.of(new Problem("validation_failed", message, field)));
    }

    static ApiResponse message(int status, String message) {
        return json(status, Map.of("message", message));
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, json, raw, Map.copyOf(h), problems);
    }

    /**
     * The body as a given API version writes it: from 2027-01-01 an error (other than 429, which that version
     * does not declare) is the typed list; before, the body as built.
     */
    Object bodyFor(String version) {
        if (status < 400 || status == 429 || json == null || !SandboxVersions.hasTypedErrors(version)) {
            return json;
        }
        List<Problem> typed = problems.isEmpty() ? List.of(new Problem(codeFor(status), messageOf(), null)) : problems;
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Problem problem : typed) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", problem.code());
            entry.put("message", problem.message());
            entry.put("field", problem.field());
            errors.add(entry);
        }
        return Map.of("errors", errors);
    }

    private String messageOf() {
        if (json instanceof Map<?, ?> map && map.get("message") instanceof String text) {
            return text;
        }
        return "Error " + status;
    }

    /** The 2027-01-01 {@code code} for a status without problems of its own. */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "malformed_request";
            case 401 -> "unauthorized";
            case 402 -> "payment_required";
            case 403 -> "forbidden";
            case 404 -> "missing_resource";
            case 409, 410, 428 -> "invalid_state";
            case 422 -> "validation_failed";
            case 502, 503, 504 -> "service_unreachable";
            default -> "unknown_error";
        };
    }

    /** The sandbox's usual body for a status, used by status faults and afterCommit. */
    static ApiResponse canned(int status) {
        return switch (status) {
            case 400 -> message(400, "Bad request");
            case 401 -> message(401, "Unauthorized");
            case 403 -> message(403, "Forbidden");
            case 404 -> notFound();
            case 409 -> message(409, "Conflict");
            case 410 -> message(410, "Gone");
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
