package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** Issue 15 in a real browser: an admin turns "send updates automatically" on in the integration's settings. */
class AutomaticUpdatesUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void anAdminTurnsOnAutomaticUpdatesAndThePageShowsItStoredAfterAReload() {
        ApiClient admin = host.signIn(UserRole.ADMIN);
        browser.signIn(UserRole.ADMIN);
        browser.open("/settings/integrations/factorial");
        WebElement section = browser.waitVisible(testId("automatic-updates"));
        WebElement checkbox = section.findElement(testId("send-updates-automatically"));
        assertThat(checkbox.isSelected()).as("off by default").isFalse();

        checkbox.click();
        section.findElement(testId("automatic-updates-save")).click();

        browser.waitFor(
                "the setting is stored",
                driver -> admin.get("/api/integrations/factorial/automatic-updates")
                        .json()
                        .get("sendAutomatically")
                        .asBoolean());
        browser.step("01-automatic-updates-on");
        browser.driver().navigate().refresh();
        WebElement reloaded = browser.waitVisible(testId("automatic-updates"));
        assertThat(reloaded.findElement(testId("send-updates-automatically")).isSelected())
                .as("shown as stored")
                .isTrue();
        assertThat(reloaded.getText()).contains("never overwritten");
    }
}
