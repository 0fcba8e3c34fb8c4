package com.hirerelay.factorial.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.sandbox.FactorialSandbox;
import com.hirerelay.sandbox.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Connect-form values that point the plugin at a {@link FactorialSandbox}, and helpers to read what it received. */
public final class SandboxSettings {

    public static final String CREATE = "employees/employees/create_with_contract";
    public static final String EMPLOYEES = "employees/employees";
    /** The query parameter of the duplicate check by e-mail, to aim a fault at it ({@code Fault.whenQueryHas}). */
    public static final String BY_EMAIL = "emails[]";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SandboxSettings() {}

    /** Custom environment at the sandbox, its valid key, API version 2026-04-01, plus {@code extra} key/value pairs. */
    public static ConnectionSettings forSandbox(FactorialSandbox sandbox, String... extra) {
        return withKey(sandbox, sandbox.apiKey(), extra);
    }

    /** Like {@link #forSandbox} but with another key. */
    public static ConnectionSettings withKey(FactorialSandbox sandbox, String apiKey, String... extra) {
        Map<String, String> values = new HashMap<>();
        values.put("api_key", apiKey);
        values.put("environment", "custom");
        values.put("base_url", sandbox.baseUrl());
        values.put("api_version", FactorialSandbox.DEFAULT_VERSION);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        return new ConnectionSettings("factorial-test", values, Set.of("api_key"), Map.of());
    }

    /** The requests with this method whose resource is exactly {@code resource}. */
    public static List<RecordedRequest> requests(FactorialSandbox sandbox, String method, String resource) {
        return sandbox.requests().stream()
                .filter(r -> r.method().equals(method) && resource.equals(r.resource()))
                .toList();
    }

    /**
     * The duplicate check's look-ups by e-mail. The look-up by {@code company_identifier} runs beside it,
     * so only these have a fixed order.
     */
    public static List<RecordedRequest> lookupsByEmail(FactorialSandbox sandbox) {
        return requests(sandbox, "GET", EMPLOYEES).stream()
                .filter(r -> r.query() != null && r.query().contains("emails"))
                .toList();
    }

    public static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
