package com.hirerelay.host.web;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Request;

/**
 * Notes each request's peer address as Grizzly reads its head, where the request is at hand: {@link ClientOriginFilter}
 * reads it from the request's properties instead of looking Grizzly's request up through the injection framework,
 * which cost more than any other filter of the cheapest request ({@code GET /api/session}, JFR samples).
 */
final class ClientAddressProbe extends HttpServerProbe.Adapter {

    /** The request attribute (a Jersey request property) holding the peer's address, as text. */
    static final String REMOTE_ADDRESS_PROPERTY = "hirerelay.remoteAddress";

    @Override
    @SuppressWarnings("rawtypes") // Grizzly's interface declares the raw type
    public void onRequestReceiveEvent(HttpServerFilter filter, Connection connection, Request request) {
        String address = request.getRemoteAddr();
        if (address != null) {
            request.setAttribute(REMOTE_ADDRESS_PROPERTY, address);
        }
    }
}
