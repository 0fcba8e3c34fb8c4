package com.hirerelay.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the sandbox received, with the status it answered.
 *
 * @param method   HTTP method, upper case
 * @param path     raw path without the query
 * @param query    raw query string, {@code null} when there was none
 * @param version  the {@code {version}} path segment, {@code null} if the path was not an API path
 * @param resource the path after {@code /resources/}, e.g. {@code "employees/employees"}; {@code null} if none
 * @param headers  lower-case header names; the values of {@code x-api-key} and {@code authorization} are
 *                 replaced by {@code "[redacted]"}
 * @param body     request body as UTF-8 text, empty when there was none
 * @param status   status sent, or {@code 0} when the connection was closed without a response
 * @param at       when the request arrived
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        String version,
        String resource,
        Map<String, List<String>> headers,
        String body,
        int status,
        Instant at) {

    /** First value of a header (name in any case), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
