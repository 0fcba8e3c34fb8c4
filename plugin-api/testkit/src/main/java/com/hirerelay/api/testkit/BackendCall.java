package com.hirerelay.api.testkit;

import java.util.Objects;

/**
 * One call that arrived at a {@link ContractBackend}, as the backend sorted it.
 *
 * @param operation what kind of call it was
 * @param description what arrived, for failure messages (for example {@code "GET /employees?email=..."});
 *                    never a secret
 */
public record BackendCall(BackendOperation operation, String description) {

    /**
     * @throws NullPointerException if the operation is missing
     */
    public BackendCall {
        Objects.requireNonNull(operation, "operation");
        description = description == null ? operation.name() : description;
    }
}
