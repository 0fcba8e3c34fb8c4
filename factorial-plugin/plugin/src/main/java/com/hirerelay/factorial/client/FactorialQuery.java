package com.hirerelay.factorial.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The query string of a Factorial request, in order, with repeated names allowed (Factorial's array
 * filters are {@code emails[]=a&emails[]=b}). Immutable.
 */
public final class FactorialQuery {

    private static final FactorialQuery NONE = new FactorialQuery(List.of());

    private final List<Map.Entry<String, String>> parameters;

    private FactorialQuery(List<Map.Entry<String, String>> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** @return a query without parameters */
    public static FactorialQuery none() {
        return NONE;
    }

    /**
     * @param name the parameter name, such as {@code emails[]}
     * @param value its value; null values are skipped
     * @return a new query with the parameter appended
     */
    public FactorialQuery and(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<Map.Entry<String, String>> more = new ArrayList<>(parameters);
        more.add(Map.entry(name, String.valueOf(value)));
        return new FactorialQuery(more);
    }

    /**
     * @return a new query without any parameter of that name
     */
    public FactorialQuery without(String name) {
        List<Map.Entry<String, String>> kept = new ArrayList<>(parameters.size());
        for (Map.Entry<String, String> entry : parameters) {
            if (!entry.getKey().equals(name)) {
                kept.add(entry);
            }
        }
        return kept.size() == parameters.size() ? this : new FactorialQuery(kept);
    }

    /** @return the encoded query string without the leading {@code ?}, empty when there are no parameters */
    public String encoded() {
        // Built for every request: one builder, no stream.
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> entry : parameters) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
        }
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Names only: values can be e-mail addresses, which do not belong in logs. */
    @Override
    public String toString() {
        return parameters.stream().map(Map.Entry::getKey).distinct().collect(Collectors.joining(",", "[", "]"));
    }
}
