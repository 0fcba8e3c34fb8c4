package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.Hiring;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16's "Done when", end to end in a real browser: an admin sets up mapping rules and "export on Hired" on
 * the integration's settings, a recruiter records the offer and moves the candidate to Hired on the pipeline, and
 * the sandbox then holds one complete employee, without anybody opening the export dialog.
 */
class HiredToEmployeeUiTest {

    private static final String JOB = "Account Executive"; // the seed's Sales job in Madrid

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void rulesAndExportOnHiredSetInTheBrowserTurnAMoveToHiredIntoOneCompleteEmployee() {
        ApiClient admin = host.signIn(UserRole.ADMIN);
        String gmbh = optionLabel(admin, "legal_entity_id", "GmbH");
        String sl = optionLabel(admin, "legal_entity_id", "S.L.");

        // The admin: rules by name in the rules editor, then "export automatically" on Hired.
        browser.signIn(UserRole.ADMIN);
        browser.open("/settings/integrations/factorial");
        browser.waitClickable(testId("open-mapping")).click();
        addRule("team_id", "Department", "Sales", "Sales");
        new Select(browser.byTestId("default-team_id")).selectByVisibleText("Operations");
        addRule("location_id", "Location", "Madrid", "Madrid Office");
        addRule("legal_entity_id", "Location", "Madrid", gmbh);
        new Select(browser.byTestId("default-legal_entity_id")).selectByVisibleText(sl);
        browser.checkScreen("16-mapping-rules-editor");
        browser.byTestId("mapping-save").click();
        browser.waitFor(
                "the rules are saved",
                driver -> admin.get("/api/integrations/factorial/mapping")
                                .json()
                                .get("rules")
                                .size()
                        == 5);

        browser.open("/settings/integrations/factorial");
        WebElement automation = browser.waitVisible(testId("automation"));
        new Select(automation.findElement(testId("on-hired"))).selectByVisibleText("Export automatically");
        automation.findElement(testId("on-hired-save")).click();
        browser.waitFor(
                "export on Hired is stored",
                driver -> admin.get("/api/integrations/factorial/automation")
                        .json()
                        .get("onHired")
                        .asText()
                        .equals("AUTO"));

        // The recruiter: records the offer on the candidate page, then moves the card to Hired on the pipeline.
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        Hiring.Pick pick = Hiring.activeCandidateOfJob(recruiter, JOB);
        browser.signIn(UserRole.RECRUITER);
        browser.open("/candidates/" + pick.id());
        browser.waitClickable(testId("offer-edit")).click();
        Flows.setValue(browser.waitVisible(testId("offer-offerJobTitle")), "Senior Account Executive");
        Flows.setValue(browser.byTestId("offer-offerStartDate"), "2027-03-01");
        Flows.setValue(browser.byTestId("offer-salaryAmount"), "52000");
        new Select(browser.byTestId("offer-salaryCurrency")).selectByValue("EUR");
        new Select(browser.byTestId("offer-salaryPeriod")).selectByValue("YEARLY");
        browser.byTestId("offer-save").click();
        browser.waitFor(
                "the offer is shown saved",
                driver -> browser.byTestId("candidate-offer").getText().contains("Senior Account Executive"));

        long jobId = pick.candidate().get("job").get("id").asLong();
        browser.open("/jobs/" + jobId + "/pipeline");
        WebElement move = browser.waitVisible(testId("pipeline-card", "candidate-id", Long.toString(pick.id())))
                .findElement(testId("move-button"));
        List<WebElement> stages = browser.openMenu(move);
        stages.stream()
                .filter(item -> item.getText().equals("Hired"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Hired in the Move to… menu"))
                .click();
        browser.waitVisible(By.cssSelector("[data-testid='pipeline-stage'][data-stage-id='" + pick.hiredStage()
                + "'] [data-testid='pipeline-card'][data-candidate-id='" + pick.id() + "']"));
        assertThat(browser.driver().findElements(By.cssSelector(".modal-backdrop")))
                .as("no dialog opens on the way to Hired")
                .isEmpty();

        // The sandbox: one employee, complete.
        Hiring.waitUntil(
                "the candidate is exported on Hired", () -> Hiring.employeesWithEmail(host, pick.email()) == 1);
        Map<String, Object> employee =
                host.sandbox().employeeByEmail(pick.email()).orElseThrow();
        String employeeId = String.valueOf(employee.get("id"));
        // the contract step follows the create: wait for it rather than read the version the create made
        Hiring.waitUntil(
                "the export's contract step set the salary",
                () -> host.sandbox().contractVersions(employeeId).stream()
                        .anyMatch(version -> version.get("salary_amount") != null));
        assertThat(host.sandbox().teamIdsOf(employeeId))
                .as("team by the department rule (Sales), not the default")
                .containsExactly(optionValue(admin, "team_id", "Sales"));
        assertThat(String.valueOf(employee.get("location_id")))
                .as("location by the location rule")
                .isEqualTo(optionValue(admin, "location_id", "Madrid Office"));
        assertThat(String.valueOf(employee.get("legal_entity_id")))
                .as("legal entity by the location rule, not the default")
                .isEqualTo(optionValue(admin, "legal_entity_id", gmbh));
        List<Map<String, Object>> contracts = host.sandbox().contractVersions(employeeId);
        assertThat(contracts).as("the employee's contract versions").isNotEmpty();
        Map<String, Object> contract = contracts.get(contracts.size() - 1);
        assertThat(contract.get("job_title")).as("job title from the offer").isEqualTo("Senior Account Executive");
        assertThat(String.valueOf(contract.get("salary_amount")))
                .as("salary from the offer, in cents")
                .isEqualTo("5200000");
        assertThat(contract.get("salary_frequency")).isEqualTo("yearly");
        assertThat(String.valueOf(employee.get("first_name")))
                .isEqualTo(pick.candidate().get("firstName").asText());
        browser.step("done-employee-exported");

        // Exactly once: the move is not exported a second time a while later.
        Hiring.waitUntil(
                "the candidate's export is recorded",
                () -> !recruiter
                        .get("/api/candidates/" + pick.id())
                        .json()
                        .get("exports")
                        .isEmpty());
        assertThat(Hiring.employeesWithEmail(host, pick.email())).isEqualTo(1);
    }

    /** Adds a rule "when the job's [kind] is [match], set [field] to [value]" in the field's card. */
    private static void addRule(String field, String kind, String match, String value) {
        WebElement card = browser.waitVisible(testId("mapping-field", "field", field));
        int before = card.findElements(testId("mapping-rule")).size();
        WebElement add = card.findElement(testId("add-rule-" + field));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", add); // clear of the sticky top bar
        add.click();
        WebElement rule = card.findElements(testId("mapping-rule")).get(before);
        new Select(rule.findElement(testId("rule-kind"))).selectByVisibleText(kind);
        new Select(rule.findElement(testId("rule-match"))).selectByVisibleText(match);
        new Select(rule.findElement(testId("rule-value"))).selectByVisibleText(value);
    }

    private static JsonNode field(ApiClient admin, String key) {
        return StreamSupport.stream(
                        admin.get("/api/integrations/factorial/mapping")
                                .json()
                                .get("fields")
                                .spliterator(),
                        false)
                .filter(f -> f.get("key").asText().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no field " + key));
    }

    /** The label of the field's first option whose label contains that text. */
    private static String optionLabel(ApiClient admin, String key, String contains) {
        return StreamSupport.stream(field(admin, key).get("options").spliterator(), false)
                .map(option -> option.get("label").asText())
                .filter(label -> label.contains(contains))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " option with " + contains));
    }

    private static String optionValue(ApiClient admin, String key, String label) {
        return StreamSupport.stream(field(admin, key).get("options").spliterator(), false)
                .filter(option -> option.get("label").asText().equals(label))
                .map(option -> option.get("value").asText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " option " + label));
    }
}
