package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Issue 16 in a real browser: an admin edits an integration's mapping rules by name, previews and saves them. */
class MappingRulesUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void anAdminAddsARuleAndADefaultByNamePreviewsThemAndSavesThem() {
        browser.signIn(UserRole.ADMIN);
        browser.open("/settings/integrations/factorial");
        browser.waitClickable(testId("open-mapping")).click();
        WebElement team = browser.waitVisible(testId("mapping-field", "field", "team_id"));
        team.findElement(testId("add-rule-team_id")).click();
        WebElement rule = team.findElement(testId("mapping-rule"));
        new Select(rule.findElement(testId("rule-kind"))).selectByVisibleText("Department");
        new Select(rule.findElement(testId("rule-match"))).selectByVisibleText("Sales");
        new Select(rule.findElement(testId("rule-value"))).selectByVisibleText("Sales");
        new Select(browser.byTestId("default-location_id")).selectByVisibleText("Madrid Office");
        browser.byTestId("require-team_id").click();
        browser.step("01-rules-edited");

        browser.byTestId("mapping-preview-button").click();
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(testId("preview-summary")));
        List<String> groups = browser.texts("preview-group");
        assertThat(groups)
                .as("the Sales job's hires get the team by rule and the location by default")
                .anySatisfy(group -> assertThat(group)
                        .contains("of Account Executive would get: Location Madrid Office, Team Sales"));
        assertThat(groups)
                .as("another department's hires have no team, which the admin requires")
                .anySatisfy(group ->
                        assertThat(group).contains("of Backend Engineer").contains("needs review: Team"));
        browser.step("02-preview");

        browser.byTestId("mapping-save").click();
        browser.waitFor(
                "the saved rules are drawn again",
                driver -> !browser.allByTestId("mapping-save").isEmpty()
                        && browser.byTestId("mapping-save").isEnabled());
        JsonNode saved = host.signIn(UserRole.ADMIN)
                .get("/api/integrations/factorial/mapping")
                .json();
        assertThat(saved.get("rules").toString())
                .contains("\"matchOn\":\"DEPARTMENT\",\"matchValue\":\"Sales\"", "\"valueLabel\":\"Sales\"")
                .contains("\"matchOn\":\"DEFAULT\"", "\"valueLabel\":\"Madrid Office\"");

        browser.open("/settings/integrations/factorial/mapping");
        WebElement again = browser.waitVisible(testId("mapping-field", "field", "team_id"));
        WebElement kept = again.findElement(testId("mapping-rule"));
        assertThat(new Select(kept.findElement(testId("rule-match")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Sales");
        assertThat(new Select(browser.byTestId("default-location_id"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Madrid Office");
        assertThat(browser.byTestId("require-team_id").isSelected()).isTrue();
        browser.step("03-saved");
    }

    @Test
    void aRuleWithoutAConditionIsRefusedWithTheRuleNamedAndNothingIsSaved() {
        browser.signIn(UserRole.ADMIN);
        browser.open("/settings/integrations/factorial/mapping");
        WebElement location = browser.waitVisible(testId("mapping-field", "field", "location_id"));
        int before = host.signIn(UserRole.ADMIN)
                .get("/api/integrations/factorial/mapping")
                .json()
                .get("rules")
                .size();
        location.findElement(testId("add-rule-location_id")).click();
        new Select(location.findElement(testId("mapping-rule")).findElement(testId("rule-value")))
                .selectByVisibleText("Barcelona HQ");
        browser.byTestId("mapping-save").click();
        WebElement error = browser.waitVisible(testId("mapping-error"));
        assertThat(error.getText()).contains("nothing was saved").contains("Location rule, condition");
        assertThat(host.signIn(UserRole.ADMIN)
                        .get("/api/integrations/factorial/mapping")
                        .json()
                        .get("rules")
                        .size())
                .isEqualTo(before);
        browser.step("04-refused");
    }
}
