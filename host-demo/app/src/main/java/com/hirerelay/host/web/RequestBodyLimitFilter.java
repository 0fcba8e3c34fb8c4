package com.hirerelay.host.web;

import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.limits.BodyReadTimeoutException;
import com.hirerelay.host.limits.BodyReadsExhaustedException;
import com.hirerelay.host.limits.BodyTooLargeException;
import com.hirerelay.host.limits.RequestLimits;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs first, before authentication and before anything reads the body: a body whose
 * {@code Content-Length} exceeds its call's limit is refused with 413 unread, and every body is read
 * through a stream that stops at its {@code Content-Length} and fails with 413 past the limit (a chunked
 * body announces no length). Plugin uploads may be up to {@link RequestLimits#MAX_PLUGIN_JAR_BYTES},
 * connect forms {@link RequestLimits#MAX_CONNECT_BODY_BYTES}, a candidate's document upload
 * {@link RequestLimits#MAX_DOCUMENT_UPLOAD_BYTES}, every other call
 * {@link RequestLimits#MAX_JSON_BODY_BYTES}.
 *
 * <p>Nothing here waits for the body: a request refused before its body is needed (not signed in, wrong
 * role, no CSRF token) is answered even when the body never comes. A body being read holds a request
 * thread, so reading one takes a slot ({@link RequestLimits#MAX_BODY_READS_PER_CLIENT} per client address,
 * {@link RequestLimits#MAX_BODY_READS} in all; 429 past them), and a body that pauses for
 * {@link RequestLimits#BODY_READ_TIMEOUT_SECONDS} seconds (Grizzly's read time-out, set by
 * {@link HostHttpServer}) fails with 408. The slot is given back at the body's end, on a failure, or at the
 * latest when the answer goes out.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class RequestBodyLimitFilter implements ContainerRequestFilter {

    private static final String BODY_PROPERTY = RequestBodyLimitFilter.class.getName() + ".body";
    // Compiled once: String.matches compiled both for every POST.
    private static final Pattern CONNECT_PATH = Pattern.compile("integrations/[^/]+/?");
    private static final Pattern DOCUMENT_UPLOAD_PATH = Pattern.compile("candidates/[^/]+/documents/?");

    private final BodyReadSlots slots =
            new BodyReadSlots(RequestLimits.MAX_BODY_READS_PER_CLIENT, RequestLimits.MAX_BODY_READS);

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString("Content-Length");
        String chunked = header == null ? request.getHeaderString("Transfer-Encoding") : null;
        if (header == null && chunked == null) {
            return; // no body (most GETs): neither a limit nor the decoded path is needed
        }
        long limit = limitFor(request.getMethod(), request.getUriInfo().getPath());
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
        // Not request.hasEntity(): Jersey answers it by reading the first byte, which waits for the body.
        if (declared != 0 && (declared > 0 || chunked != null)) {
            LimitedBody body = new LimitedBody(request, limit, declared);
            request.setProperty(BODY_PROPERTY, body);
            request.setEntityStream(body);
        }
    }

    /** The answer is going out ({@link AnswerFilter}): the body's read slot, if it still holds one, is free. */
    static void answered(ContainerRequestContext request) {
        if (request.getProperty(BODY_PROPERTY) instanceof LimitedBody body) {
            body.done();
        }
    }

    static long limitFor(String method, String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (!method.equals("POST")) {
            return RequestLimits.MAX_JSON_BODY_BYTES;
        } else if (trimmed.equals("plugins") || trimmed.equals("plugins/")) {
            return RequestLimits.MAX_PLUGIN_JAR_BYTES;
        } else if (CONNECT_PATH.matcher(trimmed).matches()) {
            return RequestLimits.MAX_CONNECT_BODY_BYTES;
        } else if (DOCUMENT_UPLOAD_PATH.matcher(trimmed).matches()) {
            return RequestLimits.MAX_DOCUMENT_UPLOAD_BYTES;
        }
        return RequestLimits.MAX_JSON_BODY_BYTES;
    }

    /** @return whether a failed read of the body was Grizzly's read time-out */
    private static boolean timedOut(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * The body up to its declared length, failing once it passes the limit, holding a read slot from its
     * first read until its end.
     */
    private final class LimitedBody extends InputStream {
        private final ContainerRequestContext request;
        private final InputStream in;
        private final long limit;
        private final long declared;
        private long read;
        private String slotHolder;
        private boolean done;

        LimitedBody(ContainerRequestContext request, long limit, long declared) {
            this.request = request;
            this.in = request.getEntityStream();
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
                done();
                if (declared >= 0) {
                    return -1; // the declared body is over: never wait for bytes the client will not send
                }
                throw new BodyTooLargeException(limit);
            }
            takeSlot();
            int n;
            try {
                n = in.read(buffer, offset, (int) Math.min(length, allowed));
            } catch (IOException failure) {
                done();
                throw timedOut(failure) ? new BodyReadTimeoutException(failure) : failure;
            }
            if (n < 0) {
                done();
            } else {
                read += n;
                if (read > limit) {
                    done();
                    throw new BodyTooLargeException(limit);
                }
                if (read == declared) {
                    done();
                }
            }
            return n;
        }

        private synchronized void takeSlot() throws BodyReadsExhaustedException {
            if (done || slotHolder != null) {
                return;
            }
            String client = request.getProperty(ClientOrigin.PROPERTY) instanceof ClientOrigin origin
                    ? origin.address()
                    : ClientOrigin.UNKNOWN.address();
            if (!slots.tryTake(client)) {
                done = true;
                throw new BodyReadsExhaustedException();
            }
            slotHolder = client;
        }

        /** The body is over (read, failed, or answered): its slot is free again; idempotent. */
        synchronized void done() {
            done = true;
            if (slotHolder != null) {
                slots.giveBack(slotHolder);
                slotHolder = null;
            }
        }

        @Override
        public void close() throws IOException {
            done();
            in.close();
        }
    }
}
