package com.hirerelay.sandbox;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How ids are serialized for one API version. The store keeps every id as a string of digits so that ids above
 * 2^53 (e.g. legal entity {@code 18446744073709551}) survive both modes: from {@code 2026-07-01} on, every
 * {@code id}, {@code *_id} and {@code *_ids} value is a JSON string; before, a JSON number (a {@link BigInteger}
 * when needed).
 */
enum IdMode {
    INT,
    STRING;

    static final String FIRST_STRING_VERSION = "2026-07-01";

    static IdMode forVersion(String version) {
        // YYYY-MM-DD compares correctly as text.
        return version.compareTo(FIRST_STRING_VERSION) >= 0 ? STRING : INT;
    }

    /** A deep copy of {@code tree} with ids converted for this mode. */
    Object apply(Object tree) {
        return convert(null, tree);
    }

    private Object convert(String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), convert(String.valueOf(k), v)));
            return out;
        }
        if (value instanceof List<?> list) {
            boolean idList = key != null && key.endsWith("_ids");
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) {
                out.add(idList ? id(v) : convert(null, v));
            }
            return out;
        }
        if (key != null && (key.equals("id") || key.endsWith("_id"))) {
            return id(value);
        }
        return value;
    }

    private Object id(Object value) {
        if (value instanceof String s && Ids.isId(s)) {
            return this == STRING ? s : new BigInteger(s);
        }
        return value;
    }
}
