package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.ui.Browser.testId;
import static com.hirerelay.host.ui.Flows.EXPORT_LABEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A failed attempt's values in a real browser: they reopen for the user who typed them with "Restored from
 * your attempt at …" and "Reset to ATS values", never for another user, and closing with unsent edits asks.
 */
class RestoredAttemptUiTest {

    private static final String CREATE = "employees/employees/create_with_contract";

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    private static WebElement openDialog(JsonNode candidate) {
        browser.open("/candidates/" + candidate.get("id").asLong());
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                testId("candidate-name"), candidate.get("firstName").asText()));
        List<WebElement> items = browser.openMenu(
                browser.waitClickable(By.cssSelector(".page-actions [data-testid='row-menu-button']")));
        items.stream()
                .filter(i -> i.getText().equals(EXPORT_LABEL))
                .findFirst()
                .orElseThrow()
                .click();
        WebElement dialog = browser.waitVisible(testId("export-dialog"));
        browser.waitVisible(testId("draft-field-first_name"));
        return dialog;
    }

    @Test
    void theUserWhoTypedTheValuesGetsThemBackAndCanResetAnotherUserNeverSeesThem() {
        JsonNode candidate = host.hiredCandidates(1).get(0);
        String atsFirstName = candidate.get("firstName").asText();
        host.sandbox().inject(Fault.status(503).on("POST", CREATE).times(10));
        browser.signIn(RECRUITER);

        WebElement dialog = openDialog(candidate);
        Flows.setValue(dialog.findElement(testId("draft-field-first_name")), "Typed By Rita");
        dialog.findElement(testId("export-submit")).click();
        browser.waitVisible(testId("export-error"));
        host.sandbox().clearFaults();

        // Unsent edits: closing asks, and "Cancel" in the question keeps the dialog and the edits
        browser.byTestId("export-cancel").click();
        browser.waitVisible(testId("discard-dialog"));
        browser.waitClickable(testId("confirm-cancel")).click();
        assertThat(browser.byTestId("draft-field-first_name").getAttribute("value"))
                .isEqualTo("Typed By Rita");
        Flows.closeDialogDiscardingEdits(browser);

        dialog = openDialog(candidate);
        WebElement restored = browser.waitVisible(testId("export-restored"));
        assertThat(restored.getText()).startsWith("Restored from your attempt at ");
        assertThat(dialog.findElement(testId("draft-field-first_name")).getAttribute("value"))
                .isEqualTo("Typed By Rita");
        browser.screen("23-export-restored-attempt");
        restored.findElement(testId("export-reset-ats")).click();
        assertThat(dialog.findElement(testId("draft-field-first_name")).getAttribute("value"))
                .as("the ATS's value again")
                .isEqualTo(atsFirstName);
        assertThat(browser.allByTestId("export-restored").get(0).isDisplayed()).isFalse();
        Flows.closeDialogDiscardingEdits(browser);

        browser.signIn(HIRING_MANAGER);
        dialog = openDialog(candidate);
        assertThat(browser.allByTestId("export-restored"))
                .as("another user never sees someone's failed values")
                .isEmpty();
        assertThat(dialog.findElement(testId("draft-field-first_name")).getAttribute("value"))
                .isEqualTo(atsFirstName);
        Flows.closeDialog(browser);
    }
}
