package com.hirerelay.factorial.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.settings.ApiVersionStatus;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactorialApiVersionsTest {

    private final FactorialSettingsPanel panel = new FactorialSettingsPanel();

    private ApiVersionStatus on(String version, String day) {
        ConnectionSettings settings = new ConnectionSettings(
                "c1", Map.of("api_key", "k", "api_version", version), Set.of("api_key"), Map.of());
        return panel.apiVersionStatus(settings, LocalDate.parse(day)).orElseThrow();
    }

    @Test
    void eachVersionIsExpectedToEndAYearAfterItsDate() {
        assertThat(on("2026-04-01", "2026-12-01").expectedEnd()).isEqualTo(LocalDate.parse("2027-04-01"));
        assertThat(on("2026-10-01", "2026-12-01").expectedEnd()).isEqualTo(LocalDate.parse("2027-10-01"));
    }

    @Test
    void theWarningStartsSixtyDaysBeforeTheEnd() {
        assertThat(on("2026-04-01", "2027-01-30").warning())
                .as("61 days before")
                .isNull();
        assertThat(on("2026-04-01", "2027-01-31").warning())
                .as("60 days before")
                .contains("2027-04-01")
                .contains("Upgrade the connection to 2026-10-01");
        assertThat(on("2026-04-01", "2027-05-01").warning()).as("after the end").contains("was expected to stop");
    }

    @Test
    void anOlderVersionIsOfferedTheUpgradeToTheCurrentStableOne() {
        ApiVersionStatus status = on("2026-04-01", "2026-12-01");

        assertThat(status.upgradeTo()).isEqualTo("2026-10-01");
        assertThat(status.upgradeSettings()).containsExactly(Map.entry("api_version", "2026-10-01"));
        assertThat(on("2026-10-01", "2026-12-01").upgradeTo())
                .as("the current version is not offered the preview early")
                .isNull();
        assertThat(on("2026-10-01", "2027-08-15").upgradeTo())
                .as("near its end, the preview is the way forward")
                .isEqualTo("2027-01-01");
    }
}
