package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** Issue 14 in a real browser: where each value came from, and the possible-match choice. */
class ExportFidelityUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    static List<JsonNode> hired;

    @BeforeAll
    static void findHiredCandidates() {
        hired = host.hiredCandidates(3);
    }

    @Test
    void theDialogShowsWhereEachPreselectedValueCameFromUntilItIsChanged() {
        JsonNode candidate = hired.get(0);
        browser.signIn(UserRole.RECRUITER);
        Flows.filterHired(browser);
        WebElement dialog = Flows.openExportDialog(
                browser, Flows.row(browser, candidate.get("id").asLong()).findElement(testId("row-menu-button")));

        assertThat(dialog.findElement(testId("field-source-personal_email")).getText())
                .isEqualTo("From: Candidate's e-mail");
        assertThat(dialog.findElement(testId("field-source-first_name")).getText())
                .isEqualTo("From: Candidate profile");
        assertThat(dialog.findElements(testId("field-source-manager_id")))
                .as("no manager is preselected, so no source is shown")
                .isEmpty();
        assertThat(dialog.findElement(testId("draft-field-manager_id")).getAttribute("value"))
                .isEmpty();
        browser.step("01-field-sources");

        Flows.setValue(dialog.findElement(testId("draft-field-first_name")), "Edited");
        assertThat(dialog.findElement(testId("field-source-first_name")).getText())
                .isEqualTo("Changed by you");
        Flows.closeDialogDiscardingEdits(browser);
    }

    @Test
    void aPossibleMatchIsShownSideBySideAndLinkLinksThatEmployee() {
        JsonNode candidate = hired.get(1);
        String namesake = host.sandbox()
                .addEmployee(
                        candidate.get("firstName").asText(),
                        candidate.get("lastName").asText(),
                        "someone.else@acme-robotics.example",
                        null);
        browser.signIn(UserRole.RECRUITER);
        Flows.filterHired(browser);
        WebElement dialog = Flows.openExportDialog(
                browser, Flows.row(browser, candidate.get("id").asLong()).findElement(testId("row-menu-button")));

        dialog.findElement(testId("export-submit")).click();
        WebElement choice = browser.waitVisible(testId("export-possible-match"));
        assertThat(choice.getText()).contains("may already have this person").contains("Same name");
        assertThat(choice.findElement(testId("match-candidate")).getText())
                .contains(candidate.get("email").asText());
        assertThat(choice.findElement(testId("match-employee")).getText())
                .contains("someone.else@acme-robotics.example");
        assertThat(host.sandbox().employeeByEmail(candidate.get("email").asText()))
                .as("nothing created before the choice")
                .isEmpty();
        browser.step("02-possible-match");

        choice.findElement(testId("match-link")).click();
        WebElement result = browser.waitVisible(testId("export-result"));
        assertThat(result.getText()).contains("linked employee " + namesake);
        assertThat(host.sandbox().employeeByEmail(candidate.get("email").asText()))
                .as("linked, not created")
                .isEmpty();
        Flows.closeDialog(browser);
    }

    @Test
    void createNewAfterAPossibleMatchCreatesTheEmployee() {
        JsonNode candidate = hired.get(2);
        host.sandbox()
                .addEmployee(
                        candidate.get("firstName").asText(),
                        candidate.get("lastName").asText(),
                        "a.namesake@acme-robotics.example",
                        null);
        browser.signIn(UserRole.RECRUITER);
        Flows.filterHired(browser);
        WebElement dialog = Flows.openExportDialog(
                browser, Flows.row(browser, candidate.get("id").asLong()).findElement(testId("row-menu-button")));

        dialog.findElement(testId("export-submit")).click();
        browser.waitVisible(testId("export-possible-match"))
                .findElement(testId("match-create-new"))
                .click();

        WebElement result = browser.waitVisible(testId("export-result"));
        assertThat(result.getText()).startsWith("Exported to FactorialHr");
        assertThat(host.sandbox().employeeByEmail(candidate.get("email").asText()))
                .as("created beside the namesake")
                .isPresent();
        Flows.closeDialog(browser);
    }
}
