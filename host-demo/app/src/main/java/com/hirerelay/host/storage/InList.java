package com.hirerelay.host.storage;

import java.util.Collection;
import java.util.Collections;
import org.jdbi.v3.core.statement.SqlStatement;

/** The {@code ?} marks of an SQL {@code IN (...)} list and the binding of its values, every value a parameter. */
public final class InList {

    private InList() {}

    /** @return {@code "?,?,?"} with one mark per value; the caller never passes an empty list (SQL has no {@code IN ()}) */
    public static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /**
     * Binds the values in order to the positional parameters from {@code first} on.
     *
     * @return the position after the last one bound
     */
    public static int bind(SqlStatement<?> statement, int first, Collection<?> values) {
        int position = first;
        for (Object value : values) {
            statement.bind(position++, value);
        }
        return position;
    }
}
