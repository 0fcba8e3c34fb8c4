package com.hirerelay.factorial.settings;

import static com.hirerelay.factorial.settings.FactorialSettings.*;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.hris.ConnectionSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a connection's Factorial lives: the API host, the web app where people open employees, and the
 * dated API version, resolved from the connect form.
 *
 * <p>An employee's link follows {@link #linkPattern()}, by default {@code {web}/employees/{id}}: Factorial
 * documents its web apps (production and demo) but not the address of an employee page, so the pattern
 * is a setting. For a custom base URL {@code {web}} is that URL, where the Factorial sandbox serves a
 * read-only page per employee.
 *
 * @param name {@link FactorialSettings#PRODUCTION}, {@link FactorialSettings#DEMO} or
 *             {@link FactorialSettings#CUSTOM}
 * @param apiBase the API host without a trailing slash
 * @param webBase the web app's address without a trailing slash
 * @param apiVersion the dated API version
 * @param linkPattern the employee page address, with {@code {web}} and {@code {id}} placeholders
 */
public record FactorialEnvironment(String name, URI apiBase, URI webBase, String apiVersion, String linkPattern) {

    /**
     * Resolves the settings.
     *
     * @param settings the connect form's values
     * @return the environment
     * @throws ValidationFailedException naming the setting keys that are malformed
     */
    public static FactorialEnvironment from(ConnectionSettings settings) {
        List<FieldError> errors = problems(settings.values());
        if (!errors.isEmpty()) {
            throw new ValidationFailedException("The Factorial connection settings are not valid", errors);
        }
        String environment = settings.valueOr(ENVIRONMENT, PRODUCTION);
        String version = settings.valueOr(API_VERSION, DEFAULT_API_VERSION);
        String pattern = settings.valueOr(EMPLOYEE_LINK_PATTERN, DEFAULT_EMPLOYEE_LINK_PATTERN);
        return switch (environment) {
            case DEMO ->
                new FactorialEnvironment(DEMO, URI.create(DEMO_BASE_URL), URI.create(DEMO_WEB_URL), version, pattern);
            case CUSTOM -> {
                URI base = URI.create(settings.value(BASE_URL).orElseThrow().replaceAll("/+$", ""));
                yield new FactorialEnvironment(CUSTOM, base, base, version, pattern);
            }
            default ->
                new FactorialEnvironment(
                        PRODUCTION, URI.create(PRODUCTION_BASE_URL), URI.create(PRODUCTION_WEB_URL), version, pattern);
        };
    }

    /**
     * Checks the form's values: environment, base URL, API version and the optional default ids.
     *
     * @param values key to value; blank values count as absent
     * @return the problems, by setting key; empty when the values are usable
     */
    public static List<FieldError> problems(Map<String, String> values) {
        List<FieldError> errors = new ArrayList<>();
        String environment = strip(values.get(ENVIRONMENT));
        if (environment != null && !List.of(PRODUCTION, DEMO, CUSTOM).contains(environment)) {
            errors.add(new FieldError(ENVIRONMENT, "Choose Production, Demo or Custom."));
        }
        String baseUrl = strip(values.get(BASE_URL));
        if (CUSTOM.equals(environment) && baseUrl == null) {
            errors.add(new FieldError(BASE_URL, "Enter the base URL for the Custom environment."));
        } else if (baseUrl != null && !baseUrl.matches("https?://[^\\s/:?#]+(:\\d{1,5})?/?")) {
            errors.add(new FieldError(BASE_URL, "Enter a URL such as https://api.factorialhr.com, without a path."));
        }
        String version = strip(values.get(API_VERSION));
        if (version != null && !isDate(version)) {
            errors.add(new FieldError(API_VERSION, "Enter a version such as 2026-04-01."));
        }
        for (String key : List.of(READ_TIMEOUT_SECONDS)) {
            String seconds = strip(values.get(key));
            if (seconds != null
                    && (!seconds.matches("\\d{1,3}")
                            || Integer.parseInt(seconds) < 1
                            || Integer.parseInt(seconds) > 300)) {
                errors.add(new FieldError(key, "Enter a number of seconds from 1 to 300, or leave it empty."));
            }
        }
        String instance = strip(values.get(ATS_INSTANCE));
        if (instance != null && !instance.matches("[A-Za-z0-9._-]{1,40}")) {
            errors.add(new FieldError(
                    ATS_INSTANCE, "Use 1 to 40 letters, digits, dots, dashes or underscores, such as acme-ats."));
        }
        String store = strip(values.get(REFERENCE_STORE));
        if (store != null
                && !List.of(STORE_CUSTOM_FIELD, STORE_COMPANY_IDENTIFIER).contains(store)) {
            errors.add(new FieldError(REFERENCE_STORE, "Choose a custom field or the employee number."));
        }
        String target = strip(values.get(CANDIDATE_EMAIL_TARGET));
        if (target != null && !List.of(EMAIL_PERSONAL, EMAIL_LOGIN).contains(target)) {
            errors.add(new FieldError(CANDIDATE_EMAIL_TARGET, "Choose the personal or the login e-mail."));
        }
        String pattern = strip(values.get(EMPLOYEE_LINK_PATTERN));
        if (pattern != null
                && (!pattern.contains("{id}")
                        || !pattern.replace("{web}", "https://x")
                                .replace("{id}", "1")
                                .matches("https?://\\S+"))) {
            errors.add(
                    new FieldError(
                            EMPLOYEE_LINK_PATTERN,
                            "Enter an address with {id}, such as {web}/employees/{id} or https://app.factorialhr.com/employees/{id}."));
        }
        for (String key : List.of(DEFAULT_LEGAL_ENTITY_ID, DEFAULT_LOCATION_ID, DEFAULT_TEAM_ID, REFERENCE_FIELD_ID)) {
            String id = strip(values.get(key));
            if (id != null && !id.matches("[A-Za-z0-9_-]{1,64}")) {
                errors.add(new FieldError(key, "Enter the Factorial id, such as 42, or leave it empty."));
            }
        }
        return errors;
    }

    private static boolean isDate(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return false;
        }
        try {
            java.time.LocalDate.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException notADate) {
            return false;
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * @param employeeId a Factorial employee id
     * @return where a person opens the employee in Factorial's web app
     */
    public URI employeeLink(String employeeId) {
        String id = java.net.URLEncoder.encode(employeeId, java.nio.charset.StandardCharsets.UTF_8);
        return URI.create(linkPattern.replace("{web}", webBase.toString()).replace("{id}", id));
    }

    /** @return the environment in words, for messages */
    public String describe() {
        return switch (name) {
            case DEMO -> "Demo environment (" + apiBase.getHost() + ")";
            case CUSTOM -> "custom environment (" + apiBase + ")";
            default -> "Production environment (" + apiBase.getHost() + ")";
        };
    }
}
