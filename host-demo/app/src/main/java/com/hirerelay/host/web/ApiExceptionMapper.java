package com.hirerelay.host.web;

import com.hirerelay.api.HrisException;
import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Turns every failure into the API's one error shape ({@link ApiError}) with a stable code. A host failure
 * says its own status and body ({@link HostException}), so this mapper knows no feature; Jersey's and
 * Jackson's own failures are the client's ({@link JerseyFailures}). Unexpected failures are logged with
 * their stack trace under the request's correlation id and answered with a bare "internal" error carrying
 * that id, never the trace.
 */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof HostException host) {
            return answer(host.httpStatus(), host.toApiError());
        } else if (failure instanceof HrisException remote) {
            return remote(remote);
        }
        Optional<Response> jersey = JerseyFailures.answer(failure);
        if (jersey.isPresent()) {
            return jersey.get();
        }
        String id = CorrelationIds.current();
        CorrelationIds.log(id, 500, "internal", "a request", "Unexpected failure while serving a request", failure);
        return answer(
                500,
                ApiError.of("internal", "Something went wrong on our side. It has been logged.")
                        .withCorrelationId(id));
    }

    private static Response remote(HrisException remote) {
        ApiError error = ApiError.of(remote);
        int status = switch (error.code()) {
            case "validation_failed" -> 422;
            case "rate_limited" -> 429;
            case "needs_reconnection", "needs_attention", "possible_match" -> 409;
            default -> 502;
        };
        Response.ResponseBuilder builder =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error);
        if (error.retryAfterSeconds() != null) {
            builder.header("Retry-After", error.retryAfterSeconds());
        }
        return builder.build();
    }

    static Response answer(int status, ApiError error) {
        Response.ResponseBuilder builder =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error);
        if (error.retryAfterSeconds() != null) {
            builder.header("Retry-After", error.retryAfterSeconds());
        }
        return builder.build();
    }
}
