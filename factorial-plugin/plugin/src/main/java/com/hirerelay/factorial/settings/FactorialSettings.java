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

    /**
     * The admin's name for this ATS, part of every reference the plugin writes
     * ({@code hirerelay:<instance>:<candidate id>}).
     */
    public static final String ATS_INSTANCE = "ats_instance";
    /** Where the reference is kept: {@link #STORE_CUSTOM_FIELD} (default) or {@link #STORE_COMPANY_IDENTIFIER}. */
    public static final String REFERENCE_STORE = "reference_store";
    /** The label of the Factorial custom field that holds the reference. */
    public static final String REFERENCE_FIELD_LABEL = "reference_field_label";
    /** Optional: the id of the Factorial custom field that holds the reference; wins over the label. */
    public static final String REFERENCE_FIELD_ID = "reference_field_id";
    /** Whether the plugin may create the custom field when Factorial has none with the label. */
    public static final String CREATE_REFERENCE_FIELD = "create_reference_field";
    /** Which Factorial e-mail the candidate's e-mail fills: {@link #EMAIL_PERSONAL} or {@link #EMAIL_LOGIN}. */
    public static final String CANDIDATE_EMAIL_TARGET = "candidate_email_target";
    /** The web address of an employee, with {@code {web}} and {@code {id}} placeholders. */
    public static final String EMPLOYEE_LINK_PATTERN = "employee_link_pattern";

    /** Reference store: a Factorial custom field; {@code company_identifier} is never touched. */
    public static final String STORE_CUSTOM_FIELD = "custom_field";
    /** Reference store: Factorial's {@code company_identifier} (the employee number). */
    public static final String STORE_COMPANY_IDENTIFIER = "company_identifier";
    /** The candidate's e-mail goes to the personal e-mail. */
    public static final String EMAIL_PERSONAL = "personal";
    /** The candidate's e-mail goes to the login e-mail. */
    public static final String EMAIL_LOGIN = "login";
    /** The default label of the reference custom field. */
    public static final String DEFAULT_REFERENCE_FIELD_LABEL = "HireRelay reference";
    /** The default ATS instance name. */
    public static final String DEFAULT_ATS_INSTANCE = "ats";
    /**
     * Factorial's web page of an employee. Factorial does not document its web addresses; this follows the
     * app's employee pages and is configurable for that reason.
     */
    public static final String DEFAULT_EMPLOYEE_LINK_PATTERN = "{web}/employees/{id}";

    /** The Factorial folder candidates' documents go into; created when missing. */
    public static final String DOCUMENTS_FOLDER = "documents_folder";

    /** The folder used when the admin names none. */
    public static final String DEFAULT_DOCUMENTS_FOLDER = "Recruitment";

    /** The access id Factorial records as the author of uploaded documents; the employee's own when empty. */
    public static final String DOCUMENTS_AUTHOR_ACCESS_ID = "documents_author_access_id";

    /** The account attribute under which verification stores the reference custom field's id. */
    public static final String REFERENCE_FIELD_ATTRIBUTE = "reference_field_id";

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
    /** The API version new connections use: Factorial's current one (see {@link FactorialApiVersions}). */
    public static final String DEFAULT_API_VERSION = FactorialApiVersions.CURRENT;

    private FactorialSettings() {}
}
