package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import java.util.Map;
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
        var required = admin.put(
                "/api/integrations/factorial/mapping",
                Map.of("rules", List.of(), "requiredFields", List.of("team_id")));
        assertThat(required.status()).as(required.toString()).isEqualTo(200);

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

        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        JsonNode candidate = recruiter
                .get("/api/candidates?status=ACTIVE&pageSize=1")
                .json()
                .get("items")
                .get(0);
        long hiredStage = 0;
        for (JsonNode stage : recruiter
                .get("/api/jobs/" + candidate.get("job").get("id").asLong())
                .json()
                .get("stages")) {
            if (stage.get("hired").asBoolean()) {
                hiredStage = stage.get("id").asLong();
            }
        }
        var moved = recruiter.put("/api/candidates/" + candidate.get("id").asLong(), Map.of("stageId", hiredStage));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        browser.waitFor(
                "the automatic export stopped for review",
                driver -> admin.get("/api/automation/failures")
                                .json()
                                .get("items")
                                .size()
                        > 0);

        // The same address again: reload so the page asks the server afresh.
        browser.driver().navigate().refresh();
        WebElement row = browser.waitVisible(
                testId("automation-failure", "candidate-id", candidate.get("id").asText()));
        assertThat(row.getText()).contains("Needs review").contains("Team");
        assertThat(row.findElement(org.openqa.selenium.By.tagName("a")).getAttribute("href"))
                .endsWith("#/candidates/" + candidate.get("id").asText());
        assertThat(host.sandbox().employeeByEmail(candidate.get("email").asText()))
                .as("not exported half-filled")
                .isEmpty();
        browser.step("02-needs-review");
    }
}
