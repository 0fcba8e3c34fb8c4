package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The export dialog and the history in a person's words: countries by name, dates and phone numbers as people
 * type them, and a history that names fields, teams and locations instead of keys and ids. One host, Factorial
 * connected; every test uses its own hired candidate.
 */
class ExportDialogUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    static List<JsonNode> hired;

    private static final List<String> SECTION_TITLES =
            List.of("Person", "Job and contract", "Placement in the company", "Documents");

    @BeforeAll
    static void findHiredCandidates() {
        hired = host.hiredCandidates(4);
    }

    private static long id(JsonNode candidate) {
        return candidate.get("id").asLong();
    }

    private static WebElement openDialogFor(JsonNode candidate) {
        browser.signIn(UserRole.RECRUITER);
        Flows.filterHired(browser);
        return Flows.openExportDialog(
                browser, Flows.row(browser, id(candidate)).findElement(testId("row-menu-button")));
    }

    /** What the browser calls a country in its own language, e.g. "Spain" for ES in an English browser. */
    private static String countryName(String code) {
        return (String) browser.js("return new Intl.DisplayNames(undefined, {type: 'region'}).of(arguments[0]);", code);
    }

    @Test
    void countriesDatesAndPhoneNumbersAreTypedAsPeopleWriteThemAndSentInTheirStandardForms() {
        JsonNode candidate = hired.get(0);
        JsonNode details = host.signIn(UserRole.RECRUITER)
                .get("/api/candidates/" + id(candidate))
                .json();
        WebElement dialog = openDialogFor(candidate);

        // Countries show their names; the start date shows in the browser's date format
        WebElement nationality = dialog.findElement(testId("draft-field-nationality"));
        WebElement country = dialog.findElement(testId("draft-field-country"));
        assertThat(nationality.getAttribute("value"))
                .isEqualTo(countryName(details.get("nationality").asText()));
        assertThat(country.getAttribute("role")).isEqualTo("combobox");
        WebElement start = dialog.findElement(testId("draft-field-contract_starts_on"));
        String offeredStart = details.get("offer").get("startDate").asText();
        assertThat(start.getAttribute("value")).isEqualTo(browser.dayText(offeredStart));

        // Typing part of a name offers the matching countries; Enter takes the highlighted one
        Flows.setValue(nationality, "Jap");
        WebElement options = browser.waitVisible(testId("draft-field-nationality-options"));
        assertThat(options.findElement(By.cssSelector("[role=option]")).getText())
                .startsWith(countryName("JP"));
        browser.step("01-country-search");
        nationality.sendKeys(Keys.ENTER);
        assertThat(nationality.getAttribute("value")).isEqualTo(countryName("JP"));
        assertThat(nationality.getAttribute("data-code")).isEqualTo("JP");

        // A whole name typed out is the country, not its first two letters
        Flows.setValue(country, "Spain");
        country.sendKeys(Keys.TAB);
        assertThat(country.getAttribute("data-code")).isEqualTo("ES");

        // A date in the browser's numeric format is read and shown back in the app's format
        String numeric = (String)
                browser.js(
                        "return new Intl.DateTimeFormat(undefined, {timeZone: 'UTC'}).format(new Date(Date.UTC(2026, 11, 24)));");
        Flows.setValue(start, numeric);
        start.sendKeys(Keys.TAB);
        assertThat(start.getAttribute("value")).isEqualTo(browser.dayText("2026-12-24"));

        // A phone number with spaces and 00 becomes E.164 when the box is left
        WebElement phone = dialog.findElement(testId("draft-field-phone_number"));
        Flows.setValue(phone, "0034 600 12 34 56");
        phone.sendKeys(Keys.TAB);
        assertThat(phone.getAttribute("value")).isEqualTo("+34600123456");

        // What cannot be read is said beside the field, and nothing is sent
        int employeesBefore = host.sandbox().employees().size();
        Flows.setValue(country, "Narnia");
        Flows.setValue(start, "31/31/2026");
        Flows.setValue(phone, "call me maybe");
        dialog.findElement(testId("export-submit")).click();
        assertThat(browser.waitVisible(testId("field-error-country")).getText())
                .isEqualTo("Choose a country from the list.");
        assertThat(browser.byTestId("field-error-contract_starts_on").getText()).startsWith("Enter a date such as ");
        assertThat(browser.byTestId("field-error-phone_number").getText())
                .isEqualTo("Enter a phone number with its country code, such as +34 600 000 000.");
        assertThat(host.sandbox().employees()).hasSize(employeesBefore);
        browser.step("02-unreadable-values");

        // Fixed: the employee gets the codes, the ISO date and the E.164 number
        Flows.setValue(country, "Spain");
        Flows.setValue(start, "2026-12-24");
        Flows.setValue(phone, "+34 600 12 34 56");
        Flows.submitExport(browser, dialog, "Exported to FactorialHr: employee ");
        Map<String, Object> employee =
                host.sandbox().employeeByEmail(candidate.get("email").asText()).orElseThrow();
        assertThat(employee.get("nationality")).isEqualTo("JP");
        assertThat(employee.get("country")).isEqualTo("ES");
        assertThat(employee.get("phone_number")).isEqualTo("+34600123456");
        assertThat(host.sandbox().contractVersions(String.valueOf(employee.get("id"))))
                .as("the contract starts on the typed date")
                .anySatisfy(contract -> assertThat(contract.get("starts_on")).isEqualTo("2026-12-24"));
        Flows.closeDialog(browser);
    }

    @Test
    void theHostRefusesAPhoneNumberItCannotReadEvenWithoutTheBrowsersHelp() {
        JsonNode candidate = hired.get(1);
        var api = host.signIn(UserRole.RECRUITER);
        var answer = api.post(
                "/api/candidates/" + id(candidate) + "/exports/factorial",
                Map.of("values", Map.of("phone_number", "12", "country", "ZZ")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        JsonNode errors = answer.json().get("fieldErrors");
        assertThat(errors.toString())
                .contains("\"field\":\"phone_number\"")
                .contains("\"field\":\"country\"")
                .contains("Choose a country from the list");
        assertThat(host.sandbox().employeeByEmail(candidate.get("email").asText()))
                .isEmpty();
    }

    @Test
    void theHistoryNamesFieldsTeamsAndLocationsAsTheyWereAtExportTime() {
        JsonNode candidate = hired.get(2);
        String nationality = host.signIn(UserRole.RECRUITER)
                .get("/api/candidates/" + id(candidate))
                .json()
                .get("nationality")
                .asText();
        WebElement dialog = openDialogFor(candidate);
        Select team = new Select(dialog.findElement(testId("draft-field-team_id")));
        WebElement teamOption = team.getOptions().stream()
                .filter(o -> !o.getAttribute("value").isEmpty())
                .reduce((first, second) -> second)
                .orElseThrow();
        String teamName = teamOption.getText();
        team.selectByValue(teamOption.getAttribute("value"));

        // First a refusal: the history says it in sentences with the fields' labels
        Flows.setValue(dialog.findElement(testId("draft-field-last_name")), "");
        dialog.findElement(testId("export-submit")).click();
        browser.waitVisible(testId("field-error-last_name"));
        Flows.setValue(
                dialog.findElement(testId("draft-field-last_name")),
                candidate.get("lastName").asText());
        Flows.submitExport(browser, dialog, "Exported to FactorialHr: employee ");
        Flows.closeDialog(browser);

        browser.signIn(UserRole.ADMIN);
        browser.waitClickable(testId("nav-exports")).click();
        List<WebElement> rows = browser.waitFor("two attempts of the candidate", d -> {
            List<WebElement> r = d.findElements(testId("history-row")).stream()
                    .filter(x -> x.getText().contains(candidate.get("firstName").asText()))
                    .toList();
            return r.size() == 2 ? r : null;
        });
        WebElement created = rows.get(0);
        WebElement failed = rows.get(1);
        assertThat(created.getAttribute("data-state")).isEqualTo("CREATED");
        assertThat(failed.findElement(testId("history-error")).getText())
                .startsWith("Nothing was sent. Last name: ")
                .doesNotContain("last_name");

        WebElement sent = created.findElement(testId("history-draft"));
        sent.findElement(By.tagName("summary")).click();
        String text = sent.getText();
        assertThat(text)
                .contains("Team\n" + teamName)
                .contains("Nationality\n" + countryName(nationality))
                .doesNotContain("team_id")
                .doesNotContain("legal_entity_id");
        browser.step("01-history-with-labels");

        // The names are kept with the attempt, so a later rename in Factorial does not rewrite the history
        JsonNode stored = host.signIn(UserRole.ADMIN)
                .get("/api/exports?candidateId=" + id(candidate) + "&outcome=CREATED")
                .json()
                .get("items")
                .get(0)
                .get("draftLines");
        assertThat(stored.toString()).contains("\"label\":\"Team\"").contains("\"shown\":\"" + teamName + "\"");
    }

    private static boolean inView(WebElement element) {
        return (Boolean) browser.js(
                "const r = arguments[0].getBoundingClientRect();"
                        + " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;",
                element);
    }

    @Test
    void theDialogIsInSectionsWithExportAlwaysInViewAndAsksBeforeTypedEditsAreLost() {
        JsonNode candidate = hired.get(3);
        WebElement dialog = openDialogFor(candidate);

        // Sections in the guide's order, required fields first
        List<WebElement> sections = dialog.findElements(testId("draft-section"));
        assertThat(sections.stream().map(x -> x.findElement(By.tagName("h3")).getText()))
                .containsExactlyElementsOf(SECTION_TITLES);
        List<Boolean> requiredInPerson = sections.get(0).findElements(By.cssSelector(".field > label")).stream()
                .map(label -> !label.findElements(By.cssSelector(".required")).isEmpty())
                .toList();
        assertThat(requiredInPerson.subList(0, 3))
                .as("first name, last name and e-mail lead")
                .containsOnly(true);
        assertThat(requiredInPerson.subList(3, requiredInPerson.size())).doesNotContain(true);
        assertThat(sections.get(2).getText()).contains("Legal entity", "Location", "Team", "Manager");
        assertThat(sections.get(3).getText())
                .as("Factorial takes documents: the Documents section lists the candidate's, here none")
                .contains("This candidate has no documents");

        // The guide's "Click Export": the button says Export and stays in view while the form scrolls
        WebElement submit = dialog.findElement(testId("export-submit"));
        assertThat(submit.getText()).isEqualTo("Export");
        assertThat(inView(submit)).as("Export in view at the top of the form").isTrue();
        browser.js(
                "arguments[0].scrollTop = arguments[0].scrollHeight;",
                dialog.findElement(By.cssSelector(".modal-body")));
        assertThat(inView(submit))
                .as("Export in view at the bottom of the form")
                .isTrue();
        browser.step("01-sections");

        // Escape after an edit asks; "Keep editing" keeps the dialog and the edit
        WebElement first = dialog.findElement(testId("draft-field-first_name"));
        String original = first.getAttribute("value");
        Flows.setValue(first, original + "-Edited");
        first.sendKeys(Keys.ESCAPE);
        WebElement question = browser.waitVisible(testId("discard-dialog"));
        assertThat(question.getText()).contains("Discard your changes?").contains("First name");
        browser.step("02-discard-question");
        question.findElement(testId("confirm-cancel")).click();
        browser.waitFor(
                "question gone", d -> d.findElements(testId("discard-dialog")).isEmpty());
        assertThat(browser.byTestId("export-dialog").isDisplayed()).isTrue();
        assertThat(first.getAttribute("value")).isEqualTo(original + "-Edited");

        // A click beside the dialog asks too; Escape on the question means keep editing
        WebElement backdrop = browser.driver().findElement(By.cssSelector(".modal-backdrop"));
        var size = backdrop.getSize();
        new org.openqa.selenium.interactions.Actions(browser.driver())
                // offsets count from the backdrop's centre: this is its top left corner, beside the dialog
                .moveToElement(backdrop, -size.getWidth() / 2 + 8, -size.getHeight() / 2 + 8)
                .click()
                .perform();
        browser.waitVisible(testId("discard-dialog"));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitFor(
                "question gone", d -> d.findElements(testId("discard-dialog")).isEmpty());
        assertThat(first.getAttribute("value")).isEqualTo(original + "-Edited");

        // Cancel, then Discard changes: closed, nothing sent, and the draft is as it was
        int employeesBefore = host.sandbox().employees().size();
        Flows.closeDialogDiscardingEdits(browser);
        assertThat(host.sandbox().employees()).hasSize(employeesBefore);
        WebElement again = Flows.openExportDialog(
                browser, Flows.row(browser, id(candidate)).findElement(testId("row-menu-button")));
        assertThat(again.findElement(testId("draft-field-first_name")).getAttribute("value"))
                .isEqualTo(original);

        // Without edits, Escape closes at once
        browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitNoModal();
        assertThat(browser.allByTestId("discard-dialog")).isEmpty();
    }
}
