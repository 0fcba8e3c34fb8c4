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
