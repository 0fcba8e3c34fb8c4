package com.hirerelay.factorial.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What an error answer from Factorial says, read tolerantly: Factorial documents no error schema, and
 * clients have seen {@code {"message": "..."}}, {@code {"errors": ["..."]}},
 * {@code {"errors": {"errors": ["..."]}}}, {@code {"errors": {"email": ["..."]}}}, HTML and empty bodies;
 * from 2027-01-01 the typed list {@code {"errors": [{"code": "...", "message": "...", "field": "email"}]}}.
 *
 * @param messages the error messages in the order found; empty when the body said nothing readable
 * @param fieldMessages messages the body attached to a named attribute (e.g. {@code email}), as
 *                      {@code attribute -> messages}; empty when none
 */
public record FactorialErrorBody(List<String> messages, Map<String, List<String>> fieldMessages) {

    private static final int MAX_RAW = 300;

    /**
     * @throws NullPointerException if a component is null
     */
    public FactorialErrorBody {
        messages = List.copyOf(messages);
        fieldMessages = Map.copyOf(fieldMessages);
    }

    /**
     * Reads an error body. Never throws: anything unreadable becomes the (shortened) raw text.
     *
     * @param mapper the plugin's JSON mapper
     * @param raw the body as received; may be null or empty
     * @return what it says
     */
    public static FactorialErrorBody parse(ObjectMapper mapper, String raw) {
        if (raw == null || raw.isBlank()) {
            return new FactorialErrorBody(List.of(), Map.of());
        }
        List<String> messages = new ArrayList<>();
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        try {
            JsonNode root = mapper.readTree(raw);
            if (root != null) {
                collect(root, null, messages, fields, 0);
            }
        } catch (Exception notJson) {
            // Not JSON (an HTML error page, a truncated body): fall through to the raw text.
            messages.clear();
            fields.clear();
        }
        if (messages.isEmpty() && fields.isEmpty()) {
            String text = raw.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            if (!text.isEmpty() && !text.equals("{}") && !text.equals("[]")) {
                messages.add(text.length() > MAX_RAW ? text.substring(0, MAX_RAW) + "..." : text);
            }
        }
        return new FactorialErrorBody(messages, fields);
    }

    private static void collect(
            JsonNode node, String attribute, List<String> messages, Map<String, List<String>> fields, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            String text = node.asText().strip();
            if (!text.isEmpty()) {
                if (attribute == null) {
                    messages.add(text);
                } else {
                    fields.computeIfAbsent(attribute, key -> new ArrayList<>()).add(text);
                    messages.add(humanise(attribute) + " " + text);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, attribute, messages, fields, depth + 1);
            }
        } else if (node.isObject() && isTypedError(node)) {
            // 2027-01-01: {"errors":[{"code":"validation_failed","message":"...","field":"email"}]}
            String message = node.path("message").asText("").strip();
            String field =
                    node.path("field").isTextual() ? node.path("field").asText().strip() : "";
            if (!message.isEmpty()) {
                if (field.isEmpty()) {
                    messages.add(message);
                } else {
                    fields.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
                    messages.add(message);
                }
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String key = entry.getKey();
                if (isWrapper(key)) {
                    collect(entry.getValue(), attribute, messages, fields, depth + 1);
                } else if (attribute == null && depth > 0 && !isMetadata(key)) {
                    // {"errors": {"email": ["has already been taken"]}}: the key names the attribute.
                    collect(entry.getValue(), key, messages, fields, depth + 1);
                }
                // Other top-level keys (status, code, request_id, ...) carry no message.
            }
        }
    }

    private static boolean isTypedError(JsonNode node) {
        return node.has("code") && node.path("message").isTextual() && node.has("field");
    }

    private static boolean isWrapper(String key) {
        return switch (key) {
            case "message", "messages", "error", "errors", "detail", "details", "description" -> true;
            default -> false;
        };
    }

    private static boolean isMetadata(String key) {
        return switch (key) {
            case "code", "status", "type", "request_id", "trace_id", "timestamp" -> true;
            default -> false;
        };
    }

    private static String humanise(String attribute) {
        String words = attribute.replace('_', ' ').strip();
        return words.isEmpty() ? attribute : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** @return the messages joined into one sentence, or {@code fallback} when there are none */
    public String summary(String fallback) {
        return messages.isEmpty() ? fallback : String.join("; ", messages);
    }
}
