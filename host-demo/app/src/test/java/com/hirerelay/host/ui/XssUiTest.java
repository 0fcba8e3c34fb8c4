package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A candidate whose name is markup: every view shows it as text and nothing runs. */
class XssUiTest {

    static final String FIRST = "<img src=x onerror=\"window.__xss=1\">";
    static final String LAST = "<script>window.__xss=2</script>";
    static final String FULL = FIRST + " " + LAST;

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    static long candidateId;
    static long jobId;

    @BeforeAll
    static void giveAHiredCandidateAMarkupName() {
        JsonNode candidate = host.hiredCandidates(1).get(0);
        candidateId = candidate.get("id").asLong();
        jobId = candidate.get("job").get("id").asLong();
        String email = candidate.get("email").asText();
        int updated = host.jdbi()
                .withHandle(h -> h.createUpdate(
                                "UPDATE candidates SET first_name = ?, last_name = ?, search_text = ? WHERE id = ?")
                        .bind(0, FIRST)
                        .bind(1, LAST)
                        .bind(2, (FULL + " " + email).toLowerCase(Locale.ROOT))
                        .bind(3, candidateId)
                        .execute());
        assertThat(updated).isEqualTo(1);
    }

    private void assertNothingRan(String where) {
        assertThat(browser.js("return typeof window.__xss;"))
                .as("window.__xss on %s", where)
                .isEqualTo("undefined");
        assertThat(browser.js("return document.querySelectorAll('img[src=\"x\"], img[onerror]').length;"))
                .as("no injected <img> on %s", where)
                .isEqualTo(0L);
        assertThat(browser.js("return [...document.scripts].filter(s => s.textContent.includes('__xss')).length;"))
                .as("no injected <script> on %s", where)
                .isEqualTo(0L);
    }

    @Test
    void markupInANameIsShownLiterallyEverywhereAndNeverRuns() {
        browser.signIn(RECRUITER);

        // Candidate list, found by searching for the markup itself
        Flows.filterHired(browser);
        // The list follows the search box after a pause in typing
        Flows.setValue(browser.byTestId("filter-q"), "<script>");
        List<WebElement> rows = browser.waitFor("only the markup candidate listed", d -> {
            List<WebElement> r = d.findElements(testId("candidate-row"));
            return r.size() == 1 && r.get(0).getAttribute("data-candidate-id").equals(Long.toString(candidateId))
                    ? r
                    : null;
        });
        assertThat(rows.get(0).findElement(testId("candidate-link")).getText()).isEqualTo(FULL);
        assertNothingRan("the candidate list");
        browser.step("01-list");

        // Export dialog from the list row
        WebElement dialog = Flows.openExportDialog(browser, rows.get(0).findElement(testId("row-menu-button")));
        assertThat(dialog.findElement(By.cssSelector(".modal-header h2")).getText())
                .isEqualTo("Export " + FULL + " to FactorialHr");
        assertThat(dialog.findElement(testId("draft-field-first_name")).getAttribute("value"))
                .isEqualTo(FIRST);
        assertThat(dialog.findElement(testId("draft-field-last_name")).getAttribute("value"))
                .isEqualTo(LAST);
        assertNothingRan("the export dialog");
        browser.step("02-export-dialog");
        dialog.findElement(testId("export-cancel")).click();
        browser.waitNoModal();

        // Candidate page
        Flows.row(browser, candidateId).findElement(testId("candidate-link")).click();
        WebElement name = browser.waitVisible(testId("candidate-name"));
        browser.waitFor(ExpectedConditions.textToBe(testId("candidate-name"), FULL));
        assertThat(name.getText()).isEqualTo(FULL);
        assertThat(browser.driver()
                        .findElement(By.cssSelector("nav.breadcrumb"))
                        .getText())
                .endsWith(FULL);
        assertNothingRan("the candidate page");
        browser.step("03-candidate-page");

        // Export dialog from the candidate page
        browser.openMenu(browser.waitClickable(By.cssSelector(".page-actions [data-testid='row-menu-button']")))
                .get(0)
                .click();
        WebElement pageDialog = browser.waitVisible(testId("export-dialog"));
        browser.waitFor(ExpectedConditions.attributeToBe(testId("draft-field-first_name"), "value", FIRST));
        assertThat(pageDialog.findElement(By.cssSelector(".modal-header h2")).getText())
                .contains(FULL);
        assertNothingRan("the candidate page's export dialog");
        pageDialog.findElement(testId("export-cancel")).click();
        browser.waitNoModal();

        // Pipeline board
        browser.open("/jobs/" + jobId + "/pipeline");
        WebElement card = browser.waitVisible(testId("pipeline-card", "candidate-id", Long.toString(candidateId)));
        assertThat(card.findElement(By.cssSelector("a.strong")).getText()).isEqualTo(FULL);
        assertThat(card.findElement(By.xpath("ancestor::section[@data-testid='pipeline-stage']"))
                        .getAttribute("data-stage-name"))
                .isEqualTo("Hired");
        assertNothingRan("the pipeline");
        browser.step("04-pipeline");

        // Pipeline card's export dialog
        browser.openMenu(card.findElement(testId("row-menu-button"))).get(0).click();
        browser.waitVisible(testId("export-dialog"));
        browser.waitFor(ExpectedConditions.attributeToBe(testId("draft-field-last_name"), "value", LAST));
        assertNothingRan("the pipeline's export dialog");
        browser.byTestId("export-cancel").click();
        browser.waitNoModal();
        assertNothingRan("the end");
    }

    @Test
    void markupInANameIsShownLiterallyInTheExportHistory() {
        var exported = host.signIn(ADMIN)
                .post(
                        "/api/candidates/" + candidateId + "/exports/factorial",
                        java.util.Map.of("values", java.util.Map.of()));
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        browser.signIn(ADMIN);
        browser.open("/exports");
        WebElement row = browser.waitVisible(testId("history-row"));
        browser.waitFor(d -> row.getText().contains(FULL));
        row.findElements(By.tagName("summary")).forEach(WebElement::click);
        assertThat(browser.byTestId("history-table").getText())
                .as("the draft as sent, shown as text")
                .contains(FIRST);
        assertNothingRan("the export history");
        browser.step("05-history");
    }
}
