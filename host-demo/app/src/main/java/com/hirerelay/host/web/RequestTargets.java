package com.hirerelay.host.web;

import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.limits.PercentDecoding;
import com.hirerelay.host.limits.RequestLimits;

/**
 * Checks a request's target (path and query) before anything decodes it: characters a URI may not hold
 * unescaped, malformed escapes, escapes that are not UTF-8, control characters in the path, a query longer than
 * {@link RequestLimits#MAX_QUERY_CHARS}. Grizzly (decoding the path to find a handler), Jersey and the
 * static files answer such targets with a bodiless 500 or an HTML page with a stack trace; checked right
 * after the request head is parsed, they become a 400 (414 for the query's length) in the API's error
 * shape.
 */
final class RequestTargets {

    /** Characters RFC 3986 allows unescaped in a path or query, besides letters and digits. */
    private static final String ALLOWED = "-._~!$&'()*+,;=:@/?%";

    private RequestTargets() {}

    /** A refusal: the status and the error to answer. */
    record Refusal(int status, ApiError error) {}

    /**
     * @param path the target's path as sent, undecoded
     * @param query the target's query as sent, undecoded; null when there is none
     * @return why the target is refused, or null when it is fine
     */
    static Refusal problem(String path, String query) {
        if (query != null && query.length() > RequestLimits.MAX_QUERY_CHARS) {
            return new Refusal(
                    414,
                    ApiError.of(
                            "uri_too_long",
                            "The query is longer than " + RequestLimits.MAX_QUERY_CHARS + " characters."));
        }
        String lower = path == null ? "" : path.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) {
            // Grizzly refuses to decode them (a bodiless 500); no address of ours holds a slash in a segment
            return new Refusal(400, ApiError.of("bad_request", "The address holds an encoded slash or backslash."));
        }
        for (String segment : lower.split("/", -1)) {
            String plain = segment.replace("%2e", ".");
            if (plain.equals(".") || plain.equals("..")) {
                // Grizzly resolves them before mapping, above the root for "/api/..": a bodiless 500
                return new Refusal(400, ApiError.of("bad_request", "The address holds a '.' or '..' segment."));
            }
        }
        String problem = problem("address", path, false);
        if (problem == null && query != null) {
            problem = problem("query", query, true);
        }
        return problem == null ? null : new Refusal(400, ApiError.of("bad_request", problem));
    }

    private static String problem(String what, String raw, boolean query) {
        if (raw == null) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!plain && ALLOWED.indexOf(c) < 0) {
                return "The " + what + " holds a character that must be percent-encoded"
                        + (c > 0x20 && c < 0x7f ? " ('" + c + "')" : "") + ".";
            }
        }
        // each part must decode strictly: the query part by part, so that an encoded '&' or '=' stays data
        for (String part : raw.split(query ? "[&=]" : "/", -1)) {
            String decoded;
            try {
                decoded = PercentDecoding.strict(query ? part.replace('+', ' ') : part);
            } catch (IllegalArgumentException e) {
                return "The " + what + " is not percent-encoded properly: " + e.getMessage() + ".";
            }
            // a control character in a query value is the value's problem: its call names the field
            for (int i = 0; !query && i < decoded.length(); i++) {
                if (Character.isISOControl(decoded.charAt(i))) {
                    return "The " + what + " holds an encoded control character (such as %00).";
                }
            }
        }
        return null;
    }
}
