package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.Hiring;
import com.hirerelay.host.testing.RunningHostExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * Issue 16 in a real browser: a recruiter schedules a hired candidate's export on the candidate page, sees the day
 * there and in the upcoming list, and cancels it from the list.
 */
class ScheduledExportUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void aRecruiterSchedulesAnExportOnTheCandidatePageAndCancelsItFromTheUpcomingList() {
        Hiring.Pick hired = Hiring.hireAnActiveCandidate(host.signIn(UserRole.RECRUITER));
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();

        browser.signIn(UserRole.RECRUITER);
        browser.open("/candidates/" + hired.id());
        WebElement section = browser.waitVisible(testId("candidate-schedule"));
        WebElement date = Flows.fieldLabelled(browser, section, "Export on");
        // A date input's typed format follows the browser's locale; its value is always yyyy-mm-dd.
        browser.js("arguments[0].value = arguments[1];", date, day);
        Flows.buttonNamed(browser, section, "Schedule export").click();
        WebElement badge = browser.waitVisible(testId("schedule-badge"));
        assertThat(badge.getText()).isEqualTo("Export to FactorialHr on " + browser.dayText(day));
        assertThat(browser.byTestId("candidate-schedule").getText()).contains(browser.dayText(day));
        browser.checkScreen("01-candidate-with-scheduled-export");

        browser.waitClickable(testId("nav-review")).click();
        WebElement row = browser.waitVisible(testId("upcoming-row", "candidate-id", Long.toString(hired.id())));
        assertThat(row.getText())
                .contains(hired.name())
                .contains(browser.dayText(day))
                .contains("Rita Recruiter");
        browser.checkScreen("02-upcoming-exports");
        row.findElement(testId("upcoming-cancel")).click();
        browser.waitVisible(testId("upcoming-empty"));
        assertThat(host.signIn(UserRole.RECRUITER)
                        .get("/api/scheduled-exports")
                        .json()
                        .get("items"))
                .as("cancelled on the server")
                .isEmpty();
    }

    @Test
    void aRecruiterSchedulesFromTheExportDialogWithAnEditAndCountsBackFromTheStartDate() {
        var recruiter = host.signIn(UserRole.RECRUITER);
        Hiring.Pick hired = Hiring.hireAnActiveCandidate(recruiter);
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(60);
        var offer = recruiter.put(
                "/api/candidates/" + hired.id(),
                java.util.Map.of(
                        "offerJobTitle", "Product Designer",
                        "offerStartDate", start.toString(),
                        "salaryAmount", "50000",
                        "salaryCurrency", "EUR",
                        "salaryPeriod", "YEARLY"));
        assertThat(offer.status()).as(offer.toString()).isEqualTo(200);

        browser.signIn(UserRole.RECRUITER);
        browser.open("/candidates/" + hired.id());
        browser.waitVisible(testId("candidate-offer"));
        WebElement dialog = Flows.openExportDialog(browser, browser.waitClickable(testId("row-menu-button")));
        Flows.setValue(dialog.findElement(testId("draft-field-salary_amount")), "58000");
        WebElement later = dialog.findElement(testId("export-later"));
        browser.js("arguments[0].open = true; arguments[0].scrollIntoView({block: 'center'});", later);
        later.findElement(testId("schedule-mode-before")).click();
        Flows.setValue(later.findElement(testId("schedule-days")), "14");
        new org.openqa.selenium.support.ui.Select(later.findElement(testId("schedule-before-field")))
                .selectByVisibleText("Start date");
        later.findElement(testId("export-schedule")).click();
        WebElement edits = browser.waitVisible(testId("export-scheduled-edits"));
        assertThat(edits.getText()).contains("Salary: 58000").doesNotContain("Start date:");
        browser.step("03-scheduled-from-the-dialog");

        var items = host.signIn(UserRole.RECRUITER)
                .get("/api/scheduled-exports?candidateId=" + hired.id())
                .json()
                .get("items");
        assertThat(items.get(0).get("exportOn").asText())
                .as("14 days before the start date")
                .isEqualTo(start.minusDays(14).toString());
        assertThat(items.get(0).get("editedFields").toString()).isEqualTo("[\"Salary: 58000\"]");
        Flows.closeDialog(browser);
        browser.waitClickable(testId("nav-review")).click();
        WebElement row = browser.waitVisible(testId("upcoming-row", "candidate-id", Long.toString(hired.id())));
        assertThat(row.getText())
                .as("the upcoming list names the edit it will send")
                .contains("Salary: 58000");
    }
}
