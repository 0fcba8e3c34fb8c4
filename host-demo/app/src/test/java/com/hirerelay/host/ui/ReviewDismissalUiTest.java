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

/**
 * Issue 16 in a real browser: a recruiter dismisses a queued hire with a reason, finds it under "Show dismissed" with
 * who, when and why, and restores it to the review list.
 */
class ReviewDismissalUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void aRecruiterDismissesAQueuedHireWithAReasonAndRestoresItFromShowDismissed() {
        Hiring.onHired(host.signIn(UserRole.ADMIN), "REVIEW");
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        Hiring.Pick pick = Hiring.anActiveCandidate(recruiter);
        Hiring.moveTo(recruiter, pick.id(), pick.hiredStage());
        String id = Long.toString(pick.id());

        browser.signIn(UserRole.RECRUITER);
        browser.waitClickable(testId("nav-review")).click();
        browser.waitVisible(testId("review-row", "candidate-id", id))
                .findElement(testId("review-dismiss"))
                .click();
        WebElement dialog = browser.waitVisible(testId("dismiss-dialog"));
        dialog.findElement(testId("dismiss-confirm")).click();
        WebElement error = browser.waitVisible(testId("dismiss-error"));
        assertThat(error.getText()).as("a reason is required").contains("required");
        browser.checkScreen("16-review-dismiss-dialog");
        dialog.findElement(testId("dismiss-reason")).sendKeys("Hired through the agency's payroll");
        dialog.findElement(testId("dismiss-confirm")).click();
        browser.waitNoModal();
        browser.waitFor(
                "the dismissed hire left the list",
                d -> d.findElements(testId("review-row", "candidate-id", id)).isEmpty());

        browser.byTestId("review-show-dismissed").click();
        WebElement row = browser.waitVisible(testId("review-dismissed-row", "candidate-id", id));
        assertThat(row.getText())
                .contains(pick.name())
                .contains("by Rita Recruiter")
                .contains("Hired through the agency's payroll");
        browser.checkScreen("16-review-show-dismissed");

        row.findElement(testId("review-restore")).click();
        browser.waitFor(
                "the restored hire left the dismissed list",
                d -> d.findElements(testId("review-dismissed-row", "candidate-id", id))
                        .isEmpty());
        browser.byTestId("review-show-dismissed").click();
        browser.waitVisible(testId("review-row", "candidate-id", id));
        assertThat(Hiring.employeesWithEmail(host, pick.email()))
                .as("restoring sends nothing")
                .isZero();
    }
}
