package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.Hiring;
import com.hirerelay.host.testing.RunningHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Issue 16 in a real browser: an admin turns on export on Hired; a hire that needs review shows on the page. */
class ExportOnHiredUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void anAdminTurnsOnExportOnHiredAndSeesAHireWhoseFieldsStayEmptyListedWithALink() {
        ApiClient admin = host.signIn(UserRole.ADMIN);
        Hiring.requireFields(admin, "team_id");

        browser.signIn(UserRole.ADMIN);
        browser.open("/settings/integrations/factorial");
        WebElement section = browser.waitVisible(testId("automation"));
        new Select(section.findElement(testId("on-hired"))).selectByValue("AUTO");
        section.findElement(testId("on-hired-save")).click();
        browser.waitFor(
                "the setting is stored",
                driver -> admin.get("/api/integrations/factorial/automation")
                        .json()
                        .get("onHired")
                        .asText()
                        .equals("AUTO"));
        browser.step("01-export-on-hired");

        Hiring.Pick pick = Hiring.hireAnActiveCandidate(host.signIn(UserRole.RECRUITER));
        browser.waitFor(
                "the automatic export stopped for review",
                driver -> admin.get("/api/automation/failures")
                                .json()
                                .get("items")
                                .size()
                        > 0);

        // The same address again: reload so the page asks the server afresh.
        browser.driver().navigate().refresh();
        WebElement row = browser.waitVisible(testId("automation-failure", "candidate-id", Long.toString(pick.id())));
        assertThat(row.getText()).contains("Needs review").contains("Team");
        assertThat(row.findElement(org.openqa.selenium.By.tagName("a")).getAttribute("href"))
                .endsWith("#/candidates/" + Long.toString(pick.id()));
        assertThat(host.sandbox().employeeByEmail(pick.email()))
                .as("not exported half-filled")
                .isEmpty();
        browser.step("02-needs-review");
    }
}
