package com.hirerelay.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirerelay.host.errors.ApiError;
import java.nio.charset.StandardCharsets;

/**
 * The error answers of the HTTP layer below Jersey (Grizzly's codec and its error pages): the same
 * {@link ApiError} shape, with a code and message chosen by status.
 */
final class ErrorAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorAnswers() {}

    /** @return the error for a status the HTTP layer answers by itself */
    static ApiError forStatus(int status) {
        return switch (status) {
            case 404 -> ApiError.of("not_found", "There is nothing at this address.");
            case 405 -> ApiError.of("method_not_allowed", "This method is not allowed here.");
            case 408 -> ApiError.of("timeout", "The request did not arrive in time.");
            case 411 -> ApiError.of("bad_request", "Say how long the request body is (Content-Length).");
            case 413 -> ApiError.of("too_large", "The request is larger than this server accepts.");
            case 414 -> ApiError.of("uri_too_long", "The address is longer than this server accepts.");
            case 431 -> ApiError.of("headers_too_large", "The request's headers are larger than this server accepts.");
            default ->
                status >= 500
                        ? ApiError.of("internal", "Something went wrong on our side. It has been logged.")
                        : ApiError.of(
                                "bad_request",
                                "The request is malformed: check the address, the headers and how the body is framed.");
        };
    }

    /**
     * Answers a request outside Jersey with the error, under a new correlation id, and logs it.
     *
     * @param request the request
     * @param response its response, not committed yet
     */
    static void send(
            org.glassfish.grizzly.http.server.Request request,
            org.glassfish.grizzly.http.server.Response response,
            int status,
            ApiError error)
            throws java.io.IOException {
        String id = CorrelationIds.next();
        CorrelationIds.log(
                id, status, error.code(), request.getMethod() + " " + request.getRequestURI(), error.message(), null);
        byte[] body = json(error.withCorrelationId(id));
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** @return the error as JSON bytes */
    static byte[] json(ApiError error) {
        try {
            return JSON.writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            // An ApiError always serialises; keep a valid body even if it did not.
            return ("{\"code\":\"internal\",\"message\":\"Something went wrong on our side.\",\"fieldErrors\":[],"
                            + "\"retryAfterSeconds\":null,\"correlationId\":\"" + error.correlationId() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
