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
 * <p>The web address of a custom environment is a guess: Factorial documents the production and demo
 * apps only, so for a custom base URL the employee link is {@code {base}/employees/{id}}.
 *
 * @param name {@link FactorialSettings#PRODUCTION}, {@link FactorialSettings#DEMO} or
 *             {@link FactorialSettings#CUSTOM}
 * @param apiBase the API host without a trailing slash
 * @param webBase the web app's address without a trailing slash
 * @param apiVersion the dated API version
 */
public record FactorialEnvironment(String name, URI apiBase, URI webBase, String apiVersion) {

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
        return switch (environment) {
            case DEMO -> new FactorialEnvironment(DEMO, URI.create(DEMO_BASE_URL), URI.create(DEMO_WEB_URL), version);
            case CUSTOM -> {
                URI base = URI.create(settings.value(BASE_URL).orElseThrow().replaceAll("/+$", ""));
                yield new FactorialEnvironment(CUSTOM, base, base, version);
            }
            default ->
                new FactorialEnvironment(
                        PRODUCTION, URI.create(PRODUCTION_BASE_URL), URI.create(PRODUCTION_WEB_URL), version);
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
        for (String key : List.of(DEFAULT_LEGAL_ENTITY_ID, DEFAULT_LOCATION_ID, DEFAULT_TEAM_ID)) {
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
        return URI.create(webBase + "/employees/"
                + java.net.URLEncoder.encode(employeeId, java.nio.charset.StandardCharsets.UTF_8));
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
