package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The integration guide, followed literally in the browser by an admin: connect, view, remove Factorial. */
class IntegrationSettingsUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    private static final By FACTORIAL_CARD = testId("integration-card", "connector-id", "factorial");

    @Test
    void adminConnectsViewsAndRemovesFactorialFromSettingsAccountIntegrations() {
        String apiKey = host.sandbox().apiKey();
        WebElement signInForm = browser.showSignIn();
        assertThat(signInForm.getText()).contains("Sign in");
        browser.screen("01-sign-in");
        browser.signIn(ADMIN);

        // Settings > Account > Integrations
        browser.waitClickable(testId("nav-settings")).click();
        browser.waitFor(ExpectedConditions.urlContains("#/settings/integrations"));
        WebElement settingsNav = browser.waitVisible(By.cssSelector("nav.settings-nav"));
        assertThat(settingsNav.getText()).containsIgnoringCase("Account").contains("Integrations");
        assertThat(browser.waitVisible(testId("settings-path")).getText())
                .contains("Settings")
                .contains("Account")
                .contains("Integrations");

        WebElement section = browser.waitVisible(testId("integration-section", "category", "HRIS"));
        assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("Human resources information systems");
        WebElement card = section.findElement(FACTORIAL_CARD);
        assertThat(card.findElement(By.tagName("h3")).getText()).containsIgnoringCase("Factorial");
        assertThat(card.findElement(testId("integration-status")).getText()).isEqualTo("Not connected");
        browser.step("01-integrations-not-connected");
        browser.screen("07-integrations-page");

        // Connect opens the form: the API key is a password field with help text and a help link
        card.findElement(testId("connect-button")).click();
        WebElement form = browser.waitVisible(testId("connect-form"));
        WebElement key = form.findElement(testId("setting-api_key"));
        assertThat(key.getAttribute("type")).isEqualTo("password");
        assertThat(key.getAttribute("value")).isEmpty();
        WebElement help = form.findElement(By.id(key.getAttribute("id") + "-help"));
        assertThat(help.isDisplayed()).as("help under the API key").isTrue();
        assertThat(help.getText()).isNotBlank();
        WebElement helpLink = help.findElement(testId("help-link"));
        assertThat(helpLink.getAttribute("href")).startsWith("http");
        assertThat(helpLink.getAttribute("target")).isEqualTo("_blank");
        assertThat(helpLink.getAttribute("rel")).contains("noopener");
        browser.step("02-connect-form");
        browser.screen("08-connect-form");

        // A wrong key: the plugin's error beside the field, the form stays open
        key.sendKeys("wrong-key-0000");
        form.findElement(testId("connect-submit")).click();
        WebElement keyError = browser.waitVisible(testId("field-error-api_key"));
        assertThat(keyError.getText()).isNotBlank();
        assertThat(key.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(key.findElement(By.xpath("..")).findElement(testId("field-error-api_key")))
                .as("the error sits in the API key's own field row")
                .isEqualTo(keyError);
        assertThat(form.findElement(testId("connect-error")).isDisplayed())
                .as("the plugin's message is shown once, beside the field, not repeated under the form")
                .isFalse();
        assertThat(browser.pageSource()).doesNotContain(apiKey);
        browser.step("03-wrong-key");

        // The sandbox key connects
        key.clear();
        key.sendKeys(apiKey);
        form.findElement(testId("connect-submit")).click();
        browser.waitNoModal();
        browser.waitFor("Factorial card shows Connected", d -> {
            var cards = d.findElements(FACTORIAL_CARD);
            return !cards.isEmpty()
                    && cards.get(0)
                            .findElement(testId("integration-status"))
                            .getText()
                            .equals("Connected");
        });
        WebElement connectedCard = browser.driver().findElement(FACTORIAL_CARD);
        assertThat(connectedCard.findElements(testId("connect-button"))).isEmpty();
        assertThat(browser.pageSource()).doesNotContain(apiKey);
        browser.step("04-connected");

        // View: Connection Details with the company name and a masked key, never the key itself
        connectedCard.findElement(testId("view-button")).click();
        WebElement details = browser.waitVisible(testId("connection-details"));
        assertThat(details.findElement(By.tagName("h2")).getText()).isEqualTo("Connection Details");
        String company = host.sandbox().config().companyName();
        assertThat(details.getText()).contains(company);
        String masked = details.findElement(By.xpath(".//dt[normalize-space()='API key']/following-sibling::dd[1]"))
                .getText();
        assertThat(masked).as("a masked API key in the details").matches("•+.{0,4}");
        assertThat(apiKey).endsWith(masked.replace("•", ""));
        assertThat(browser.pageSource()).as("the page never holds the API key").doesNotContain(apiKey);
        browser.step("05-connection-details");
        browser.screen("09-connection-details");

        // Remove Integration asks for confirmation; Cancel keeps it
        browser.waitClickable(testId("remove-integration")).click();
        browser.waitVisible(testId("confirm-remove-dialog"));
        browser.waitClickable(testId("confirm-cancel")).click();
        browser.waitNoModal();
        assertThat(browser.driver().findElements(testId("connection-details"))).hasSize(1);
        assertThat(host.signIn(ADMIN).get("/api/integrations/factorial").status())
                .isEqualTo(200);

        browser.waitClickable(testId("remove-integration")).click();
        WebElement confirm = browser.waitVisible(testId("confirm-remove-dialog"));
        assertThat(confirm.getText()).contains("Remove");
        browser.step("06-confirm-remove");
        browser.waitClickable(testId("confirm-remove")).click();

        // Back on the integrations page, the card offers Connect again
        browser.waitFor(ExpectedConditions.urlMatches("#/settings/integrations$"));
        WebElement again = browser.waitVisible(FACTORIAL_CARD);
        browser.waitFor(
                "card back to Connect",
                d -> !d.findElement(FACTORIAL_CARD)
                        .findElements(testId("connect-button"))
                        .isEmpty());
        assertThat(browser.driver()
                        .findElement(FACTORIAL_CARD)
                        .findElement(testId("integration-status"))
                        .getText())
                .isEqualTo("Not connected");
        assertThat(again).isNotNull();
        assertThat(host.signIn(ADMIN).get("/api/integrations/factorial").status())
                .isEqualTo(404);
        browser.step("07-removed");
    }

    @Test
    void moreSettingsOfferTheAccountsLegalEntitiesLocationsAndTeamsByNameInsteadOfIds() {
        browser.signIn(ADMIN);
        browser.open("/settings/integrations");
        browser.waitVisible(FACTORIAL_CARD)
                .findElement(testId("connect-button"))
                .click();
        WebElement form = browser.waitVisible(testId("connect-form"));

        // Before the key is in, the defaults cannot be chosen yet, and the form says why
        form.findElement(testId("more-settings")).click();
        WebElement team = form.findElement(testId("setting-default_team_id"));
        assertThat(team.getTagName()).isEqualTo("select");
        assertThat(team.isEnabled()).isFalse();
        WebElement status = form.findElement(testId("connect-choices-status"));
        assertThat(status.getText()).contains("Fill in the fields above first");
        assertThat(form.getText()).doesNotContain("team id", "legal entity id", "location id");

        // A wrong key: the choices cannot be read, and the form says so
        WebElement key = form.findElement(testId("setting-api_key"));
        key.sendKeys("wrong-key-0000", org.openqa.selenium.Keys.TAB);
        browser.waitFor("the refusal", d -> status.getText().startsWith("The choices could not be read: "));
        assertThat(team.isEnabled()).isFalse();

        // The sandbox key: Factorial's teams by name
        key.clear();
        key.sendKeys(host.sandbox().apiKey(), org.openqa.selenium.Keys.TAB);
        browser.waitFor("teams read from Factorial", d -> team.isEnabled());
        List<WebElement> teams = new Select(team)
                .getOptions().stream()
                        .filter(o -> !o.getAttribute("value").isEmpty())
                        .toList();
        assertThat(teams).isNotEmpty();
        assertThat(teams).allSatisfy(o -> assertThat(o.getText()).doesNotMatch("\\d+"));
        assertThat(new Select(form.findElement(testId("setting-default_legal_entity_id"))).getOptions())
                .hasSizeGreaterThan(1);
        WebElement chosen = teams.get(teams.size() - 1);
        String teamId = chosen.getAttribute("value");
        new Select(team).selectByValue(teamId);
        browser.step("08-defaults-by-name");
        form.findElement(testId("connect-submit")).click();
        browser.waitNoModal();

        // Every export now starts with that team chosen
        long candidateId = host.hiredCandidates(1).get(0).get("id").asLong();
        JsonNode draft = host.signIn(RECRUITER)
                .get("/api/candidates/" + candidateId + "/exports/factorial/draft")
                .json();
        JsonNode teamField = null;
        for (JsonNode field : draft.get("fields")) {
            if (field.get("key").asText().equals("team_id")) {
                teamField = field;
            }
        }
        assertThat(teamField).isNotNull();
        assertThat(teamField.get("value").asText()).isEqualTo(teamId);

        assertThat(host.signIn(ADMIN).delete("/api/integrations/factorial").status())
                .isEqualTo(204);
    }
}
