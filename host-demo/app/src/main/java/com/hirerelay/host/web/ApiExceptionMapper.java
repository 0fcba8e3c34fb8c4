package com.hirerelay.host.web;

import com.hirerelay.api.HrisException;
import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the API's one error shape ({@link ApiError}) with a stable code. A host failure
 * says its own status and body ({@link HostException}), so this mapper knows no feature. Unexpected
 * failures are logged with their stack trace and answered with a bare "internal" error, never the trace.
 */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof HostException host) {
            return answer(host.httpStatus(), host.toApiError());
        } else if (failure instanceof HrisException remote) {
            return remote(remote);
        } else if (failure instanceof NotAuthorizedException) {
            return answer(401, ApiError.of("unauthenticated", "Sign in first."));
        } else if (failure instanceof NotFoundException) {
            return answer(404, ApiError.of("not_found", "There is nothing at this address."));
        } else if (failure instanceof NotAllowedException) {
            return answer(405, ApiError.of("bad_request", "This method is not allowed here."));
        } else if (failure instanceof WebApplicationException web) {
            return web(web);
        } else if (unreadableBody(failure)) {
            return answer(400, ApiError.of("bad_request", "The request body is not the JSON this call expects."));
        }
        LOG.error("Unexpected failure while serving a request", failure);
        return answer(500, ApiError.of("internal", "Something went wrong on our side. It has been logged."));
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

    private static Response web(WebApplicationException web) {
        int status = web.getResponse().getStatus();
        String code = status >= 500 ? "internal" : "bad_request";
        String message = status >= 500
                ? "Something went wrong on our side."
                : "The request could not be read: " + (web.getMessage() == null ? "HTTP " + status : web.getMessage());
        if (status >= 500) {
            LOG.error("Server error while serving a request", web);
        }
        return answer(status, ApiError.of(code, message));
    }

    private static boolean unreadableBody(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return true;
            }
        }
        return false;
    }

    private static Response answer(int status, ApiError error) {
        Response.ResponseBuilder builder =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error);
        if (error.retryAfterSeconds() != null) {
            builder.header("Retry-After", error.retryAfterSeconds());
        }
        return builder.build();
    }
}
