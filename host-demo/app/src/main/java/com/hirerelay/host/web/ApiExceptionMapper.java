package com.hirerelay.host.web;

import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.host.RequestRefusedException;
import com.hirerelay.host.plugins.PluginFailureException;
import com.hirerelay.host.plugins.PluginRejectedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the API's one error shape ({@link ApiError}) with a stable code. Unexpected
 * failures are logged with their stack trace and answered with a bare "internal" error, never the trace.
 */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof RequestRefusedException refused) {
            return refused(refused);
        } else if (failure instanceof com.hirerelay.host.auth.AccessDeniedException denied) {
            return answer(403, ApiError.of("forbidden", denied.getMessage()));
        } else if (failure instanceof PluginRejectedException rejected) {
            return answer(
                    422,
                    new ApiError(
                            "plugin_rejected",
                            rejected.getMessage(),
                            rejected.problems().stream()
                                    .map(problem -> new com.hirerelay.api.FieldError("jar", problem))
                                    .toList(),
                            null));
        } else if (failure instanceof PluginFailureException plugin) {
            return answer(502, ApiError.of("plugin_failed", plugin.getMessage()));
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

    /** @return the error answer for a connector's failure, shared with bulk results */
    public static ApiError errorOf(HrisException remote) {
        if (remote instanceof ValidationFailedException invalid) {
            return new ApiError("validation_failed", invalid.getMessage(), invalid.fieldErrors(), null);
        } else if (remote instanceof RateLimitedException limited) {
            return new ApiError(
                    "rate_limited",
                    limited.getMessage(),
                    List.of(),
                    limited.retryAfter()
                            .map(d -> Math.max(1, (d.toMillis() + 999) / 1000))
                            .orElse(null));
        } else if (remote instanceof InvalidCredentialsException
                || remote instanceof AccessDeniedException
                || remote instanceof com.hirerelay.api.ApiVersionUnavailableException) {
            return ApiError.of("needs_reconnection", remote.getMessage());
        } else if (remote instanceof com.hirerelay.api.PossibleMatchException) {
            return ApiError.of("possible_match", remote.getMessage());
        } else if (remote instanceof ExportOutcomeUnknownException) {
            return ApiError.of("export_outcome_unknown", remote.getMessage());
        } else if (remote instanceof RemoteUnavailableException) {
            return ApiError.of("remote_unavailable", remote.getMessage());
        } else if (remote instanceof RemoteRejectedException) {
            return ApiError.of("remote_rejected", remote.getMessage());
        }
        return ApiError.of("remote_failed", remote.getMessage());
    }

    private static Response remote(HrisException remote) {
        ApiError error = errorOf(remote);
        int status = switch (error.code()) {
            case "validation_failed" -> 422;
            case "rate_limited" -> 429;
            case "needs_reconnection", "possible_match" -> 409;
            default -> 502;
        };
        Response.ResponseBuilder builder =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error);
        if (error.retryAfterSeconds() != null) {
            builder.header("Retry-After", error.retryAfterSeconds());
        }
        return builder.build();
    }

    private static Response refused(RequestRefusedException refused) {
        int status = switch (refused.reason()) {
            case NOT_FOUND -> 404;
            case BAD_REQUEST -> 400;
            case VALIDATION_FAILED -> 422;
            case NOT_EXPORTABLE, EXPORT_IN_PROGRESS, NEEDS_RECONNECTION, ALREADY_CONNECTED -> 409;
        };
        return answer(
                status,
                new ApiError(
                        refused.reason().name().toLowerCase(java.util.Locale.ROOT),
                        refused.getMessage(),
                        refused.fieldErrors(),
                        null));
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

    static Response answer(int status, ApiError error) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error)
                .build();
    }
}
