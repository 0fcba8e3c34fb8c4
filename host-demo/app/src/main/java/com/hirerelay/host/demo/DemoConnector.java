package com.hirerelay.host.demo;

import java.util.Map;

/**
 * What the demo knows about the Factorial connector: its id, the connect-form key of its API key and the
 * setting keys that point it at another Factorial. The host core knows none of this; it only passes on
 * connect-form defaults keyed {@code connectorId.settingKey}. The strings, not the plugin's classes: the
 * host never links against a plugin.
 */
public final class DemoConnector {

    /** The Factorial plugin's connector id. */
    public static final String ID = "factorial";
    /** How the demo's messages name it. */
    public static final String NAME = "Factorial";

    private static final String API_KEY = "api_key";
    private static final String ENVIRONMENT = "environment";
    private static final String BASE_URL = "base_url";
    /** The environment choice that makes the connector use {@link #BASE_URL}. */
    private static final String CUSTOM_ENVIRONMENT = "custom";

    private DemoConnector() {}

    /**
     * @param baseUrl a Factorial API, such as the embedded sandbox's address
     * @return the connect-form defaults that point the Factorial connector at it
     */
    public static Map<String, String> settingDefaultsPointingAt(String baseUrl) {
        return Map.of(ID + "." + ENVIRONMENT, CUSTOM_ENVIRONMENT, ID + "." + BASE_URL, baseUrl);
    }

    /**
     * @param apiKey the key to connect with
     * @return the connect form's values, as an admin submits them, for that key (the other fields keep
     *         their defaults)
     */
    public static Map<String, String> connectFormValues(String apiKey) {
        return Map.of(API_KEY, apiKey);
    }
}
