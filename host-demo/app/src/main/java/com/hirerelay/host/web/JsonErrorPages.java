package com.hirerelay.host.web;

import com.hirerelay.host.errors.ApiError;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Replaces Grizzly's HTML error pages (which show the exception's stack trace and Grizzly's version) with
 * the API's JSON error shape, for every error Grizzly answers by itself: a missing static file, a
 * failure inside a handler. A failure caused by the request's own target (an address Jersey cannot turn
 * into a URI) is the client's: 400, not 500.
 */
final class JsonErrorPages implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        int answered = status >= 500 && causedByTheTarget(exception) ? 400 : status;
        ApiError error = answered == 400 && exception != null
                ? ApiError.of("bad_request", "The address could not be read; check its encoding.")
                : ErrorAnswers.forStatus(answered);
        String id = CorrelationIds.next();
        CorrelationIds.log(
                id,
                answered,
                error.code(),
                request.getMethod() + " " + request.getRequestURI(),
                exception == null ? description : exception.toString(),
                answered >= 500 ? exception : null);
        Response response = request.getResponse();
        response.setStatus(answered);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        return new String(ErrorAnswers.json(error.withCorrelationId(id)), StandardCharsets.UTF_8);
    }

    private static boolean causedByTheTarget(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof URISyntaxException
                    || cause instanceof java.io.CharConversionException
                    || (cause instanceof IllegalArgumentException
                            && String.valueOf(cause.getMessage()).contains("URI"))) {
                return true;
            }
        }
        return false;
    }
}
