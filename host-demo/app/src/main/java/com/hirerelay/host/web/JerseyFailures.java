package com.hirerelay.host.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.hirerelay.api.FieldError;
import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.limits.BodyTooLargeException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The failures Jersey and Jackson raise by themselves, before or around our resources: no matching
 * resource or method, a media type we do not speak, a header Jersey cannot parse, a body that is not
 * JSON, is JSON of the wrong shape, is nested too deeply, or is too long. Each is the client's: a 4xx in
 * the API's error shape, with what went wrong handed to the log line through {@link CorrelationIds}.
 */
final class JerseyFailures {

    private JerseyFailures() {}

    /** @return the answer for a failure of this kind, or empty when it is not one */
    static Optional<Response> answer(Throwable failure) {
        BodyTooLargeException tooLarge = cause(failure, BodyTooLargeException.class);
        if (tooLarge != null) {
            return Optional.of(answer(413, ApiError.of("too_large", tooLarge.getMessage()), failure));
        }
        JsonProcessingException json = cause(failure, JsonProcessingException.class);
        if (json != null) {
            return Optional.of(json(json));
        }
        if (failure instanceof NotAuthorizedException) {
            return Optional.of(answer(401, ApiError.of("unauthenticated", "Sign in first."), failure));
        } else if (failure instanceof NotFoundException) {
            return Optional.of(answer(404, ApiError.of("not_found", "There is nothing at this address."), failure));
        } else if (failure instanceof NotAllowedException notAllowed) {
            Set<String> allowed = notAllowed.getResponse().getAllowedMethods();
            Response response = answer(
                    405,
                    ApiError.of(
                            "method_not_allowed",
                            "This method is not allowed here"
                                    + (allowed.isEmpty() ? "." : "; use " + String.join(", ", allowed) + ".")),
                    failure);
            return Optional.of(
                    allowed.isEmpty()
                            ? response
                            : Response.fromResponse(response).allow(allowed).build());
        } else if (failure instanceof NotAcceptableException) {
            return Optional.of(answer(
                    406,
                    ApiError.of("not_acceptable", "This API answers in JSON only; accept application/json."),
                    failure));
        } else if (failure instanceof NotSupportedException) {
            return Optional.of(answer(
                    415,
                    ApiError.of(
                            "unsupported_media_type",
                            "Send this call's body as JSON (Content-Type: application/json); a plugin upload as"
                                    + " application/java-archive."),
                    failure));
        } else if (failure instanceof WebApplicationException web
                && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            ApiError error = ErrorAnswers.forStatus(status);
            return Optional.of(answer(status, error, failure));
        } else if (failure instanceof ProcessingException || failure instanceof IllegalArgumentException) {
            // Jersey's header parsers throw these for an Accept, Content-Type or Cookie it cannot read.
            if (fromJersey(failure)) {
                return Optional.of(answer(
                        400,
                        ApiError.of(
                                "bad_request",
                                "A header of the request could not be read (Accept, Content-Type, Cookie...)."),
                        failure));
            }
        }
        return Optional.empty();
    }

    private static Response json(JsonProcessingException json) {
        if (json instanceof StreamConstraintsException) {
            return answer(
                    400,
                    ApiError.of("bad_request", "The request body is nested too deeply or holds a value too long."),
                    json);
        }
        if (json instanceof JsonParseException parse) {
            var location = parse.getLocation();
            return answer(
                    400,
                    ApiError.of(
                            "bad_request",
                            "The request body is not valid JSON"
                                    + (location == null
                                            ? "."
                                            : " (line " + location.getLineNr() + ", column " + location.getColumnNr()
                                                    + ").")),
                    json);
        }
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            return answer(
                    400,
                    new ApiError(
                            "bad_request",
                            "The request body does not have the shape this call expects.",
                            List.of(new FieldError(field, "This value has the wrong type or shape.")),
                            null),
                    json);
        }
        return answer(400, ApiError.of("bad_request", "The request body is not the JSON this call expects."), json);
    }

    /** @return a JSON path as people read it: {@code values.first_name}, {@code candidateIds[1]} */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(CorrelationIds.printable(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String text = path.toString();
        return text.isBlank() ? "body" : text.length() > 100 ? text.substring(0, 100) : text;
    }

    private static boolean fromJersey(Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("org.glassfish.jersey.");
    }

    private static Response answer(int status, ApiError error, Throwable detail) {
        ErrorDetails.set(detail.toString());
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error)
                .build();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
