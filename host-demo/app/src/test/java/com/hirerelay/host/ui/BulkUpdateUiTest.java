package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.testing.EmployeeUpdates.exported;
import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Sending "Changed since export" updates from the candidate list in a real browser against the Factorial sandbox:
 * the action appears only for selected rows that changed, asks first naming how many, and lists each outcome.
 */
class BulkUpdateUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    private static void select(long id) {
        WebElement box = Flows.row(browser, id).findElement(testId("bulk-select"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    @Test
    void selectedChangedRowsAreUpdatedAfterAConfirmationNamingHowMany() {
        List<JsonNode> hired = host.hiredCandidates(2);
        long changed = hired.get(0).get("id").asLong();
        long unchanged = hired.get(1).get("id").asLong();
        ApiClient recruiter = host.signIn(RECRUITER);
        String employeeId = exported(recruiter, changed);
        exported(recruiter, unchanged);
        String newStart = LocalDate.parse(recruiter
                        .get("/api/candidates/" + changed)
                        .json()
                        .get("offer")
                        .get("startDate")
                        .asText())
                .plusDays(21)
                .toString();
        assertThat(recruiter
                        .put("/api/candidates/" + changed, Map.of("offerStartDate", newStart))
                        .status())
                .isEqualTo(200);

        browser.signIn(RECRUITER);
        Flows.filterHired(browser);
        select(unchanged);
        assertThat(browser.driver().findElements(testId("bulk-update")))
                .as("no action while no selected row changed")
                .isEmpty();
        select(changed);
        WebElement send = browser.waitClickable(testId("bulk-update", "connector-id", "factorial"));
        assertThat(send.getText()).isEqualTo("Send updates to FactorialHr (1)");
        browser.step("01-send-updates-offered");
        send.click();
        WebElement dialog = browser.waitVisible(testId("bulk-update-dialog"));
        assertThat(dialog.getText()).contains("1 candidate changed since the export");
        browser.step("02-confirmation");
        dialog.findElement(testId("bulk-update-confirm")).click();

        WebElement box = browser.waitVisible(testId("bulk-update-progress"));
        List<WebElement> results = browser.waitFor("the outcome listed", d -> {
            List<WebElement> lines = Browser.within(box, "bulk-update-result");
            return lines.isEmpty() ? null : lines;
        });
        Map<String, String> states = results.stream()
                .collect(Collectors.toMap(r -> r.getAttribute("data-candidate-id"), r -> r.getAttribute("data-state")));
        assertThat(states)
                .as("only the changed row is sent")
                .containsExactly(Map.entry(String.valueOf(changed), "UPDATED"));
        assertThat(results.get(0).getText()).contains("Start date");
        assertThat(box.findElement(By.cssSelector(".bulk-summary")).getText()).contains("1 updated");
        browser.step("03-outcome-listed");
        assertThat(host.sandbox().contractVersions(employeeId).get(0)).containsEntry("starts_on", newStart);
        browser.waitFor(
                "the list reloads without the changed badge",
                d -> Flows.row(browser, changed)
                        .findElements(testId("changed-since-export"))
                        .isEmpty());
    }
}
