package com.hirerelay.factorial.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.settings.ConnectionDetail;
import com.hirerelay.api.settings.SettingField;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactorialSettingsPanelTest {

    private final FactorialSettingsPanel panel = new FactorialSettingsPanel();

    @Test
    void declaresTheKeyAsTheOnlySecret() {
        assertThat(panel.connectForm().secretKeys()).containsExactly("api_key");
    }

    @Test
    void offersTheDefaultsAnAdminMaySet() {
        assertThat(panel.connectForm().fields())
                .extracting(SettingField::key)
                .contains(
                        "environment",
                        "api_version",
                        "send_invitation",
                        "default_legal_entity_id",
                        "default_location_id",
                        "default_team_id");
    }

    @Test
    void refusesMalformedValuesByKey() {
        assertThat(panel.validate(Map.of("environment", "staging", "api_version", "April")))
                .extracting(FieldError::field)
                .containsExactly("environment", "api_version");
        assertThat(panel.validate(Map.of("api_key", "k")))
                .as("production with defaults")
                .isEmpty();
    }

    @Test
    void showsCompanyAndEnvironmentButNeverTheKey() {
        ConnectionSettings settings = new ConnectionSettings(
                "c1", Map.of("api_key", "secret-key-value", "environment", "demo"), Set.of("api_key"), Map.of());

        var details = panel.connectionDetails(new ConnectedAccount("Acme", "55", Map.of("company_id", "55")), settings);

        assertThat(details)
                .extracting(ConnectionDetail::value)
                .contains("Acme", "55", "Demo")
                .noneMatch(value -> value.contains("secret-key-value"));
        assertThat(details)
                .extracting(ConnectionDetail::label)
                .as("the version is the host's to show, from apiVersionStatus, not a second line here")
                .doesNotContain("API version");
        assertThat(panel.apiVersionStatus(settings, java.time.LocalDate.parse("2027-08-02")))
                .get()
                .satisfies(status -> {
                    assertThat(status.version()).isEqualTo("2026-10-01");
                    assertThat(status.expectedEnd()).hasToString("2027-10-01");
                    assertThat(status.warning()).as("60 days before the end").contains("2027-10-01");
                });
    }
}
