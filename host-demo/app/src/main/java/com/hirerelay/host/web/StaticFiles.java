package com.hirerelay.host.web;

import com.hirerelay.host.errors.ApiError;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Serves the web UI from the class path folder {@code web/} with a strict Content-Security-Policy: only
 * our own scripts and styles, no inline code, so a candidate's name can never run as script.
 */
public final class StaticFiles extends CLStaticHttpHandler {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public StaticFiles() {
        super(StaticFiles.class.getClassLoader(), "/web/");
        setFileCacheEnabled(false);
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        Method method = request.getMethod();
        if (!Method.GET.equals(method) && !Method.HEAD.equals(method)) {
            // Grizzly answers these with a bodiless 405; the API's error shape instead
            response.setHeader("Allow", "GET, HEAD");
            ErrorAnswers.send(
                    request,
                    response,
                    405,
                    ApiError.of("method_not_allowed", "The web UI's files are only read: use GET or HEAD."));
            return;
        }
        super.service(request, response);
    }
}
