package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.ui.Browser.testId;
import static com.hirerelay.host.ui.Flows.EXPORT_LABEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.RunningHostExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Re-export means update, in a real browser against the Factorial sandbox: a change of start date and salary in
 * the ATS shows "Changed since export" on the candidate page, the list and the pipeline card; the update dialog
 * compares per field and sends the changed fields; an edit typed in the dialog updates exactly that field.
 */
class EmployeeUpdateUiTest {

    private static final By PAGE_MENU = By.cssSelector(".page-actions [data-testid='row-menu-button']");

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    private static void openCandidate(JsonNode candidate) {
        browser.open("/candidates/" + candidate.get("id").asLong());
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                testId("candidate-name"), candidate.get("firstName").asText()));
    }

    /** Exports through the dialog as a person does; returns the employee id. */
    private static String exportThroughTheDialog() {
        WebElement menu = browser.waitClickable(PAGE_MENU);
        WebElement dialog = Flows.openExportDialog(browser, menu);
        String employeeId = Flows.submitExport(browser, dialog, "Exported to FactorialHr: employee ");
        Flows.closeDialog(browser);
        // the page reloads itself after an export: its menu is used again only once it has
        browser.waitFor(ExpectedConditions.stalenessOf(menu));
        return employeeId;
    }

    /** Opens the candidate page's "Export to FactorialHr", which opens in update mode for an exported candidate. */
    private static WebElement openUpdateFromTheMenu() {
        List<WebElement> items = browser.openMenu(browser.waitClickable(PAGE_MENU));
        items.stream()
                .filter(item -> item.getText().equals(EXPORT_LABEL))
                .findFirst()
                .orElseThrow()
                .click();
        WebElement dialog = browser.waitVisible(testId("export-dialog"));
        browser.waitVisible(testId("update-submit"));
        return dialog;
    }

    private static WebElement row(WebElement dialog, String key) {
        return dialog.findElement(By.cssSelector("[data-testid='update-row'][data-key='" + key + "']"));
    }

    @Test
    void aChangedStartDateAndSalaryAreNoticedAndTheUpdateReachesTheContract() {
        JsonNode candidate = host.hiredCandidates(1).get(0);
        long id = candidate.get("id").asLong();
        browser.signIn(RECRUITER);
        openCandidate(candidate);
        String employeeId = exportThroughTheDialog();
        JsonNode offer =
                host.signIn(RECRUITER).get("/api/candidates/" + id).json().get("offer");
        String newStart =
                LocalDate.parse(offer.get("startDate").asText()).plusDays(7).toString();
        String newSalary = new BigDecimal(offer.get("salaryAmount").asText())
                .add(new BigDecimal("3000"))
                .toPlainString();

        // The recruiter changes the offer on the candidate page
        browser.waitClickable(testId("offer-edit")).click();
        Flows.setValue(browser.waitVisible(testId("offer-offerStartDate")), newStart);
        Flows.setValue(browser.byTestId("offer-salaryAmount"), newSalary);
        browser.byTestId("offer-save").click();
        WebElement mark = browser.waitVisible(testId("candidate-changed-since-export"));
        assertThat(mark.getText())
                .contains("Changed since export to FactorialHr")
                .contains("Start date")
                .contains("Salary")
                .doesNotContain("Job title");

        // The list row and the pipeline card say so too
        browser.open("/candidates?status=HIRED");
        WebElement listRow = Flows.row(browser, id);
        assertThat(listRow.findElement(testId("changed-since-export")).getText())
                .contains("Changed since export to FactorialHr: Start date, Salary");
        if (candidate.get("job") != null && candidate.get("job").hasNonNull("id")) {
            browser.open("/jobs/" + candidate.get("job").get("id").asLong() + "/pipeline");
            browser.waitFor(
                    "the pipeline card's mark",
                    d -> d.findElements(testId("changed-since-export")).stream()
                            .anyMatch(e -> e.getText().contains("Start date, Salary")));
        }

        // From the mark: the update dialog, both fields marked and preselected
        openCandidate(candidate);
        browser.waitClickable(testId("send-update")).click();
        WebElement dialog = browser.waitVisible(testId("export-dialog"));
        WebElement submit = browser.waitVisible(testId("update-submit"));
        assertThat(submit.getText()).isEqualTo("Update 2 fields in FactorialHr");
        WebElement start = row(dialog, "contract_starts_on");
        assertThat(start.getText())
                .contains("Changed in the ATS")
                .contains("In FactorialHr now")
                .contains("Sent last time");
        assertThat(start.findElement(testId("update-hr-contract_starts_on")).getText())
                .isEqualTo(browser.dayText(offer.get("startDate").asText()));
        assertThat(start.findElement(testId("update-choose-contract_starts_on")).isSelected())
                .isTrue();
        assertThat(row(dialog, "salary_amount")
                        .findElement(testId("update-choose-salary_amount"))
                        .isSelected())
                .isTrue();
        assertThat(row(dialog, "email").getText())
                .contains("Cannot be changed here")
                .contains("login e-mail");
        assertThat(dialog.findElement(testId("update-link-only")).getText()).isEqualTo("Link only");
        browser.checkScreen("update-dialog");

        submit.click();
        WebElement result = browser.waitVisible(testId("update-result"));
        assertThat(result.getText()).startsWith("Updated 2 fields in FactorialHr");
        List<Map<String, Object>> versions = host.sandbox().contractVersions(employeeId);
        assertThat(versions)
                .as("the current contract version was corrected, not duplicated")
                .hasSize(1);
        assertThat(versions.get(0)).containsEntry("starts_on", newStart);
        assertThat(((Number) versions.get(0).get("salary_amount")).longValue())
                .isEqualTo(new BigDecimal(newSalary).movePointRight(2).longValueExact());
        Map<String, Object> employee = host.sandbox().employees().stream()
                .filter(e -> String.valueOf(e.get("id")).equals(employeeId))
                .findFirst()
                .orElseThrow();
        assertThat(employee.get("first_name"))
                .isEqualTo(candidate.get("firstName").asText());
        Flows.closeDialog(browser);
        browser.waitFor(
                "the mark is gone once the update is sent",
                d -> d.findElements(testId("candidate-changed-since-export")).isEmpty()
                        && !d.findElements(testId("candidate-offer")).isEmpty());
        WebElement recorded = browser.waitVisible(testId("candidate-update"));
        assertThat(recorded.getText())
                .as("the candidate's history shows the update with its fields")
                .contains("FactorialHr")
                .contains("Updated")
                .contains("Start date")
                .contains(newStart)
                .contains("Salary");
    }

    @Test
    void reExportingWithAnEditUpdatesExactlyTheEditedField() {
        JsonNode candidate = host.hiredCandidates(2).get(1);
        browser.signIn(RECRUITER);
        openCandidate(candidate);
        String employeeId = exportThroughTheDialog();
        List<Map<String, Object>> versionsBefore = host.sandbox().contractVersions(employeeId);

        WebElement dialog = openUpdateFromTheMenu();
        WebElement submit = browser.byTestId("update-submit");
        assertThat(submit.getText()).as("nothing changed: nothing preselected").startsWith("Choose fields");
        assertThat(submit.isEnabled()).isFalse();
        Flows.setValue(dialog.findElement(testId("update-field-city")), "Girona");
        assertThat(row(dialog, "city").findElement(testId("update-choose-city")).isSelected())
                .as("editing a value ticks its field")
                .isTrue();
        assertThat(submit.getText()).isEqualTo("Update 1 field in FactorialHr");
        int mark = host.sandbox().requests().size();
        submit.click();
        browser.waitVisible(testId("update-result"));

        List<String> writes = host.sandbox().requests().stream()
                .skip(mark)
                .filter(request -> !request.method().equals("GET"))
                .map(request -> request.method() + " " + request.resource())
                .toList();
        assertThat(writes).containsExactly("PUT employees/employees/" + employeeId);
        Map<String, Object> employee = host.sandbox().employees().stream()
                .filter(e -> String.valueOf(e.get("id")).equals(employeeId))
                .findFirst()
                .orElseThrow();
        assertThat(employee.get("city")).isEqualTo("Girona");
        assertThat(host.sandbox().contractVersions(employeeId)).isEqualTo(versionsBefore);
        Flows.closeDialog(browser);
    }
}
