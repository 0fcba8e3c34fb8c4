package com.hirerelay.factorial.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.HrisConnection;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactorialConnectorTest {

    private final FactorialConnector connector = new FactorialConnector();

    @Test
    void opensWithoutIoAndReportsMalformedSettingsOnVerify() {
        ConnectionSettings settings = new ConnectionSettings(
                "c1", Map.of("api_key", "k", "environment", "custom"), Set.of("api_key"), Map.of());

        try (HrisConnection connection = connector.open(settings)) {
            assertThatThrownBy(connection::verify)
                    .isInstanceOfSatisfying(
                            ValidationFailedException.class,
                            invalid -> assertThat(invalid.fieldErrors())
                                    .extracting(FieldError::field)
                                    .containsExactly("base_url"));
        }
    }

    @Test
    void reportsAMissingKeyOnTheKeyField() {
        ConnectionSettings settings = new ConnectionSettings("c1", Map.of(), Set.of("api_key"), Map.of());

        try (HrisConnection connection = connector.open(settings)) {
            assertThatThrownBy(connection::verify)
                    .isInstanceOfSatisfying(
                            ValidationFailedException.class,
                            invalid -> assertThat(invalid.fieldErrors())
                                    .extracting(FieldError::field)
                                    .containsExactly("api_key"));
        }
    }

    @Test
    void describesTheConnectionWithoutTheKey() {
        ConnectionSettings settings =
                new ConnectionSettings("c1", Map.of("api_key", "very-secret-key"), Set.of("api_key"), Map.of());

        try (HrisConnection connection = connector.open(settings)) {
            assertThat(connection.toString())
                    .contains("c1")
                    .contains("Production")
                    .doesNotContain("very-secret-key");
        }
    }
}
