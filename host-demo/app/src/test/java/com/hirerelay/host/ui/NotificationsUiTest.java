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
 * Issue 16 in a real browser: a hire queued for review notifies the admin, who sees the count in the top bar, opens
 * the list, follows nothing yet, and marks it as read.
 */
class NotificationsUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void anAdminSeesTheUnreadCountOpensTheListWithALinkToTheCandidateAndMarksItRead() {
        ApiClient admin = host.signIn(UserRole.ADMIN);
        Hiring.onHired(admin, "REVIEW");
        Hiring.Pick hired = Hiring.hireAnActiveCandidate(host.signIn(UserRole.RECRUITER));

        browser.signIn(UserRole.ADMIN);
        WebElement bell = browser.waitFor("the top bar counts the unread notification", d -> {
            WebElement link = d.findElement(testId("nav-notifications"));
            return "Notifications, 1 unread".equals(link.getAttribute("aria-label")) ? link : null;
        });
        assertThat(bell.findElement(testId("notifications-count")).getText()).isEqualTo("1");
        bell.click();
        WebElement item = browser.waitVisible(testId("notification", "candidate-id", Long.toString(hired.id())));
        assertThat(item.getText())
                .contains("Needs review")
                .contains(hired.name())
                .contains("review list");
        assertThat(Flows.linkNamed(browser, hired.name()).getAttribute("href")).endsWith("#/candidates/" + hired.id());
        browser.checkScreen("01-notifications");

        item.findElement(testId("notification-read")).click();
        browser.waitFor(
                "the badge says nothing is unread",
                d -> "Notifications, 0 unread"
                        .equals(d.findElement(testId("nav-notifications")).getAttribute("aria-label")));
        assertThat(browser.waitVisible(testId("notification", "candidate-id", Long.toString(hired.id())))
                        .getAttribute("data-read"))
                .isEqualTo("true");
        assertThat(admin.get("/api/notifications").json().get("unread").asLong())
                .as("read on the server")
                .isZero();
        browser.step("02-notification-read");
    }
}
