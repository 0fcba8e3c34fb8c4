package com.hirerelay.host.web;

import com.hirerelay.host.errors.ApiError;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.utils.DelayedExecutor;

/**
 * Grizzly's HTTP codec with two changes. A request it cannot parse (a malformed request line or header,
 * a header block over the size limit, a broken chunked body) is answered in the API's JSON error shape
 * with a correlation id, not with an empty 400 or 505. And an {@code Upgrade} request header is ignored:
 * the host upgrades to nothing, and Grizzly would otherwise read the body of such a request (the JDK's
 * HTTP client sends {@code Upgrade: h2c} by default) as an endless stream, holding the request until its
 * read time-out. A chunked body is decoded by {@link HeadFirstChunkedTransferEncoding}, so that the head of
 * such a request is handled before its first chunk arrives. Right after a head is parsed, its target
 * ({@link RequestTargets}) and how it frames its body ({@link RequestFraming}) are checked.
 */
final class JsonErrorsHttpServerFilter extends org.glassfish.grizzly.http.HttpServerFilter {

    /** Marks a connection whose request was answered with an error and that only waits to be closed. */
    private static final Attribute<Boolean> DRAINING =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(JsonErrorsHttpServerFilter.class.getName() + ".draining");

    private final ScheduledExecutorService closer;

    JsonErrorsHttpServerFilter(
            boolean chunkingEnabled,
            int maxHeadersSize,
            KeepAlive keepAlive,
            DelayedExecutor executor,
            int maxRequestHeaders,
            int maxResponseHeaders,
            ScheduledExecutorService closer) {
        super(chunkingEnabled, maxHeadersSize, null, keepAlive, executor, maxRequestHeaders, maxResponseHeaders);
        this.closer = closer;
        // Grizzly's codec always decodes chunked bodies, whatever chunkingEnabled (which is about answers) says
        for (org.glassfish.grizzly.http.TransferEncoding encoding : getTransferEncodings()) {
            if (encoding instanceof org.glassfish.grizzly.http.ChunkedTransferEncoding) {
                removeTransferEncoding(encoding);
            }
        }
        addTransferEncoding(new HeadFirstChunkedTransferEncoding(maxHeadersSize));
    }

    @Override
    protected void onHttpHeadersParsed(HttpHeader header, MimeHeaders headers, FilterChainContext ctx) {
        if (header instanceof HttpRequestPacket request) {
            // Thrown here, the codec answers through onHttpHeaderError: before any handler decodes the target.
            RequestTargets.Refusal refusal = RequestTargets.problem(request.getRequestURI(), request.getQueryString());
            if (refusal == null) {
                boolean sentContentLength = headers.contains("Content-Length")
                        || (request instanceof HttpPacketParsing parsing
                                && parsing.getHeaderParsingState().contentLengthHeadersCount > 0);
                refusal = RequestFraming.problem(request, headers, sentContentLength);
            }
            if (refusal != null) {
                throw new RefusedHeadException(refusal);
            }
            if (header.isUpgrade()) {
                header.getUpgradeDC().recycle();
                headers.removeHeader("Upgrade");
            }
        }
        super.onHttpHeadersParsed(header, headers, ctx);
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (Boolean.TRUE.equals(DRAINING.get(ctx.getConnection()))) {
            // The rest of a request that was answered with an error: read and dropped until the close.
            if (ctx.getMessage() instanceof Buffer rest) {
                rest.tryDispose();
            }
            return ctx.getStopAction();
        }
        try {
            return super.handleRead(ctx);
        } catch (RuntimeException | IOException failure) {
            if (Boolean.TRUE.equals(DRAINING.get(ctx.getConnection()))) {
                // Already answered (a broken chunk reaches onHttpContentError, then is thrown on): closing the
                // connection now would reset it before the client read the answer.
                return ctx.getStopAction();
            }
            throw failure;
        }
    }

    @Override
    protected void onHttpHeaderError(HttpHeader header, FilterChainContext ctx, Throwable failure) {
        answerAndDrain(ctx, ((HttpRequestPacket) header).getResponse(), failure);
    }

    @Override
    protected void onHttpContentError(HttpHeader header, FilterChainContext ctx, Throwable failure) {
        answerAndDrain(ctx, ((HttpRequestPacket) header).getResponse(), failure);
    }

    /**
     * Answers a request the codec cannot go on with, then closes the connection a moment later instead of at
     * once: what the client still sends meanwhile (the rest of a too long head, a body) is read and dropped.
     * Closed at once with unread bytes, TCP resets the connection and the client may never see the answer.
     */
    private void answerAndDrain(FilterChainContext ctx, HttpResponsePacket response, Throwable failure) {
        Answer answer = answerFor(response, failure);
        HttpRequestPacket request = response.getRequest();
        // An answer to HEAD has no body (its Content-Length still says how long the body would be).
        boolean withBody =
                request == null || request.getMethodDC().isNull() || !Method.HEAD.equals(request.getMethod());
        // Written as bytes: Grizzly's encoder leaves headers out for a request whose first line it could not read.
        String head = "HTTP/1.1 " + answer.status() + " "
                + org.glassfish.grizzly.http.util.HttpStatus.getHttpStatus(answer.status())
                        .getReasonPhrase() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + answer.body().length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Connection: close\r\n\r\n";
        byte[] bytes = new byte[head.length() + (withBody ? answer.body().length : 0)];
        System.arraycopy(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, bytes, 0, head.length());
        if (withBody) {
            System.arraycopy(answer.body(), 0, bytes, head.length(), answer.body().length);
        }
        Connection<?> connection = ctx.getConnection();
        DRAINING.set(connection, Boolean.TRUE);
        ctx.write(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, bytes), new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult written) {
                closeLater(connection);
            }

            @Override
            public void failed(Throwable writeFailed) {
                connection.closeSilently();
            }
        });
    }

    private void closeLater(Connection<?> connection) {
        try {
            closer.schedule(connection::closeSilently, 1, TimeUnit.SECONDS);
        } catch (RuntimeException stopping) {
            connection.closeSilently();
        }
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        // Grizzly's own error answers other than parse failures (those go through answerAndDrain)
        Answer answer = answerFor(response, null);
        org.glassfish.grizzly.http.util.HttpStatus.getHttpStatus(answer.status())
                .setValues(response);
        response.setContentType("application/json");
        response.setContentLength(answer.body().length);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        Buffer buffer = Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, answer.body());
        return HttpContent.builder(response).content(buffer).last(true).build();
    }

    /** An error answer: its status and JSON body, logged under its correlation id. */
    private record Answer(int status, byte[] body) {}

    private static Answer answerFor(HttpResponsePacket response, Throwable failure) {
        int status;
        ApiError error;
        if (failure instanceof RefusedHeadException refused) {
            status = refused.refusal().status();
            error = refused.refusal().error();
        } else {
            status = statusFor(response.getStatus(), failure);
            error = ErrorAnswers.forStatus(status);
        }
        String id = CorrelationIds.next();
        HttpRequestPacket request = response.getRequest();
        String method = request == null || request.getMethodDC().isNull()
                ? null
                : request.getMethod().getMethodString();
        CorrelationIds.log(
                id,
                status,
                error.code(),
                method == null ? "an unreadable request" : method + " " + request.getRequestURI(),
                failure instanceof RefusedHeadException
                        ? error.message()
                        : "Grizzly could not parse the request: "
                                + (failure == null ? "HTTP " + response.getStatus() : failure),
                null);
        return new Answer(status, ErrorAnswers.json(error.withCorrelationId(id)));
    }

    /**
     * The status for a request Grizzly could not parse: always the client's error (Grizzly says 505 for a
     * request line it cannot read); 414 for a request line, 431 for headers over the size limit.
     */
    private static int statusFor(int status, Throwable failure) {
        String message =
                failure == null ? "" : String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("header") && (message.contains("size") || message.contains("too large"))) {
            return 431;
        }
        // Grizzly's own spelling ("intial"), and the right one should it ever be fixed
        if ((message.contains("intial line") || message.contains("initial line")) && message.contains("too large")) {
            return 414;
        }
        return status >= 400 && status < 500 ? status : 400;
    }

    /** A head {@link RequestTargets} or {@link RequestFraming} refused, thrown to make the codec answer it. */
    private static final class RefusedHeadException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient RequestTargets.Refusal refusal;

        RefusedHeadException(RequestTargets.Refusal refusal) {
            super(refusal.error().message());
            this.refusal = refusal;
        }

        RequestTargets.Refusal refusal() {
            return refusal;
        }
    }
}
