package com.hirerelay.host.web;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.utils.DelayedExecutor;

/**
 * Puts {@link JsonErrorsHttpServerFilter} in the place of Grizzly's own HTTP codec filter, configured
 * as the listener configured the original.
 */
final class JsonErrorsAddOn implements AddOn {

    private final DelayedExecutor keepAliveTimer;
    private final java.util.concurrent.ScheduledExecutorService closer;

    /**
     * @param keepAliveTimer runs the codec's keep-alive time-outs; started and stopped by the caller
     * @param closer closes connections a moment after an error answer; stopped by the caller
     */
    JsonErrorsAddOn(DelayedExecutor keepAliveTimer, java.util.concurrent.ScheduledExecutorService closer) {
        this.keepAliveTimer = keepAliveTimer;
        this.closer = closer;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int index = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
        if (index < 0) {
            throw new IllegalStateException("Grizzly's filter chain has no HTTP codec to replace");
        }
        org.glassfish.grizzly.http.HttpServerFilter original =
                (org.glassfish.grizzly.http.HttpServerFilter) builder.get(index);
        // as Grizzly's HttpServer does: no size set means its default of 8 KiB
        int maxHeadersSize = listener.getMaxHttpHeaderSize() > 0
                ? listener.getMaxHttpHeaderSize()
                : org.glassfish.grizzly.http.HttpCodecFilter.DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE;
        JsonErrorsHttpServerFilter replacement = new JsonErrorsHttpServerFilter(
                listener.isChunkingEnabled(),
                maxHeadersSize,
                listener.getKeepAlive(),
                keepAliveTimer,
                listener.getMaxRequestHeaders(),
                listener.getMaxResponseHeaders(),
                closer);
        replacement.setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        replacement.setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        replacement.setRemoveHandledContentEncodingHeaders(original.isRemoveHandledContentEncodingHeaders());
        builder.set(index, replacement);
    }
}
