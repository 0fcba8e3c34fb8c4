package com.hirerelay.factorial.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;

/**
 * Factorial ids in our code are strings: before 2026-07-01 Factorial sends JSON numbers, from then on
 * JSON strings that may exceed 2<sup>53</sup>. Reading accepts both without passing through a double;
 * writing uses the form the configured version expects.
 */
public final class FactorialIds {

    private FactorialIds() {}

    /**
     * @param node a JSON value, possibly null or missing
     * @return the id as a string, or null when the node is absent, null, empty or not an id
     */
    public static String read(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            // A float id would be a server bug; keep its exact decimal text rather than guess.
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isTextual()) {
            String text = node.textValue().strip();
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    /**
     * @param id an id as read by {@link #read}
     * @param asString whether the API version expects string ids
     * @return a JSON string, or a JSON integer when the version expects numbers and the id is one
     */
    public static JsonNode write(String id, boolean asString) {
        if (!asString && id.matches("-?\\d{1,40}")) {
            return JsonNodeFactory.instance.numberNode(new BigInteger(id));
        }
        return JsonNodeFactory.instance.textNode(id);
    }
}
