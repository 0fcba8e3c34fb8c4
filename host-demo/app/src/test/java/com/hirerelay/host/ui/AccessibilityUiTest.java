package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.Hiring;
import com.hirerelay.host.testing.RunningHost;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.host.testing.TestDocuments;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Every screen of the host, checked with axe-core at a desktop and a phone width (0 serious or critical
 * violations) and photographed at both; the guide's export walked with the keyboard alone; and a phone-sized
 * screen on which every action stays reachable. Factorial is connected through the screens, as an admin does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    static List<JsonNode> hired;

    @BeforeAll
    static void findHiredCandidates() {
        hired = host.hiredCandidates(3);
    }

    private static void ensureConnected() {
        if (host.signIn(UserRole.ADMIN).get("/api/integrations/factorial").status() == 404) {
            host.connectFactorial();
        }
    }

    private static long id(JsonNode candidate) {
        return candidate.get("id").asLong();
    }

    @Test
    @Order(1) // connects Factorial through the screens; the others need it connected
    void everyScreenHasNoSeriousAccessibilityViolationsAtDesktopAndPhoneWidths() {
        browser.showSignIn();
        browser.checkScreen("01-sign-in");
        browser.signIn(UserRole.ADMIN);

        // Settings: integrations, the connect form (with an error), details, the removal question, plugins
        browser.waitClickable(testId("nav-settings")).click();
        browser.waitVisible(testId("integration-card", "connector-id", "factorial"));
        browser.checkScreen("02-integrations");
        browser.driver()
                .findElement(testId("integration-card", "connector-id", "factorial"))
                .findElement(testId("connect-button"))
                .click();
        WebElement form = browser.waitVisible(testId("connect-form"));
        browser.checkScreen("03-connect-form");
        WebElement key = form.findElement(testId("setting-api_key"));
        key.sendKeys("wrong-key-0000");
        form.findElement(testId("connect-submit")).click();
        browser.waitVisible(testId("field-error-api_key"));
        browser.checkScreen("03b-connect-form-error");
        key.clear();
        key.sendKeys(host.sandbox().apiKey());
        form.findElement(testId("connect-submit")).click();
        browser.waitNoModal();
        browser.waitVisible(testId("view-button")).click();
        browser.waitVisible(testId("connection-details"));
        browser.checkScreen("04-integration-details");
        browser.byTestId("remove-integration").click();
        browser.waitVisible(testId("confirm-remove-dialog"));
        browser.checkScreen("04b-remove-question");
        browser.byTestId("confirm-cancel").click();
        browser.waitNoModal();
        // The details page is longer than the window since the mapping and automation sections (and the connect
        // form's documents settings): a person scrolls back up to the settings navigation before choosing Plugins.
        ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
        browser.waitClickable(testId("nav-plugins")).click();
        browser.waitVisible(testId("plugin-table"));
        browser.checkScreen("05-plugins");

        // The guide's steps: the hired list, a candidate, the export dialog and its result
        List<WebElement> rows = Flows.filterHired(browser);
        assertThat(rows).isNotEmpty();
        browser.checkScreen("06-candidates-hired");
        JsonNode candidate = hired.get(0);
        // A CV, so that the candidate page lists documents and the dialog's Documents section offers it
        assertThat(host.signIn(UserRole.ADMIN)
                        .upload(
                                "/api/candidates/" + id(candidate) + "/documents?kind=CV",
                                "cv.pdf",
                                TestDocuments.pdf("accessibility cv"))
                        .status())
                .isEqualTo(201);
        Flows.row(browser, id(candidate)).findElement(testId("candidate-link")).click();
        browser.waitVisible(testId("candidate-details"));
        browser.waitVisible(testId("document-row"));
        browser.checkScreen("07-candidate");
        // The documents list and the upload form, on screen in the pictures too
        browser.js("arguments[0].scrollIntoView({block: 'center'});", browser.byTestId("candidate-documents"));
        browser.checkScreen("07b-candidate-documents");
        browser.js("window.scrollTo(0, 0);");
        WebElement dialog = Flows.openExportDialog(
                browser, browser.waitClickable(By.cssSelector(".page-actions [data-testid='row-menu-button']")));
        browser.waitVisible(testId("export-document"));
        browser.checkScreen("08-export-dialog");
        browser.js("arguments[0].scrollIntoView({block: 'center'});", browser.byTestId("export-documents"));
        browser.checkScreen("08a-export-dialog-documents");
        // The question Escape asks after an edit; "Keep editing", and the edit is undone before sending
        WebElement firstName = dialog.findElement(testId("draft-field-first_name"));
        String original = firstName.getAttribute("value");
        firstName.sendKeys("x");
        firstName.sendKeys(Keys.ESCAPE);
        browser.waitVisible(testId("discard-dialog"));
        browser.checkScreen("08b-discard-question");
        browser.byTestId("discard-dialog")
                .findElement(By.xpath(".//button[normalize-space()='Keep editing']"))
                .click();
        browser.waitFor(
                "the question gone",
                d -> d.findElements(testId("discard-dialog")).isEmpty());
        Flows.setValue(firstName, original);
        dialog.findElement(testId("export-submit")).click();
        browser.waitVisible(testId("export-result"));
        browser.waitVisible(testId("export-document-result"));
        browser.checkScreen("09-export-result");
        Flows.closeDialog(browser);

        // Jobs, a pipeline, the export history
        browser.waitClickable(testId("nav-jobs")).click();
        browser.waitVisible(testId("job-row")).findElement(testId("job-link")).click();
        browser.waitVisible(testId("pipeline-board"));
        browser.open("/jobs");
        browser.waitVisible(testId("job-row"));
        browser.checkScreen("10-jobs");
        browser.waitVisible(testId("job-row")).findElement(testId("job-link")).click();
        browser.waitVisible(testId("pipeline-stage", "stage-name", "Hired"));
        browser.checkScreen("11-pipeline");
        browser.waitClickable(testId("nav-exports")).click();
        browser.waitVisible(testId("history-table"));
        browser.byTestId("history-draft").findElement(By.tagName("summary")).click();
        browser.checkScreen("12-export-history");

        // What a non-admin meets on a settings address
        browser.signIn(UserRole.INTERVIEWER);
        browser.open("/settings/integrations");
        browser.waitVisible(testId("load-error"));
        browser.checkScreen("13-settings-refused");
    }

    /**
     * Presses Tab until the focused element is the wanted one, checking that each element the focus passes shows
     * it; fails after 80 presses.
     */
    private static WebElement tabTo(String what, Predicate<WebElement> wanted) {
        for (int i = 0; i < 80; i++) {
            WebElement active = browser.driver().switchTo().activeElement();
            assertFocusIsVisible(active);
            if (wanted.test(active)) {
                return active;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + what);
    }

    /** The focused element draws an outline or a ring (box-shadow) that its unfocused self does not have. */
    private static void assertFocusIsVisible(WebElement focused) {
        if ("body".equals(focused.getTagName())) {
            return;
        }
        Object indicator = browser.js(
                "const s = getComputedStyle(arguments[0]);"
                        + " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';",
                focused);
        assertThat(indicator)
                .as(
                        "a visible focus indicator on <%s> '%s' (%s)",
                        focused.getTagName(), focused.getText(), focused.getAttribute("data-testid"))
                .isEqualTo(true);
    }

    private static WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private static boolean insideDialog(WebElement element) {
        return (Boolean)
                browser.js("return !!arguments[0].closest('[role=dialog][data-testid=export-dialog]');", element);
    }

    @Test
    @Order(2)
    void theGuidesExportCanBeDoneWithTheKeyboardAlone() {
        ensureConnected();
        JsonNode candidate = hired.get(1);

        // Sign in: the e-mail box has the focus, Tab to the password, Enter sends
        browser.showSignIn();
        browser.waitFor(
                "focus in the e-mail box", d -> "login-email".equals(focused().getAttribute("data-testid")));
        focused().sendKeys(RunningHost.EMAILS.get("RECRUITER"));
        focused().sendKeys(Keys.TAB);
        focused().sendKeys(RunningHost.PASSWORDS.get("RECRUITER"), Keys.ENTER);
        browser.waitVisible(testId("current-user"));

        // Open Filters, then Status: Hired with the arrow keys; the list follows
        tabTo("Open Filters", e -> "open-filters".equals(e.getAttribute("data-testid")))
                .sendKeys(Keys.ENTER);
        browser.waitFor("focus on Status", d -> "filter-status".equals(focused().getAttribute("data-testid")));
        WebElement status = focused();
        for (int i = 0;
                i < 5 && !new Select(status).getFirstSelectedOption().getText().equals("Hired");
                i++) {
            status.sendKeys(Keys.ARROW_DOWN);
        }
        browser.waitFor("the hired list", ExpectedConditions.urlContains("status=HIRED"));
        Flows.row(browser, id(candidate));

        // The row's ⋯: Enter opens the menu on its first item, the arrows move, Escape closes back on the ⋯
        String rowMenu = "menu-button-list-" + id(candidate);
        WebElement menuButton = tabTo("the row's ⋯", e -> rowMenu.equals(e.getAttribute("id")));
        assertThat(menuButton.getAttribute("aria-haspopup")).isEqualTo("menu");
        menuButton.sendKeys(Keys.ENTER);
        browser.waitFor(
                "focus on the first menu item", d -> "menuitem".equals(focused().getAttribute("role")));
        assertThat(focused().getText()).isEqualTo(Flows.EXPORT_LABEL);
        assertThat(menuButton.getAttribute("aria-expanded")).isEqualTo("true");
        focused().sendKeys(Keys.ARROW_DOWN);
        assertThat(focused().getText()).isEqualTo("Open candidate");
        focused().sendKeys(Keys.ARROW_DOWN);
        assertThat(focused().getText()).as("the arrows wrap around").isEqualTo(Flows.EXPORT_LABEL);
        focused().sendKeys(Keys.ESCAPE);
        browser.waitFor("focus back on the ⋯", d -> rowMenu.equals(focused().getAttribute("id")));
        assertThat(browser.driver().findElements(By.cssSelector(".menu[role=menu]")))
                .isEmpty();
        browser.step("01-menu-closed-focus-on-ellipsis");

        // Enter on "Export to FactorialHr" opens the dialog; Tab and Shift+Tab stay inside it
        focused().sendKeys(Keys.ENTER);
        browser.waitFor("menu open", d -> "menuitem".equals(focused().getAttribute("role")));
        focused().sendKeys(Keys.ENTER);
        browser.waitVisible(testId("draft-field-email"));
        browser.waitFor("focus in the dialog", d -> insideDialog(focused()));
        for (int i = 0; i < 45; i++) {
            focused().sendKeys(Keys.TAB);
            assertThat(insideDialog(focused()))
                    .as("Tab %d keeps the focus in the dialog", i + 1)
                    .isTrue();
            assertFocusIsVisible(focused());
        }
        for (int i = 0; i < 45; i++) {
            focused().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
            assertThat(insideDialog(focused()))
                    .as("Shift+Tab %d keeps the focus in the dialog", i + 1)
                    .isTrue();
        }
        browser.step("02-dialog-focus-trapped");

        // Escape with nothing changed closes it, and the focus is back on the ⋯ that opened it
        focused().sendKeys(Keys.ESCAPE);
        browser.waitNoModal();
        browser.waitFor(
                "focus back on the row's ⋯", d -> rowMenu.equals(focused().getAttribute("id")));

        // Again, and export with the keyboard: Tab to the Export button, Enter
        focused().sendKeys(Keys.ENTER);
        browser.waitFor("menu open", d -> "menuitem".equals(focused().getAttribute("role")));
        focused().sendKeys(Keys.ENTER);
        browser.waitVisible(testId("draft-field-email"));
        browser.waitFor("focus in the dialog", d -> insideDialog(focused()));
        tabTo("the Export button", e -> "export-submit".equals(e.getAttribute("data-testid")))
                .sendKeys(Keys.ENTER);
        browser.waitVisible(testId("export-result"));
        assertThat(host.sandbox().employeeByEmail(candidate.get("email").asText()))
                .isPresent();
        browser.waitFor("focus on Close", d -> "export-cancel".equals(focused().getAttribute("data-testid")));
        focused().sendKeys(Keys.ENTER);
        browser.waitNoModal();
        browser.waitFor(
                "the list reloaded with the badge",
                d -> !Flows.row(browser, id(candidate))
                        .findElements(testId("export-badge"))
                        .isEmpty());
        browser.waitFor(
                "focus back on the row's ⋯ after the list reloaded",
                d -> rowMenu.equals(focused().getAttribute("id")));
        browser.step("03-exported-focus-back-on-ellipsis");
    }

    private static boolean withinViewport(WebElement element) {
        return (Boolean) browser.js(
                "const r = arguments[0].getBoundingClientRect();"
                        + " return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth;",
                element);
    }

    @Test
    @Order(3)
    void onAPhoneEveryActionStaysReachable() {
        ensureConnected();
        browser.signIn(UserRole.ADMIN);
        browser.resize(Browser.NARROW);
        try {
            assertThat(withinViewport(browser.waitVisible(testId("sign-out"))))
                    .as("Sign out on screen")
                    .isTrue();
            assertThat(withinViewport(browser.waitVisible(testId("nav-settings"))))
                    .as("Settings on screen")
                    .isTrue();

            // The list is a stack of cards, each with its ⋯ on screen
            List<WebElement> rows = Flows.filterHired(browser);
            assertThat(browser.js("return getComputedStyle(arguments[0]).display;", rows.get(0)))
                    .as("a row is a card")
                    .isEqualTo("block");
            for (WebElement row : rows) {
                WebElement menu = row.findElement(testId("row-menu-button"));
                browser.js("arguments[0].scrollIntoView({block: 'center'});", menu);
                assertThat(withinViewport(menu))
                        .as("the ⋯ of row %s", row.getAttribute("data-candidate-id"))
                        .isTrue();
            }
            assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as("no sideways scrolling")
                    .isEqualTo(true);
            assertNoEmailBreaksInsideAWord();
            browser.step("01-cards");

            // The export works at this width, its Export button in view without scrolling the dialog
            JsonNode candidate = hired.get(2);
            WebElement card = Flows.row(browser, id(candidate));
            WebElement dialog = Flows.openExportDialog(browser, card.findElement(testId("row-menu-button")));
            WebElement submit = dialog.findElement(testId("export-submit"));
            assertThat(browser.js(
                            "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
                            submit))
                    .as("the Export button is on screen")
                    .isEqualTo(true);
            browser.step("02-dialog");
            submit.click();
            browser.waitVisible(testId("export-result"));
            Flows.closeDialog(browser);
            // The list reloads after an export; its old rows go stale
            browser.waitFor(
                    "the list reloaded with the badge",
                    d -> !Flows.row(browser, id(candidate))
                            .findElements(testId("export-badge"))
                            .isEmpty());

            // The candidate page's ⋯ stands out as a button
            Flows.row(browser, id(candidate))
                    .findElement(testId("candidate-link"))
                    .click();
            WebElement pageMenu = browser.waitVisible(By.cssSelector(".page-actions [data-testid='row-menu-button']"));
            assertThat(withinViewport(pageMenu)).isTrue();
            assertThat(browser.js("return getComputedStyle(arguments[0]).borderTopColor;", pageMenu))
                    .as("the ⋯ has a visible border")
                    .isNotEqualTo("rgba(0, 0, 0, 0)");

            // The pipeline stacks its stages: Hired is below, not off to the right
            browser.waitClickable(testId("nav-jobs")).click();
            browser.waitVisible(testId("job-row"))
                    .findElement(testId("job-link"))
                    .click();
            WebElement hiredStage = browser.waitVisible(testId("pipeline-stage", "stage-name", "Hired"));
            browser.js("arguments[0].scrollIntoView();", hiredStage);
            assertThat(withinViewport(hiredStage)).as("the Hired stage").isTrue();
            assertNoEmailBreaksInsideAWord();
            browser.step("03-pipeline");
        } finally {
            browser.resetSize();
        }
    }

    @Test
    @Order(4)
    void theScreensAddedSinceHaveNoSeriousAccessibilityViolationsEither() {
        ensureConnected();
        ApiClient admin = host.signIn(UserRole.ADMIN);
        host.signIn(UserRole.RECRUITER); // a second session to list
        browser.signIn(UserRole.ADMIN);

        // Settings > Sessions, with the admin's own session and a recruiter's
        browser.open("/settings/sessions");
        browser.waitFor(
                "two sessions listed", d -> browser.allByTestId("session-row").size() >= 2);
        browser.checkScreen("14-sessions");

        // The mapping editor with a rule, reached and filled with the keyboard; then its preview
        browser.open("/settings/integrations/factorial/mapping");
        WebElement team = browser.waitVisible(testId("mapping-field", "field", "team_id"));
        WebElement addRule = team.findElement(testId("add-rule-team_id"));
        browser.js("arguments[0].focus();", addRule);
        addRule.sendKeys(Keys.ENTER);
        WebElement rule = browser.waitVisible(testId("mapping-rule"));
        new Select(rule.findElement(testId("rule-kind"))).selectByVisibleText("Department");
        new Select(rule.findElement(testId("rule-match"))).selectByVisibleText("Sales");
        new Select(rule.findElement(testId("rule-value"))).selectByVisibleText("Sales");
        browser.js("arguments[0].focus();", rule.findElement(testId("rule-kind")));
        for (String control : List.of("rule-match", "rule-value", "rule-remove")) {
            focused().sendKeys(Keys.TAB);
            assertFocusIsVisible(focused());
            assertThat(focused().getAttribute("data-testid"))
                    .as("Tab from the rule's previous control")
                    .isEqualTo(control);
        }
        tabTo("Preview", e -> "mapping-preview-button".equals(e.getAttribute("data-testid")));
        Object unnamed = browser.js("return [...document.querySelectorAll('main select, main input, main button')]"
                + ".filter((c) => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')"
                + " && !c.getAttribute('aria-labelledby') && !c.textContent.trim())"
                + ".map((c) => c.getAttribute('data-testid') || c.outerHTML);");
        assertThat((List<?>) unnamed).as("mapping controls without a name").isEmpty();
        browser.checkScreen("15-mapping-rules");
        focused().sendKeys(Keys.ENTER);
        browser.waitVisible(testId("preview-summary"));
        browser.checkScreen("15b-mapping-preview");

        // The integration's Automatic exports section with a hire that stopped for review
        Hiring.requireFields(admin, "team_id");
        Hiring.onHired(admin, "AUTO");
        Hiring.Pick candidate = Hiring.hireAnActiveCandidate(host.signIn(UserRole.RECRUITER));
        browser.waitFor(
                "the automatic export stopped for review",
                d -> admin.get("/api/automation/failures").json().get("items").size() > 0);
        browser.open("/settings/integrations/factorial");
        WebElement failure =
                browser.waitVisible(testId("automation-failure", "candidate-id", String.valueOf(candidate.id())));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", failure);
        browser.checkScreen("16-automatic-exports");

        // The export history with an export's follow-up steps
        browser.open("/exports");
        browser.waitVisible(testId("history-step"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", browser.byTestId("history-steps"));
        browser.checkScreen("17-export-history-steps");
    }

    /** Each e-mail on the page wraps, if at all, only between its parts (after @, before a dot). */
    private static void assertNoEmailBreaksInsideAWord() {
        Object broken = browser.js("const out = [];"
                + " for (const e of document.querySelectorAll('.email')) {"
                + "   for (const t of e.childNodes) {"
                + "     if (t.nodeType !== 3 || !t.textContent) continue;"
                + "     const r = document.createRange(); r.selectNodeContents(t);"
                + "     const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));"
                + "     if (lines.size > 1) out.push(e.textContent + ' breaks inside ' + t.textContent);"
                + "   }"
                + " }"
                + " return out;");
        assertThat((List<?>) broken).as("e-mails broken inside a word").isEmpty();
    }
}
