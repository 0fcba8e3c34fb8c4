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

    /** Optional: the Factorial id of the legal entity new employees get unless the user picks another. */
    public static final String DEFAULT_LEGAL_ENTITY_ID = "default_legal_entity_id";
    /** Optional: the Factorial id of the location new employees get unless the user picks another. */
    public static final String DEFAULT_LOCATION_ID = "default_location_id";
    /** Optional: the Factorial id of the team new employees join unless the user picks another. */
    public static final String DEFAULT_TEAM_ID = "default_team_id";

    /** Seconds to wait for Factorial's answer to a request, connecting included; 30 when not set. */
    public static final String READ_TIMEOUT_SECONDS = "read_timeout_seconds";

    /** The account attribute under which verification stores Factorial's company id. */
    public static final String COMPANY_ID_ATTRIBUTE = "company_id";

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
    /** Production web app, where people open an employee. */
    public static final String PRODUCTION_WEB_URL = "https://app.factorialhr.com";
    /** Demo web app. */
    public static final String DEMO_WEB_URL = "https://app.demo.factorial.dev";
    /** The API version the official SDK 1.x pins. */
    public static final String DEFAULT_API_VERSION = "2026-04-01";

    private FactorialSettings() {}
}
