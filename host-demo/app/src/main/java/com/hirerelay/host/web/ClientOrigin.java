package com.hirerelay.host.web;

/**
 * Where a request comes from, as far as the host can tell: the client's address (the proxy's, unless
 * the host was told to trust a proxy's forwarded headers) and its user agent, shortened.
 *
 * @param address the client's IP address; "unknown" when none is known
 * @param userAgent the User-Agent header, at most {@value #MAX_USER_AGENT} characters, control characters
 *                  removed; empty when none was sent
 */
public record ClientOrigin(String address, String userAgent) {

    /** The request property under which the web layer stores the request's origin. */
    public static final String PROPERTY = "hirerelay.clientOrigin";

    /** The longest user agent kept. */
    public static final int MAX_USER_AGENT = 200;

    /** An origin nobody knows, for callers outside a request. */
    public static final ClientOrigin UNKNOWN = new ClientOrigin("unknown", "");

    public ClientOrigin {
        address = address == null || address.isBlank() ? "unknown" : address.strip();
        userAgent = clean(userAgent);
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        // Built for every API request: the usual header has no control character and needs no stream.
        boolean clean = true;
        for (int i = 0; i < text.length() && clean; i++) {
            clean = !Character.isISOControl(text.charAt(i));
        }
        if (clean) {
            String stripped = text.strip();
            return stripped.length() <= MAX_USER_AGENT ? stripped : stripped.substring(0, MAX_USER_AGENT);
        }
        String printable = text.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        return printable.length() <= MAX_USER_AGENT ? printable : printable.substring(0, MAX_USER_AGENT);
    }
}
