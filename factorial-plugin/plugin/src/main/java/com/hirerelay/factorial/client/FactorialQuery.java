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
        return new FactorialQuery(parameters.stream()
                .filter(entry -> !entry.getKey().equals(name))
                .toList());
    }

    /** @return the encoded query string without the leading {@code ?}, empty when there are no parameters */
    public String encoded() {
        return parameters.stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
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
