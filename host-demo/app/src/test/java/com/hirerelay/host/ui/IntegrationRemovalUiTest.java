package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.ui.Browser.testId;
import static com.hirerelay.host.ui.Flows.EXPORT_LABEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Removing the Factorial integration takes "Export to FactorialHr" away from the candidate list, the candidate page
 * and the pipeline; a menu still open in a recruiter's browser at that moment answers with a clear message.
 */
class IntegrationRemovalUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    static JsonNode candidate;
    static List<String> jobIds = new ArrayList<>();

    private static final By FACTORIAL_CARD = testId("integration-card", "connector-id", "factorial");
    private static final By PAGE_MENU = By.cssSelector(".page-actions [data-testid='row-menu-button']");

    @BeforeAll
    static void findCandidateAndJobs() {
        candidate = host.hiredCandidates(1).get(0);
        host.signIn(RECRUITER)
                .get("/api/jobs")
                .json()
                .forEach(j -> jobIds.add(j.get("id").asText()));
    }

    private static long candidateId() {
        return candidate.get("id").asLong();
    }

    /** The number of export menus on the hired list, the candidate page and every job's Hired column. */
    private static int[] exportMenusEverywhere(String stepPrefix) {
        int[] counts = new int[3];
        List<WebElement> rows = Flows.filterHired(browser);
        assertThat(rows).as("hired candidates are still listed").isNotEmpty();
        counts[0] = browser.allByTestId("row-menu-button").size();
        assertThat(browser.allByTestId("bulk-export"))
                .as("the bulk bar waits until something is selected")
                .isEmpty();
        if (counts[0] > 0) {
            assertThat(browser.allByTestId("bulk-select")).isNotEmpty();
        } else {
            assertThat(browser.allByTestId("bulk-select"))
                    .as("no selection boxes without an export")
                    .isEmpty();
            assertThat(browser.allByTestId("bulk-export")).isEmpty();
        }
        browser.step(stepPrefix + "-list");

        Flows.row(browser, candidateId()).findElement(testId("candidate-link")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                testId("candidate-name"), candidate.get("firstName").asText()));
        browser.waitVisible(testId("candidate-details"));
        counts[1] = browser.driver().findElements(PAGE_MENU).size();
        browser.step(stepPrefix + "-candidate-page");

        for (String jobId : jobIds) {
            browser.open("/jobs/" + jobId + "/pipeline");
            browser.waitFor("hired cards of job " + jobId, d -> {
                List<WebElement> stage = d.findElements(testId("pipeline-stage", "stage-name", "Hired"));
                return !stage.isEmpty()
                        && !stage.get(0).findElements(testId("pipeline-card")).isEmpty();
            });
            counts[2] += Browser.within(
                            browser.driver().findElement(testId("pipeline-stage", "stage-name", "Hired")),
                            "row-menu-button")
                    .size();
        }
        browser.step(stepPrefix + "-pipeline");
        return counts;
    }

    @Test
    void afterTheAdminRemovesTheIntegrationTheRecruiterHasNoExportMenuAnywhere() {
        browser.signIn(RECRUITER);
        int[] before = exportMenusEverywhere("01-connected");
        assertThat(before)
                .as("menus on the list, the candidate page and the pipelines while connected")
                .doesNotContain(0);

        // The recruiter has the list open with its menus when the admin removes the integration elsewhere
        Flows.filterHired(browser);
        WebElement menuButton = Flows.row(browser, candidateId()).findElement(testId("row-menu-button"));
        assertThat(host.signIn(ADMIN).delete("/api/integrations/factorial").status())
                .isEqualTo(204);
        List<WebElement> items = browser.openMenu(menuButton);
        items.stream()
                .filter(i -> i.getText().equals(EXPORT_LABEL))
                .findFirst()
                .orElseThrow()
                .click();
        WebElement stale = browser.waitVisible(testId("export-error"));
        assertThat(stale.getText())
                .isEqualTo(
                        "This HR system is not connected. An admin can connect it under Settings > Account > Integrations.");
        assertThat(browser.allByTestId("export-submit")).as("nothing to send").isEmpty();
        browser.step("02-stale-menu-after-removal");
        browser.waitClickable(testId("export-cancel")).click();
        browser.waitNoModal();
        browser.waitFor(
                "closing reloads the list without the stale menus",
                d -> d.findElements(testId("row-menu-button")).isEmpty()
                        && !d.findElements(testId("candidate-row")).isEmpty());

        // Connected again, then removed the way the guide says: Settings > Integrations > View > Remove Integration
        host.connectFactorial();
        browser.signIn(ADMIN);
        browser.waitClickable(testId("nav-settings")).click();
        browser.waitVisible(FACTORIAL_CARD).findElement(testId("view-button")).click();
        browser.waitClickable(testId("remove-integration")).click();
        browser.waitVisible(testId("confirm-remove-dialog"));
        browser.waitClickable(testId("confirm-remove")).click();
        browser.waitFor(
                "card back to Connect",
                d -> !d.findElement(FACTORIAL_CARD)
                        .findElements(testId("connect-button"))
                        .isEmpty());

        // The recruiter signs in: no export menu on the list, the candidate page or any pipeline
        browser.signIn(RECRUITER);
        int[] after = exportMenusEverywhere("03-removed");
        assertThat(after)
                .as("menus on the list, the candidate page and the pipelines after removal")
                .containsExactly(0, 0, 0);
        assertThat(host.signIn(RECRUITER)
                        .get("/api/candidates?status=HIRED")
                        .json()
                        .get("items")
                        .get(0)
                        .get("menu"))
                .as("the API offers no menu either")
                .isEmpty();
    }
}
