package com.hirerelay.host.web;

import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.limits.BodyTooLargeException;
import com.hirerelay.host.limits.RequestLimits;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;
import java.io.InputStream;

/**
 * Runs first, before authentication and before anything reads the body: a body whose
 * {@code Content-Length} exceeds its call's limit is refused with 413 unread, and every body is read
 * through a stream that stops at its {@code Content-Length} and fails with 413 past the limit (a chunked
 * body announces no length). Plugin uploads may be up to {@link RequestLimits#MAX_PLUGIN_JAR_BYTES},
 * connect forms {@link RequestLimits#MAX_CONNECT_BODY_BYTES}, a candidate's document upload
 * {@link RequestLimits#MAX_DOCUMENT_UPLOAD_BYTES}, every other call
 * {@link RequestLimits#MAX_JSON_BODY_BYTES}.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class RequestBodyLimitFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limitFor(request.getMethod(), request.getUriInfo().getPath());
        String header = request.getHeaderString("Content-Length");
        long declared = -1;
        if (header != null) {
            try {
                declared = Long.parseLong(header.strip());
            } catch (NumberFormatException e) {
                declared = -2;
            }
            if (declared < 0) {
                request.abortWith(ApiExceptionMapper.answer(
                        400, ApiError.of("bad_request", "The Content-Length header is not a number of bytes.")));
                return;
            }
            if (declared > limit) {
                request.abortWith(ApiExceptionMapper.answer(
                        413,
                        ApiError.of(
                                "too_large",
                                "The request body is larger than this call accepts (at most "
                                        + RequestLimits.describe(limit) + ").")));
                return;
            }
        }
        if (request.hasEntity()) {
            request.setEntityStream(new LimitedBody(request.getEntityStream(), limit, declared));
        }
    }

    static long limitFor(String method, String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (!method.equals("POST")) {
            return RequestLimits.MAX_JSON_BODY_BYTES;
        } else if (trimmed.equals("plugins") || trimmed.equals("plugins/")) {
            return RequestLimits.MAX_PLUGIN_JAR_BYTES;
        } else if (trimmed.matches("integrations/[^/]+/?")) {
            return RequestLimits.MAX_CONNECT_BODY_BYTES;
        } else if (trimmed.matches("candidates/[^/]+/documents/?")) {
            return RequestLimits.MAX_DOCUMENT_UPLOAD_BYTES;
        }
        return RequestLimits.MAX_JSON_BODY_BYTES;
    }

    /** The body up to its declared length, failing once it passes the limit. */
    private static final class LimitedBody extends InputStream {
        private final InputStream in;
        private final long limit;
        private final long declared;
        private long read;

        LimitedBody(InputStream in, long limit, long declared) {
            this.in = in;
            this.limit = limit;
            this.declared = declared;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            long allowed = declared >= 0 ? declared - read : limit + 1 - read;
            if (allowed <= 0) {
                if (declared >= 0) {
                    return -1; // the declared body is over: never wait for bytes the client will not send
                }
                throw new BodyTooLargeException(limit);
            }
            int n = in.read(buffer, offset, (int) Math.min(length, allowed));
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new BodyTooLargeException(limit);
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
