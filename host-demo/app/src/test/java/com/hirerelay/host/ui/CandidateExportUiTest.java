package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.INTERVIEWER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.ui.Browser.testId;
import static com.hirerelay.host.ui.Flows.EXPORT_LABEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.RunningHost;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Exporting one candidate from the candidate list, the candidate page and the pipeline board, with field errors
 * and Factorial's own refusals; and what an interviewer does not get. One host, Factorial connected; every test
 * uses its own hired candidate.
 */
class CandidateExportUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    static List<JsonNode> hired;

    @BeforeAll
    static void findHiredCandidates() {
        hired = host.hiredCandidates(5);
    }

    private static long id(JsonNode candidate) {
        return candidate.get("id").asLong();
    }

    @Test
    void theGuidesStepsCanBeFollowedByTheWordsOnTheScreen() {
        JsonNode candidate = hired.get(4);
        String name = candidate.get("firstName").asText() + " "
                + candidate.get("lastName").asText();

        // "Sign in to your ATS": the form's labels and its button, as read
        browser.showSignIn();
        Flows.fieldLabelled(browser, browser.driver(), "Email").sendKeys(RunningHost.email(RECRUITER));
        Flows.fieldLabelled(browser, browser.driver(), "Password").sendKeys(RunningHost.password(RECRUITER));
        Flows.buttonNamed(browser, browser.driver(), "Sign in").click();

        // "Go to Candidates, open the filters and update the Status to display only Hired candidates"
        Flows.linkNamed(browser, "Candidates").click();
        Flows.buttonNamed(browser, browser.driver(), "Open Filters").click();
        new Select(Flows.fieldLabelled(browser, browser.driver(), "Status")).selectByVisibleText("Hired");
        browser.waitFor("the list follows the Status at once", ExpectedConditions.urlContains("status=HIRED"));

        // "Click the ⋯ beside the candidate, then Export to FactorialHr"
        // The URL follows the filter at once; the filtered list replaces the rows a moment later, so a ⋯
        // found before that is gone by the click: click the one the list shows when it is clicked.
        browser.waitFor("the ⋯ beside " + name + " in the filtered list", driver -> {
            try {
                Flows.buttonNamed(browser, driver, "Actions for " + name).click();
                return true;
            } catch (StaleElementReferenceException replaced) {
                return null;
            }
        });
        Flows.buttonNamed(browser, browser.driver(), EXPORT_LABEL).click();
        WebElement dialog = browser.waitVisible(By.cssSelector("[role=dialog]"));
        // The heading names the person once the draft has loaded
        Flows.fieldLabelled(browser, dialog, "First name");
        assertThat(dialog.findElement(By.tagName("h2")).getText())
                .as("the dialog names the person and the HR system")
                .isEqualTo("Export " + name + " to FactorialHr");

        // "Review the details and click Export"
        Flows.buttonNamed(browser, dialog, "Export").click();
        WebElement result = browser.waitVisible(By.cssSelector("[role=dialog] [role=status]"));
        assertThat(result.getText()).startsWith("Exported to FactorialHr: employee ");
        assertThat(host.sandbox().employeeByEmail(candidate.get("email").asText()))
                .as("the employee the guide's steps created")
                .isPresent();
        Flows.buttonNamed(browser, dialog, "Close").click();
        browser.waitNoModal();
        browser.step("01-guide-followed-by-its-words");
    }

    @Test
    void recruiterExportsFromTheHiredFilterAndFixesAFieldError() {
        JsonNode candidate = hired.get(0);
        browser.signIn(RECRUITER);
        List<WebElement> rows = Flows.filterHired(browser);
        long hiredTotal = host.signIn(RECRUITER)
                .get("/api/candidates?status=HIRED")
                .json()
                .get("total")
                .asLong();
        assertThat(browser.byTestId("pager-info").getText()).contains(hiredTotal + " total");
        assertThat(rows).allSatisfy(r -> assertThat(r.getText()).contains("Hired"));
        browser.step("01-hired-filter");
        browser.screen("02-candidates-list-filters-open");

        WebElement row = Flows.row(browser, id(candidate));
        List<WebElement> items = browser.openMenu(row.findElement(testId("row-menu-button")));
        assertThat(Flows.texts(items)).contains(EXPORT_LABEL, "Open candidate");
        browser.step("02-row-menu");
        browser.closeMenu();

        WebElement dialog = Flows.openExportDialog(
                browser, Flows.row(browser, id(candidate)).findElement(testId("row-menu-button")));
        String first = candidate.get("firstName").asText();
        String email = candidate.get("email").asText();
        assertThat(dialog.findElement(By.cssSelector(".modal-header h2")).getText())
                .isEqualTo("Export " + first + " " + candidate.get("lastName").asText() + " to FactorialHr");
        WebElement firstName = dialog.findElement(testId("draft-field-first_name"));
        WebElement emailField = dialog.findElement(testId("draft-field-personal_email"));
        assertThat(firstName.getAttribute("value")).isEqualTo(first);
        assertThat(emailField.getAttribute("value")).isEqualTo(email);
        browser.step("03-draft");

        int employeesBefore = host.sandbox().employees().size();
        Flows.setValue(firstName, first + "-Edited");
        Flows.setValue(emailField, "not-an-email");
        dialog.findElement(testId("export-submit")).click();
        WebElement emailError = browser.waitVisible(testId("field-error-personal_email"));
        assertThat(emailError.getText()).isNotBlank();
        assertThat(emailField.findElement(By.xpath("..")).findElement(testId("field-error-personal_email")))
                .isEqualTo(emailError);
        assertThat(emailField.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(firstName.getAttribute("value")).as("other edits kept").isEqualTo(first + "-Edited");
        assertThat(emailField.getAttribute("value")).isEqualTo("not-an-email");
        assertThat(browser.byTestId("export-submit").isEnabled()).isTrue();
        assertThat(host.sandbox().employees()).as("nothing sent to Factorial").hasSize(employeesBefore);
        browser.step("04-field-error");

        String fixed = "ui.export." + id(candidate) + "@example.com";
        Flows.setValue(emailField, fixed);
        dialog.findElement(testId("export-submit")).click();
        WebElement result = browser.waitVisible(testId("export-result"));
        assertThat(result.getText()).matches("(?s)Exported to FactorialHr: employee \\S+.*");
        String employeeId = result.getText().replaceAll("(?s)^Exported to FactorialHr: employee (\\S+).*$", "$1");
        assertThat(browser.driver()
                        .findElements(testId("field-error-personal_email"))
                        .get(0)
                        .isDisplayed())
                .isFalse();
        browser.step("05-exported");

        Map<String, Object> employee =
                host.sandbox().employeeByEmail(fixed).orElseThrow(() -> new AssertionError("no employee " + fixed));
        assertThat(String.valueOf(employee.get("id"))).isEqualTo(employeeId);
        assertThat(employee.get("first_name")).isEqualTo(first + "-Edited");
        assertThat(host.sandbox().employees()).hasSize(employeesBefore + 1);

        // Closing reloads the list: the row carries the export badge
        browser.byTestId("export-cancel").click();
        browser.waitNoModal();
        browser.waitFor(
                "export badge on the row",
                d -> !Flows.row(browser, id(candidate))
                        .findElements(testId("export-badge"))
                        .isEmpty());
        assertThat(Flows.row(browser, id(candidate))
                        .findElement(testId("export-badge"))
                        .getText())
                .contains(employeeId);
    }

    @Test
    void factorialRefusalIsShownAndTheDialogKeepsTheEdits() {
        JsonNode candidate = hired.get(1);
        browser.signIn(RECRUITER);
        Flows.filterHired(browser);
        WebElement dialog = Flows.openExportDialog(
                browser, Flows.row(browser, id(candidate)).findElement(testId("row-menu-button")));
        WebElement firstName = dialog.findElement(testId("draft-field-first_name"));
        String edited = candidate.get("firstName").asText() + "-Kept";
        Flows.setValue(firstName, edited);

        host.sandbox()
                .inject(Fault.status(422, "{\"errors\":{\"errors\":[\"Email has already been taken\"]}}")
                        .on("POST", "employees/employees/create_with_contract"));
        dialog.findElement(testId("export-submit")).click();
        browser.waitFor(
                "Factorial's message in the dialog",
                d -> d.findElement(testId("export-dialog")).getText().contains("Email has already been taken"));
        browser.step("01-factorial-422");
        WebElement emailError = browser.byTestId("field-error-personal_email");
        assertThat(emailError.isDisplayed())
                .as("the e-mail refusal sits beside the e-mail field")
                .isTrue();
        assertThat(emailError.getText()).contains("already been taken");
        assertThat(firstName.getAttribute("value")).as("edits kept").isEqualTo(edited);
        assertThat(browser.driver().findElements(testId("export-result")).get(0).isDisplayed())
                .isFalse();
        WebElement submit = browser.byTestId("export-submit");
        assertThat(submit.isEnabled()).isTrue();
        assertThat(host.sandbox().employeeByEmail(candidate.get("email").asText()))
                .isEmpty();

        // The fault fired once: sending again with the kept edits works
        submit.click();
        browser.waitVisible(testId("export-result"));
        assertThat(host.sandbox().employeeByEmail(candidate.get("email").asText()))
                .hasValueSatisfying(e -> assertThat(e.get("first_name")).isEqualTo(edited));
        browser.step("02-retried");
    }

    @Test
    void candidatePageAndPipelineOfferTheExportOnlyForHiredCandidates() {
        JsonNode candidate = hired.get(2);
        browser.signIn(RECRUITER);

        // Candidate page of a hired candidate: ellipsis with the export item (and nothing else)
        Flows.filterHired(browser);
        Flows.row(browser, id(candidate)).findElement(testId("candidate-link")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                testId("candidate-name"), candidate.get("firstName").asText()));
        List<WebElement> items = browser.openMenu(
                browser.waitClickable(By.cssSelector(".page-actions [data-testid='row-menu-button']")));
        assertThat(Flows.texts(items)).containsExactly(EXPORT_LABEL);
        browser.step("01-candidate-page-menu");
        items.get(0).click();
        WebElement dialog = browser.waitVisible(testId("export-dialog"));
        browser.waitFor(ExpectedConditions.attributeToBe(
                testId("draft-field-personal_email"),
                "value",
                candidate.get("email").asText()));
        dialog.findElement(testId("export-cancel")).click();
        browser.waitNoModal();

        // Candidate page of a candidate who is not hired: no ellipsis
        JsonNode active = host.signIn(RECRUITER)
                .get("/api/candidates?status=ACTIVE&pageSize=1")
                .json()
                .get("items")
                .get(0);
        browser.open("/candidates/" + id(active));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                testId("candidate-name"), active.get("firstName").asText()));
        assertThat(browser.allByTestId("row-menu-button")).isEmpty();

        // Job > Pipeline tab, for every job: Hired cards have the ellipsis with the export item, other stages none
        browser.waitClickable(testId("nav-jobs")).click();
        List<String> jobIds = browser.waitFor("job rows", d -> {
            List<WebElement> rows = d.findElements(testId("job-row"));
            return rows.isEmpty()
                    ? null
                    : rows.stream().map(r -> r.getAttribute("data-job-id")).toList();
        });
        boolean first = true;
        for (String jobId : jobIds) {
            if (first) {
                browser.driver()
                        .findElement(testId("job-row", "job-id", jobId))
                        .findElement(testId("job-link"))
                        .click();
            } else {
                browser.open("/jobs/" + jobId + "/pipeline");
            }
            browser.waitFor(ExpectedConditions.urlContains("#/jobs/" + jobId + "/pipeline"));
            browser.waitVisible(testId("pipeline-board"));
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".tabs .tab.active"))
                            .getText())
                    .isEqualTo("Pipeline");
            List<WebElement> stages = browser.allByTestId("pipeline-stage");
            assertThat(stages).isNotEmpty();
            int hiredCards = 0;
            for (WebElement stage : stages) {
                List<WebElement> cards = Browser.within(stage, "pipeline-card");
                List<WebElement> menus = Browser.within(stage, "row-menu-button");
                if ("Hired".equals(stage.getAttribute("data-stage-name"))) {
                    assertThat(cards).as("job %s has hired candidates", jobId).isNotEmpty();
                    assertThat(menus).as("one ellipsis per Hired card").hasSameSizeAs(cards);
                    hiredCards += cards.size();
                } else {
                    assertThat(menus)
                            .as("no ellipsis in stage %s of job %s", stage.getAttribute("data-stage-name"), jobId)
                            .isEmpty();
                }
            }
            assertThat(hiredCards).isPositive();
            assertThat(browser.js(
                            "const r = document.querySelector('[data-stage-name=\"Hired\"]').getBoundingClientRect();"
                                    + " return r.right <= document.documentElement.clientWidth;"))
                    .as("the Hired column fits a 1280 px window without scrolling sideways")
                    .isEqualTo(true);
            if (first) {
                browser.step("02-pipeline");
                WebElement hiredStage = browser.driver().findElement(testId("pipeline-stage", "stage-name", "Hired"));
                List<WebElement> cardItems = browser.openMenu(
                        Browser.within(hiredStage, "row-menu-button").get(0));
                assertThat(Flows.texts(cardItems)).containsExactly(EXPORT_LABEL, "Open candidate");
                browser.step("03-pipeline-menu");
                cardItems.get(0).click();
                WebElement pipelineDialog = browser.waitVisible(testId("export-dialog"));
                // a candidate another test of this class exported opens in update mode (issue 15)
                browser.waitFor(
                        "the export or update form",
                        d -> !d.findElements(testId("draft-field-personal_email"))
                                        .isEmpty()
                                || !d.findElements(testId("update-submit")).isEmpty());
                assertThat(pipelineDialog.getText()).contains("FactorialHr");
                pipelineDialog.findElement(testId("export-cancel")).click();
                browser.waitNoModal();
            }
            first = false;
        }
    }

    private static final By PAGE_MENU = By.cssSelector(".page-actions [data-testid='row-menu-button']");

    private static long employeesWithEmail(String email) {
        return host.sandbox().employees().stream()
                .filter(e -> email.equalsIgnoreCase(String.valueOf(e.get("email"))))
                .count();
    }

    @Test
    void candidatePageExportSendsTheEditsAndASecondExportLinksTheSameEmployee() {
        JsonNode candidate = hired.get(3);
        long candidateId = id(candidate);
        String email = candidate.get("email").asText();
        browser.signIn(RECRUITER);
        Flows.filterHired(browser);
        Flows.row(browser, candidateId).findElement(testId("candidate-link")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                testId("candidate-name"), candidate.get("firstName").asText()));
        browser.waitVisible(testId("candidate-details"));
        assertThat(browser.byTestId("candidate-exports").getText()).contains("Not exported to any HR system yet.");
        browser.screen("03-candidate-page");

        // Candidate page ellipsis > Export to FactorialHr; edit a text field and pick a location from Factorial's list
        WebElement dialog = Flows.openExportDialog(browser, browser.waitClickable(PAGE_MENU));
        browser.screen("05-export-dialog");
        String editedCity = "Girona UI " + candidateId;
        Flows.setValue(dialog.findElement(testId("draft-field-city")), editedCity);
        Select location = new Select(dialog.findElement(testId("draft-field-location_id")));
        List<String> locationIds = location.getOptions().stream()
                .map(o -> o.getAttribute("value"))
                .filter(v -> !v.isEmpty())
                .toList();
        assertThat(locationIds).as("locations from Factorial's reference data").isNotEmpty();
        String locationId = locationIds.get(locationIds.size() - 1);
        location.selectByValue(locationId);
        assertThat(dialog.findElements(By.cssSelector("label .required")))
                .as("required fields are marked")
                .isNotEmpty();
        browser.step("01-candidate-page-edited-draft");

        int employeesBefore = host.sandbox().employees().size();
        String employeeId = Flows.submitExport(browser, dialog, "Exported to FactorialHr: employee ");
        assertThat(dialog.findElement(testId("export-result-link")).getAttribute("href"))
                .as("a link to the employee")
                .contains(employeeId);
        browser.screen("06-export-result");

        Map<String, Object> employee =
                host.sandbox().employeeByEmail(email).orElseThrow(() -> new AssertionError("no employee " + email));
        assertThat(String.valueOf(employee.get("id"))).isEqualTo(employeeId);
        assertThat(employee.get("city")).as("the edited city reached Factorial").isEqualTo(editedCity);
        assertThat(String.valueOf(employee.get("location_id")))
                .as("the chosen location reached Factorial")
                .isEqualTo(locationId);
        assertThat(host.sandbox().employees()).hasSize(employeesBefore + 1);

        // Closing reloads the page: the export is listed
        Flows.closeDialog(browser);
        browser.waitFor(
                "the candidate page lists the export",
                d -> d.findElements(testId("candidate-export-row")).size() == 1);
        assertThat(browser.byTestId("candidate-export-row").getText())
                .contains("FactorialHr")
                .contains(employeeId);
        assertThat(browser.byTestId("candidate-name")
                        .findElement(By.xpath(".."))
                        .findElement(testId("export-badge"))
                        .getText())
                .contains(employeeId);

        // A second export opens in update mode (issue 15): it says so, and "Link only" keeps the same employee
        // instead of creating another
        List<WebElement> items = browser.openMenu(browser.waitClickable(PAGE_MENU));
        items.stream()
                .filter(item -> item.getText().equals(EXPORT_LABEL))
                .findFirst()
                .orElseThrow()
                .click();
        WebElement again = browser.waitVisible(testId("export-dialog"));
        browser.waitVisible(testId("update-submit"));
        WebElement notice = again.findElement(testId("export-existing"));
        assertThat(notice.getText())
                .contains("Exported to FactorialHr as employee " + employeeId)
                .contains("Exporting again updates that employee");
        browser.screen("05b-export-dialog-already-exported");
        again.findElement(testId("update-link-only")).click();
        WebElement kept = browser.waitVisible(testId("update-result"));
        assertThat(kept.getText()).startsWith("Kept the link to employee " + employeeId + " in FactorialHr");
        browser.screen("06b-export-result-already-in-factorial");
        assertThat(host.sandbox().employees()).as("no second employee").hasSize(employeesBefore + 1);
        assertThat(employeesWithEmail(email)).isEqualTo(1);
        assertThat(String.valueOf(
                        host.sandbox().employeeByEmail(email).orElseThrow().get("id")))
                .isEqualTo(employeeId);
        Flows.closeDialog(browser);
    }

    @Test
    void pipelineExportFromAHiredCardSendsTheEditedJobTitle() {
        // A job whose Hired stage holds a candidate that no other test of this class exports
        Set<Long> taken = hired.stream().map(CandidateExportUiTest::id).collect(Collectors.toSet());
        var api = host.signIn(RECRUITER);
        String jobId = null;
        JsonNode candidate = null;
        for (JsonNode job : api.get("/api/jobs").json()) {
            for (JsonNode stage : api.get("/api/jobs/" + job.get("id").asText() + "/pipeline")
                    .json()
                    .get("stages")) {
                if (stage.get("name").asText().equals("Hired")) {
                    for (JsonNode c : stage.get("candidates")) {
                        if (candidate == null && !taken.contains(id(c))) {
                            jobId = job.get("id").asText();
                            candidate = c;
                        }
                    }
                }
            }
        }
        assertThat(candidate).as("a hired candidate on some pipeline").isNotNull();
        long candidateId = id(candidate);
        String email = candidate.get("email").asText();

        browser.signIn(RECRUITER);
        browser.waitClickable(testId("nav-jobs")).click();
        browser.waitVisible(testId("job-row", "job-id", jobId))
                .findElement(testId("job-link"))
                .click();
        browser.waitVisible(testId("pipeline-board"));
        By cardBy = By.cssSelector(
                "[data-testid='pipeline-stage'][data-stage-name='Hired'] [data-testid='pipeline-card'][data-candidate-id='"
                        + candidateId + "']");
        WebElement card = browser.waitVisible(cardBy);
        browser.screen("04-pipeline");

        WebElement dialog = Flows.openExportDialog(browser, card.findElement(testId("row-menu-button")));
        WebElement jobTitle = dialog.findElement(testId("draft-field-job_title"));
        String editedTitle = "Staff " + jobTitle.getAttribute("value") + " (edited in the pipeline)";
        Flows.setValue(jobTitle, editedTitle);
        int employeesBefore = host.sandbox().employees().size();
        String employeeId = Flows.submitExport(browser, dialog, "Exported to FactorialHr: employee ");
        browser.step("01-pipeline-exported");

        Map<String, Object> employee =
                host.sandbox().employeeByEmail(email).orElseThrow(() -> new AssertionError("no employee " + email));
        assertThat(String.valueOf(employee.get("id"))).isEqualTo(employeeId);
        List<Map<String, Object>> contracts = host.sandbox().contractVersions(employeeId);
        assertThat(contracts).as("contract versions").isNotEmpty();
        assertThat(contracts.get(contracts.size() - 1).get("job_title"))
                .as("the edited job title is on the employee's current contract")
                .isEqualTo(editedTitle);
        assertThat(host.sandbox().employees()).hasSize(employeesBefore + 1);

        // Closing reloads the board: the card carries the export badge
        Flows.closeDialog(browser);
        browser.waitFor(
                "export badge on the card",
                d -> !d.findElement(cardBy).findElements(testId("export-badge")).isEmpty());
        assertThat(browser.driver()
                        .findElement(cardBy)
                        .findElement(testId("export-badge"))
                        .getText())
                .contains(employeeId);
    }

    @Test
    void interviewerSeesNoExportMenuAndNoSettings() {
        browser.signIn(INTERVIEWER);
        assertThat(browser.allByTestId("nav-settings")).isEmpty();
        assertThat(browser.allByTestId("nav-exports")).isEmpty();

        List<WebElement> rows = Flows.filterHired(browser);
        assertThat(rows).isNotEmpty();
        assertThat(browser.allByTestId("row-menu-button")).isEmpty();
        assertThat(browser.allByTestId("bulk-select")).isEmpty();
        assertThat(browser.allByTestId("bulk-export")).isEmpty();
        browser.step("01-interviewer-hired-list");

        long hiredId = id(hired.get(0));
        Flows.row(browser, hiredId).findElement(testId("candidate-link")).click();
        browser.waitVisible(testId("candidate-details"));
        assertThat(browser.allByTestId("row-menu-button")).isEmpty();

        browser.waitClickable(testId("nav-jobs")).click();
        List<String> jobIds = browser.waitFor("job rows", d -> {
            List<WebElement> jobRows = d.findElements(testId("job-row"));
            return jobRows.isEmpty()
                    ? null
                    : jobRows.stream().map(r -> r.getAttribute("data-job-id")).toList();
        });
        for (String jobId : jobIds) {
            browser.open("/jobs/" + jobId + "/pipeline");
            browser.waitVisible(testId("pipeline-stage", "stage-name", "Hired"));
            browser.waitFor(
                    "hired cards shown",
                    d -> !d.findElement(testId("pipeline-stage", "stage-name", "Hired"))
                            .findElements(testId("pipeline-card"))
                            .isEmpty());
            assertThat(browser.allByTestId("row-menu-button"))
                    .as("pipeline of job %s", jobId)
                    .isEmpty();
        }
        browser.step("02-interviewer-pipeline");

        for (String path : List.of(
                "/settings/integrations", "/settings/integrations/factorial", "/settings/plugins", "/exports")) {
            browser.open(path);
            WebElement refusal = browser.waitVisible(testId("load-error"));
            assertThat(refusal.getText()).as(path).isEqualTo("Only admins can open this page.");
            assertThat(browser.allByTestId("integration-card")).isEmpty();
            assertThat(browser.allByTestId("connection-details")).isEmpty();
            assertThat(browser.allByTestId("remove-integration")).isEmpty();
        }
        browser.open("/settings/integrations");
        browser.waitVisible(testId("load-error"));
        browser.step("03-interviewer-settings-refused");
    }
}
