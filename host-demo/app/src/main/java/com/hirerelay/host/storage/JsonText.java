package com.hirerelay.host.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON text columns of the database (custom fields, drafts, settings): maps of strings in, maps of
 * strings out.
 */
public final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, String>>> MAP_LIST = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private JsonText() {}

    /** @return the value as JSON text */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @return the JSON object of strings, in its order; empty for null or blank text */
    public static Map<String, String> readMap(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON column is not an object of strings", e);
        }
    }

    /** @return the JSON array of objects of strings; empty for null or blank text */
    public static List<Map<String, String>> readMapList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, MAP_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON column is not an array of objects", e);
        }
    }

    /** @return the JSON array of strings; empty for blank text */
    public static List<String> readStringList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored JSON column is not an array of strings", e);
        }
    }
}
