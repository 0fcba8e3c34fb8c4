package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.MovableClock;
import com.hirerelay.host.testing.RunningHostExtension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * An admin, 45 days before Factorial is expected to stop serving the connection's API version, sees the
 * warning on the integration card, in Connection Details and in the export dialog, and upgrades with the
 * button: first to a version Factorial refuses (the connection stays where it was and says why), then for real.
 */
class ApiVersionUiTest {

    static final MovableClock clock = new MovableClock();

    @RegisterExtension
    static final RunningHostExtension host =
            RunningHostExtension.perClass().hostOptions(options -> options.withClock(clock));

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @BeforeAll
    static void connectWithAnOldVersion() {
        // 2026-04-01 is expected to end on 2027-04-01: 45 days before it, admins are warned.
        clock.moveTo(Instant.parse("2027-02-15T10:00:00Z"));
        var connected = host.signIn(UserRole.ADMIN)
                .post(
                        "/api/integrations/factorial",
                        Map.of("values", Map.of("api_key", host.sandbox().apiKey(), "api_version", "2026-04-01")));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
    }

    @Test
    void anAdminIsWarnedBeforeTheVersionEndsAndUpgradesWithTheButton() {
        JsonNode hired = host.hiredCandidates(1).get(0);
        browser.signIn(UserRole.ADMIN);
        Flows.filterHired(browser);
        WebElement dialog = Flows.openExportDialog(
                browser, Flows.row(browser, hired.get("id").asLong()).findElement(testId("row-menu-button")));
        assertThat(dialog.findElement(testId("export-version-warning")).getText())
                .as("the export dialog warns the admin")
                .contains("API version 2026-04-01 on 2027-04-01")
                .contains("Upgrade the connection to 2026-10-01");
        browser.step("01-export-dialog-warning");
        Flows.closeDialog(browser);

        browser.open("/settings/integrations");
        WebElement card = browser.waitVisible(testId("integration-card", "connector-id", "factorial"));
        assertThat(card.findElement(testId("integration-version")).getText())
                .as("the card's end date in the app's one date format")
                .isEqualTo("API version 2026-04-01 · expected to end " + browser.dayText("2027-04-01"));
        assertThat(card.findElement(testId("integration-version-warning")).getText())
                .contains("2026-04-01")
                .contains("2027-04-01");
        browser.step("02-integration-card-warning");

        card.findElement(testId("view-button")).click();
        WebElement version = browser.waitVisible(testId("api-version"));
        assertThat(version.findElement(testId("api-version-current")).getText()).isEqualTo("2026-04-01");
        assertThat(version.findElement(testId("api-version-end")).getText()).isEqualTo(browser.dayText("2027-04-01"));
        assertThat(version.findElement(testId("connection-version-warning")).getText())
                .contains("Upgrade the connection to 2026-10-01");
        WebElement upgrade = version.findElement(testId("upgrade-api-version"));
        assertThat(upgrade.getText()).isEqualTo("Upgrade to 2026-10-01");

        host.sandbox().retireVersion("2026-10-01");
        upgrade.click();
        WebElement refused = browser.waitVisible(testId("upgrade-error"));
        assertThat(refused.getText())
                .contains("did not accept API version 2026-10-01")
                .contains("stays on 2026-04-01");
        assertThat(browser.byTestId("api-version-current").getText()).isEqualTo("2026-04-01");
        browser.step("03-upgrade-refused");

        host.sandbox().serveVersionAgain("2026-10-01");
        browser.waitClickable(testId("upgrade-api-version")).click();
        browser.waitFor(Browser.textContains(testId("api-version-current"), "2026-10-01"));
        WebElement upgraded = browser.waitVisible(testId("api-version"));
        assertThat(upgraded.findElement(testId("api-version-end")).getText()).isEqualTo(browser.dayText("2027-10-01"));
        assertThat(upgraded.findElements(testId("connection-version-warning")))
                .as("no warning for a version that ends in eight months")
                .isEmpty();
        assertThat(upgraded.findElements(testId("upgrade-api-version")))
                .as("2026-10-01 is the newest stable version")
                .isEmpty();
        browser.step("04-upgraded");

        browser.open("/settings/integrations");
        WebElement after = browser.waitVisible(testId("integration-card", "connector-id", "factorial"));
        assertThat(after.findElement(testId("integration-version")).getText())
                .isEqualTo("API version 2026-10-01 · expected to end " + browser.dayText("2027-10-01"));
        assertThat(after.findElements(testId("integration-version-warning"))).isEmpty();
    }
}
