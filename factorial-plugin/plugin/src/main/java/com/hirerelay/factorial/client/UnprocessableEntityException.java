package com.hirerelay.factorial.client;

import com.hirerelay.api.ValidationFailedException;
import java.util.List;

/**
 * Factorial refused a request as invalid (HTTP 422, or 400 with a readable reason). Carries the parsed
 * body so that the caller can attach messages to the fields of its draft; until then it is an ordinary
 * {@link ValidationFailedException} without field errors.
 */
public class UnprocessableEntityException extends ValidationFailedException {

    private static final long serialVersionUID = 1L;

    private final transient FactorialErrorBody body;
    private final int status;

    UnprocessableEntityException(String message, int status, FactorialErrorBody body) {
        super(message, List.of());
        this.status = status;
        this.body = body;
    }

    /** @return what Factorial's answer said */
    public FactorialErrorBody body() {
        return body;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
