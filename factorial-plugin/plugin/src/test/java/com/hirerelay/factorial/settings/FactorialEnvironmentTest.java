package com.hirerelay.factorial.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.hris.ConnectionSettings;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactorialEnvironmentTest {

    private static ConnectionSettings settings(Map<String, String> values) {
        return new ConnectionSettings("c1", values, Set.of("api_key"), Map.of());
    }

    @Test
    void defaultsToProductionAndTheSdkVersion() {
        FactorialEnvironment environment = FactorialEnvironment.from(settings(Map.of("api_key", "k")));

        assertThat(environment.apiBase()).isEqualTo(URI.create("https://api.factorialhr.com"));
        assertThat(environment.apiVersion()).as("Factorial's current version").isEqualTo("2026-10-01");
        assertThat(environment.employeeLink("4711"))
                .isEqualTo(URI.create("https://app.factorialhr.com/employees/4711"));
    }

    @Test
    void selectsTheDemoClusterByName() {
        FactorialEnvironment environment =
                FactorialEnvironment.from(settings(Map.of("environment", "demo", "api_version", "2026-07-01")));

        assertThat(environment.apiBase()).isEqualTo(URI.create("https://api.eu2.demo.factorial.dev"));
        assertThat(environment.apiVersion())
                .as("a later version works by changing the setting")
                .isEqualTo("2026-07-01");
        assertThat(environment.employeeLink("1")).isEqualTo(URI.create("https://app.demo.factorial.dev/employees/1"));
    }

    @Test
    void usesACustomBaseUrlForApiAndLinks() {
        FactorialEnvironment environment = FactorialEnvironment.from(
                settings(Map.of("environment", "custom", "base_url", "http://127.0.0.1:8089/")));

        assertThat(environment.apiBase()).isEqualTo(URI.create("http://127.0.0.1:8089"));
        assertThat(environment.employeeLink("9")).isEqualTo(URI.create("http://127.0.0.1:8089/employees/9"));
    }

    @Test
    void namesTheMalformedSettings() {
        assertThatThrownBy(() -> FactorialEnvironment.from(settings(
                        Map.of("environment", "custom", "api_version", "2026-13-01", "default_team_id", "a b"))))
                .isInstanceOfSatisfying(
                        ValidationFailedException.class,
                        invalid -> assertThat(invalid.fieldErrors())
                                .extracting(FieldError::field)
                                .containsExactly("base_url", "api_version", "default_team_id"));
    }

    @Test
    void refusesABaseUrlWithAPath() {
        assertThat(FactorialEnvironment.problems(Map.of("environment", "custom", "base_url", "https://x.io/api")))
                .extracting(FieldError::field)
                .containsExactly("base_url");
    }
}
