package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/** Steps the UI tests share, done the way a user does them. */
final class Flows {

    static final String EXPORT_LABEL = "Export to FactorialHr";

    private Flows() {}

    /**
     * Candidates tab → Open Filters → Status Hired, as the guide says; the list follows the choice (no Apply
     * button). Waits until the table shows only hired rows and the address says so.
     */
    static List<WebElement> filterHired(Browser browser) {
        browser.waitClickable(testId("nav-candidates")).click();
        browser.waitVisible(testId("candidate-table"));
        WebElement open = browser.waitClickable(testId("open-filters"));
        if (!browser.byTestId("filter-panel").isDisplayed()) {
            open.click();
        }
        browser.waitVisible(testId("filter-panel"));
        browser.selectByValue(browser.byTestId("filter-status"), "HIRED");
        return browser.waitFor("only hired rows in the candidate table", d -> {
            List<WebElement> rows = d.findElements(testId("candidate-row"));
            if (rows.isEmpty() || !d.getCurrentUrl().contains("status=HIRED")) {
                return null;
            }
            for (WebElement row : rows) {
                if (!"HIRED"
                        .equals(row.findElement(By.cssSelector("[data-status]")).getAttribute("data-status"))) {
                    return null;
                }
            }
            return rows;
        });
    }

    static WebElement row(Browser browser, long candidateId) {
        return browser.waitVisible(testId("candidate-row", "candidate-id", Long.toString(candidateId)));
    }

    static List<String> texts(List<WebElement> elements) {
        List<String> out = new ArrayList<>();
        elements.forEach(e -> out.add(e.getText()));
        return out;
    }

    /** Opens the row's ellipsis menu and chooses "Export to FactorialHr"; returns the dialog once the draft shows. */
    static WebElement openExportDialog(Browser browser, WebElement menuButton) {
        List<WebElement> items = browser.openMenu(menuButton);
        WebElement export = items.stream()
                .filter(i -> i.getText().equals(EXPORT_LABEL))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + EXPORT_LABEL + "' in " + texts(items)));
        export.click();
        WebElement dialog = browser.waitVisible(testId("export-dialog"));
        browser.waitVisible(testId("draft-field-personal_email"));
        return dialog;
    }

    /** Sends the open export dialog and waits for its success box; returns the employee id the result names. */
    static String submitExport(Browser browser, WebElement dialog, String expectedPrefix) {
        dialog.findElement(testId("export-submit")).click();
        WebElement result = browser.waitVisible(testId("export-result"));
        String text = result.getText();
        assertThat(text).as("export result").startsWith(expectedPrefix);
        return text.substring(expectedPrefix.length()).split("\\s+")[0];
    }

    /** Closes the export dialog (Close / Cancel) and waits until it is gone. */
    static void closeDialog(Browser browser) {
        WebElement close = browser.waitClickable(testId("export-cancel"));
        assertThat(browser.js(
                        "const b = arguments[0].getBoundingClientRect();"
                                + " return [...document.querySelectorAll('.toast')].some(t => { const r = t.getBoundingClientRect();"
                                + " return r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom; });",
                        close))
                .as("no toast covers the dialog's %s button", close.getText())
                .isEqualTo(false);
        close.click();
        browser.waitNoModal();
    }

    // ---- finding things by what a person reads on the screen, not by test ids ----

    /** The visible button (or button-like link) reading exactly that text, or named so for assistive technology. */
    static WebElement buttonNamed(Browser browser, SearchContext scope, String name) {
        String literal = xpathLiteral(name);
        By by = By.xpath(".//*[self::button or @role='button' or @role='menuitem']" + "[normalize-space()=" + literal
                + " or @aria-label=" + literal + "]");
        return browser.waitFor(
                "a visible button named '" + name + "'",
                d -> scope.findElements(by).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    /** The visible link reading exactly that text. */
    static WebElement linkNamed(Browser browser, String text) {
        return browser.waitVisible(By.xpath("//a[normalize-space()=" + xpathLiteral(text) + "]"));
    }

    /**
     * The form control whose {@code <label>} reads exactly that text, or that text with the required marker
     * ("First name *"): the label's own words, not a placeholder.
     */
    static WebElement fieldLabelled(Browser browser, SearchContext scope, String label) {
        String literal = xpathLiteral(label);
        By by = By.xpath(
                ".//label[normalize-space()=" + literal + " or normalize-space()=concat(" + literal + ", ' *')]");
        WebElement labelElement = browser.waitFor(
                "a label reading '" + label + "'",
                d -> scope.findElements(by).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        String target = labelElement.getAttribute("for");
        assertThat(target).as("the label '%s' names its control", label).isNotBlank();
        return browser.driver().findElement(By.id(target));
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /** Cancels the export dialog after typed edits: answers the question that follows with "Discard changes". */
    static void closeDialogDiscardingEdits(Browser browser) {
        browser.waitClickable(testId("export-cancel")).click();
        browser.waitVisible(testId("discard-dialog"))
                .findElement(testId("discard-confirm"))
                .click();
        browser.waitNoModal();
    }

    static void setValue(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }
}
