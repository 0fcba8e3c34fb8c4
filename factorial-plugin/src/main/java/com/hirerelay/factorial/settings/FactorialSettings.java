package com.hirerelay.factorial.settings;

/**
 * The keys of the Factorial connect form, shared by the settings panel (which declares them) and the
 * connector (which reads them).
 */
public final class FactorialSettings {

    /** The Factorial API key (secret). */
    public static final String API_KEY = "api_key";
    /** Which Factorial cluster: {@code production}, {@code demo} or {@code custom}. */
    public static final String ENVIRONMENT = "environment";
    /** The base URL used when the environment is {@code custom}. */
    public static final String BASE_URL = "base_url";
    /** The dated API version, for example {@code 2026-04-01}. */
    public static final String API_VERSION = "api_version";
    /** Whether each new employee is sent Factorial's invitation e-mail. */
    public static final String SEND_INVITATION = "send_invitation";

    /** The environment value for Factorial's production cluster. */
    public static final String PRODUCTION = "production";
    /** The environment value for Factorial's demo cluster. */
    public static final String DEMO = "demo";
    /** The environment value for a base URL of the admin's choice. */
    public static final String CUSTOM = "custom";

    /** Production API host. */
    public static final String PRODUCTION_BASE_URL = "https://api.factorialhr.com";
    /** Demo API host. */
    public static final String DEMO_BASE_URL = "https://api.eu2.demo.factorial.dev";
    /** The API version the official SDK 1.x pins. */
    public static final String DEFAULT_API_VERSION = "2026-04-01";

    private FactorialSettings() {
    }
}
