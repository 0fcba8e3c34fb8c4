package com.hirerelay.host.web;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.ChunkedTransferEncoding;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.ParsingResult;
import org.glassfish.grizzly.http.TransferEncoding;

/**
 * Grizzly's chunked decoding, except that a request's head goes up to the handler as soon as it is read,
 * even before the first chunk's size line arrives. Grizzly's own decoding holds the head back until that
 * line is there, so a client that announces a chunked body and sends none got no answer at all, not even
 * a refusal that needs no body, until the connection timed out. With the head passed on, the request is
 * answered (or refused) at once, and a body that never comes ends in the body-read time-out. Wraps
 * Grizzly's (final) class; everything else is left to it.
 */
final class HeadFirstChunkedTransferEncoding implements TransferEncoding {

    private final ChunkedTransferEncoding chunked;

    HeadFirstChunkedTransferEncoding(int maxHeadersSize) {
        this.chunked = new ChunkedTransferEncoding(maxHeadersSize);
    }

    @Override
    public boolean wantDecode(HttpHeader httpPacket) {
        return chunked.wantDecode(httpPacket);
    }

    @Override
    public boolean wantEncode(HttpHeader httpPacket) {
        return chunked.wantEncode(httpPacket);
    }

    @Override
    public void prepareSerialize(FilterChainContext ctx, HttpHeader httpHeader, HttpContent content) {
        chunked.prepareSerialize(ctx, httpHeader, content);
    }

    @Override
    public ParsingResult parsePacket(FilterChainContext ctx, HttpHeader httpPacket, Buffer buffer) {
        ParsingResult result = chunked.parsePacket(ctx, httpPacket, buffer);
        if (result.getHttpContent() != null || result.isSendHeaderUpstream()) {
            return result;
        }
        // Not even a chunk size yet: keep what was read, but let the codec pass the head on. The codec
        // only looks at this flag right after the head was parsed; later it waits for more bytes either way.
        Buffer remainder = result.getRemainderBuffer();
        result.recycle();
        return ParsingResult.create(null, remainder, true);
    }

    @Override
    public Buffer serializePacket(FilterChainContext ctx, HttpContent httpContent) {
        return chunked.serializePacket(ctx, httpContent);
    }
}
