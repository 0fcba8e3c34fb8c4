package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.Hiring;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * Issue 16 in a real browser: with export on Hired set to "queue for review", a recruiter opens the review list from
 * the top bar, sends one candidate through the prefilled export dialog and the others in bulk.
 */
class ReviewListUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void aRecruiterSendsOneQueuedHireThroughTheDialogAndTheOthersInBulk() {
        Hiring.onHired(host.signIn(UserRole.ADMIN), "REVIEW");
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        List<Hiring.Pick> hires = List.of(
                Hiring.activeCandidate(recruiter, 0),
                Hiring.activeCandidate(recruiter, 1),
                Hiring.activeCandidate(recruiter, 2));
        hires.forEach(pick -> Hiring.moveTo(recruiter, pick.id(), pick.hiredStage()));
        Hiring.waitUntil(
                "every draft has been checked",
                () -> Hiring.reviewList(recruiter).stream()
                        .allMatch(item -> !item.get("missingFields").isNull()));

        browser.signIn(UserRole.RECRUITER);
        browser.waitClickable(testId("nav-review")).click();
        for (Hiring.Pick pick : hires) {
            WebElement row = browser.waitVisible(testId("review-row", "candidate-id", Long.toString(pick.id())));
            assertThat(row.getText()).contains(pick.name()).contains("None: ready to send");
        }
        browser.checkScreen("01-review-list");

        Hiring.Pick single = hires.get(0);
        browser.waitVisible(testId("review-row", "candidate-id", Long.toString(single.id())))
                .findElement(testId("review-open"))
                .click();
        WebElement dialog = browser.waitVisible(testId("export-dialog"));
        WebElement email = browser.waitVisible(testId("draft-field-personal_email"));
        assertThat(email.getAttribute("value")).as("the draft is prefilled").isEqualTo(single.email());
        Flows.submitExport(browser, dialog, "Exported to FactorialHr: employee ");
        Flows.closeDialog(browser);
        browser.waitFor(
                "the exported candidate left the list",
                d -> d.findElements(testId("review-row", "candidate-id", Long.toString(single.id())))
                        .isEmpty());

        for (Hiring.Pick pick : hires.subList(1, 3)) {
            browser.waitVisible(testId("review-row", "candidate-id", Long.toString(pick.id())))
                    .findElement(testId("review-select"))
                    .click();
        }
        WebElement send = browser.waitClickable(testId("review-send", "connector-id", "factorial"));
        assertThat(send.getText()).isEqualTo("Export 2 to FactorialHr");
        send.click();
        browser.waitVisible(testId("review-empty"));
        browser.step("02-review-list-sent");
        for (Hiring.Pick pick : hires) {
            assertThat(Hiring.employeesWithEmail(host, pick.email()))
                    .as("one employee for %s", pick.name())
                    .isEqualTo(1);
        }
    }
}
