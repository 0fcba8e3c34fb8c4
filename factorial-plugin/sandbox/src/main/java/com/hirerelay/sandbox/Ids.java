package com.hirerelay.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

/** Ids are kept as strings of digits; requests may send them as JSON numbers or strings. */
final class Ids {

    static final Comparator<String> ORDER = Comparator.comparing(BigInteger::new);

    private Ids() {}

    static boolean isId(String s) {
        if (s == null || s.isEmpty() || s.length() > 40) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Normalizes "007" to "7" so lookups do not depend on formatting. */
    static String normalize(String s) {
        return new BigInteger(s).toString();
    }

    /**
     * The id in a JSON field: empty if the field is absent or null; {@code Optional.of("")} marks a value present
     * but not an id (e.g. a float or "abc") so callers can report it as not found.
     */
    static Optional<String> fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.bigIntegerValue().signum() >= 0) {
            return Optional.of(node.bigIntegerValue().toString());
        }
        if (node.isTextual() && isId(node.textValue().trim())) {
            return Optional.of(normalize(node.textValue().trim()));
        }
        return Optional.of("");
    }

    /** The id in a query parameter, or empty if it is not one. */
    static Optional<String> fromText(String s) {
        return s != null && isId(s.trim()) ? Optional.of(normalize(s.trim())) : Optional.empty();
    }

    static String cursor(String id) {
        return Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    /** The id inside an {@code after_id} cursor; a plain id is accepted too. */
    static Optional<String> fromCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        Optional<String> plain = fromText(cursor);
        if (plain.isPresent()) {
            return plain;
        }
        try {
            return fromText(new String(Base64.getDecoder().decode(cursor.trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
