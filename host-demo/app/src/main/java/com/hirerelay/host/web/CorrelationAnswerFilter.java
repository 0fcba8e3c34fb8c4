package com.hirerelay.host.web;

import com.hirerelay.host.errors.ApiError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.MDC;

/**
 * Gives every API request a correlation id before anything else runs, and on the way out ({@link AnswerFilter})
 * makes every error answer carry it in the API's error shape and logs one line with the detail under the same id.
 * Server errors are logged by the exception mapper with their stack trace.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
public final class CorrelationAnswerFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String id = CorrelationIds.next();
        MDC.put(CorrelationIds.MDC_KEY, id);
        request.setProperty(CorrelationIds.MDC_KEY, id);
    }

    /** The answer is going out ({@link AnswerFilter}): an error gets the error shape and the id, and is logged. */
    static void answered(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            int status = response.getStatus();
            if (status < 400) {
                return;
            }
            String id =
                    request.getProperty(CorrelationIds.MDC_KEY) instanceof String known ? known : CorrelationIds.next();
            ApiError error =
                    response.getEntity() instanceof ApiError answered ? answered : ErrorAnswers.forStatus(status);
            if (error.correlationId() == null) {
                error = error.withCorrelationId(id);
            }
            response.setEntity(error, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
            String detail = ErrorDetails.take();
            if (status < 500) {
                CorrelationIds.log(
                        error.correlationId(),
                        status,
                        error.code(),
                        request.getMethod() + " /api/" + request.getUriInfo().getPath(),
                        detail == null ? error.message() : error.message() + " (" + detail + ")",
                        null);
            }
        } finally {
            MDC.remove(CorrelationIds.MDC_KEY);
            ErrorDetails.take();
        }
    }
}
