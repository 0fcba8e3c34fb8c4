package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHost;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Settings > Sessions as an admin: a recruiter's session listed with where it came from and ended from
 * the page; the sign-in form's "Sign me out everywhere else" ends a user's other sessions.
 */
class SessionsUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void anAdminEndsARecruitersSessionFromTheSessionsPage() {
        ApiClient recruiter = host.signIn(RECRUITER);
        browser.signIn(ADMIN);
        browser.waitClickable(testId("nav-settings")).click();
        browser.waitClickable(testId("nav-sessions")).click();
        browser.waitFor(ExpectedConditions.urlContains("#/settings/sessions"));
        browser.waitVisible(testId("session-table"));
        List<WebElement> recruiterRows = browser.allByTestId("session-row").stream()
                .filter(row -> RunningHost.email(RECRUITER).equals(row.getAttribute("data-user-email")))
                .toList();
        assertThat(recruiterRows).as("the recruiter's session is listed").hasSize(1);
        assertThat(recruiterRows.get(0).getText()).as("where it came from").contains("127.0.0.1");
        assertThat(browser.allByTestId("session-current"))
                .as("the admin's own session is marked")
                .hasSize(1);
        browser.screen("14-sessions");

        recruiterRows.get(0).findElement(testId("session-end")).click();
        browser.waitClickable(testId("confirm-end-session")).click();
        browser.waitFor(
                "the recruiter's row is gone",
                d -> d.findElements(testId("session-row")).stream()
                        .noneMatch(row -> RunningHost.email(RECRUITER).equals(row.getAttribute("data-user-email"))));
        assertThat(recruiter.get("/api/candidates").status())
                .as("the recruiter's next request")
                .isEqualTo(401);
    }

    @Test
    void signingInWithSignMeOutEverywhereElseEndsTheOtherSessions() {
        ApiClient otherBrowser = host.signIn(HIRING_MANAGER);
        browser.showSignIn();
        browser.waitVisible(testId("login-email")).sendKeys(RunningHost.email(HIRING_MANAGER));
        browser.byTestId("login-password").sendKeys(RunningHost.password(HIRING_MANAGER));
        browser.byTestId("login-end-others").click();
        browser.byTestId("login-submit").click();
        browser.waitVisible(testId("current-user"));
        assertThat(otherBrowser.get("/api/candidates").status())
                .as("the hiring manager's other session")
                .isEqualTo(401);
    }
}
