package com.hirerelay.api.internal;

import java.util.Collection;
import java.util.Map;

/**
 * Argument checks shared by the API's records. Not API: plugins must not use this package.
 */
public final class Require {

    private Require() {}

    /** Fails with "{@code what} must not be blank" when {@code text} is null, empty or white space. */
    public static String notBlank(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text;
    }

    /** Fails with "{@code what} must not be null" when {@code value} is null. */
    public static <T> T notNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    /** Fails when the collection is null or holds a null element. */
    public static <C extends Collection<?>> C noNulls(C values, String what) {
        notNull(values, what);
        for (Object value : values) {
            if (value == null) {
                throw new IllegalArgumentException(what + " must not contain null");
            }
        }
        return values;
    }

    /** Fails when the map is null or holds a null key or value. */
    public static <M extends Map<?, ?>> M noNulls(M values, String what) {
        notNull(values, what);
        values.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException(what + " must not contain null keys or values");
            }
        });
        return values;
    }

    /** Fails unless {@code id} is lower-case letters, digits and dashes, starting with a letter, 2 to 40 long. */
    public static String identifier(String id, String what) {
        notBlank(id, what);
        if (!id.matches("[a-z][a-z0-9-]{1,39}")) {
            throw new IllegalArgumentException(what + " '" + id
                    + "' must be 2 to 40 lower-case letters, digits or dashes, starting with a letter");
        }
        return id;
    }
}
