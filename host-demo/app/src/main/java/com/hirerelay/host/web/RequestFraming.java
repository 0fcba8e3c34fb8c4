package com.hirerelay.host.web;

import com.hirerelay.host.errors.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.util.MimeHeaders;

/**
 * Checks how a request says where its body ends, right after its head is parsed, so that no byte of one request
 * is ever read as the start of the next (request smuggling, RFC 9112 section 6). Refused with a 400, after which the
 * connection is closed: a body on a method whose body Grizzly does not read ({@code TRACE}, {@code CONNECT},
 * {@code PRI}); both {@code Content-Length} and {@code Transfer-Encoding} (a proxy in front may have framed the body
 * by the other one); a {@code Transfer-Encoding} other than {@code chunked} alone (the host decodes no other coding,
 * and with {@code chunked} not last the body's end cannot be known).
 */
final class RequestFraming {

    private RequestFraming() {}

    /**
     * @param request the request whose head was just parsed
     * @param headers its headers
     * @param sentContentLength whether the head held a {@code Content-Length} (Grizzly drops that header from
     *     {@code headers} when a {@code Transfer-Encoding: chunked} follows it)
     * @return why the request's framing is refused, or null when it is fine
     */
    static RequestTargets.Refusal problem(HttpRequestPacket request, MimeHeaders headers, boolean sentContentLength) {
        List<String> codings = new ArrayList<>();
        boolean encoded = false;
        for (String value : headers.values("Transfer-Encoding")) {
            encoded = true;
            for (String coding : value.split(",", -1)) {
                codings.add(coding.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (request.getMethod().getPayloadExpectation() == Method.PayloadExpectation.NOT_ALLOWED
                && (encoded || request.getContentLength() > 0)) {
            // Grizzly reads no body for these methods: it would be parsed as the next request on the connection.
            return refusal("A " + request.getMethod().getMethodString() + " request may not have a body.");
        }
        if (!encoded) {
            return null;
        }
        if (sentContentLength) {
            return refusal("A request may not have both Content-Length and Transfer-Encoding.");
        }
        if (!codings.equals(List.of("chunked"))) {
            return refusal("The only Transfer-Encoding accepted is chunked.");
        }
        return null;
    }

    private static RequestTargets.Refusal refusal(String message) {
        return new RequestTargets.Refusal(400, ApiError.of("bad_request", message));
    }
}
