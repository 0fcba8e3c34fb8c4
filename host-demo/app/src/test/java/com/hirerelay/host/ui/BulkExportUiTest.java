package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.sandbox.Fault;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Bulk export from the hired candidate list (progress to done, every row exported once, no duplicate employees, one
 * failure does not stop the others) and the export history page that records it all. Each test uses its own hired
 * candidates of the seeded data, so the tests do not depend on their order.
 */
class BulkExportUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    static List<JsonNode> hired;

    static final String EMAIL_TAKEN = "{\"errors\":{\"errors\":[\"Email has already been taken\"]}}";
    static final String CREATE = "employees/employees/create_with_contract";

    @BeforeAll
    static void findHiredCandidates() {
        hired = host.hiredCandidates(10);
    }

    private static void select(List<JsonNode> candidates) {
        for (JsonNode c : candidates) {
            WebElement box = Flows.row(browser, c.get("id").asLong()).findElement(testId("bulk-select"));
            assertThat(box.isEnabled()).isTrue();
            if (!box.isSelected()) {
                box.click();
            }
        }
        browser.waitFor(d -> d.findElement(org.openqa.selenium.By.cssSelector(".bulk-count"))
                .getText()
                .equals(candidates.size() + " selected"));
    }

    /** Starts the bulk export and waits for the newest progress box to say finished; returns states by candidate id. */
    private static Map<String, String> runBulk(int boxesBefore) {
        WebElement button = browser.waitClickable(testId("bulk-export", "connector-id", "factorial"));
        assertThat(button.getText()).isEqualTo("Export selected to FactorialHr");
        button.click();
        WebElement box = browser.waitFor("a new progress box", d -> {
            List<WebElement> boxes = d.findElements(testId("bulk-progress"));
            return boxes.size() == boxesBefore + 1 ? boxes.get(0) : null;
        });
        browser.waitFor(
                "bulk export finished",
                d -> box.findElement(org.openqa.selenium.By.cssSelector(".bulk-summary"))
                        .getText()
                        .contains("finished"));
        WebElement progress = box.findElement(org.openqa.selenium.By.tagName("progress"));
        assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
        return Browser.within(box, "bulk-result").stream()
                .collect(Collectors.toMap(r -> r.getAttribute("data-candidate-id"), r -> r.getAttribute("data-state")));
    }

    private static void assertOneEmployeePerEmail(List<JsonNode> candidates) {
        List<Map<String, Object>> employees = host.sandbox().employees();
        for (JsonNode c : candidates) {
            String email = c.get("email").asText();
            assertThat(employees.stream().filter(e -> email.equalsIgnoreCase(String.valueOf(e.get("email")))))
                    .as("employees with %s", email)
                    .hasSize(1);
        }
    }

    @Test
    void bulkExportOfSeveralHiredRowsRunsToDoneWithoutDuplicates() {
        List<JsonNode> four = hired.subList(0, 4);
        List<JsonNode> firstThree = four.subList(0, 3);
        int employeesBefore = host.sandbox().employees().size();

        browser.signIn(RECRUITER);
        Flows.filterHired(browser);
        select(firstThree);
        browser.step("01-selected");
        Map<String, String> states = runBulk(0);
        browser.step("02-first-bulk-done");
        assertThat(states).hasSize(3);
        for (JsonNode c : firstThree) {
            assertThat(states.get(c.get("id").asText()))
                    .as(c.get("email").asText())
                    .isEqualTo("CREATED");
        }
        assertThat(browser.driver()
                        .findElement(org.openqa.selenium.By.cssSelector("[data-testid='bulk-progress'] .bulk-summary"))
                        .getText())
                .contains("3 of 3 done")
                .contains("3 succeeded")
                .contains("0 failed");
        assertOneEmployeePerEmail(firstThree);
        assertThat(host.sandbox().employees()).hasSize(employeesBefore + 3);

        // The list reloads: each exported row carries its badge
        browser.waitFor(
                "export badges on the exported rows",
                d -> firstThree.stream()
                        .allMatch(c -> !Flows.row(browser, c.get("id").asLong())
                                .findElements(testId("export-badge"))
                                .isEmpty()));

        // Again with the same three and one more: the three link their employees, only the new one is created
        select(four);
        Map<String, String> again = runBulk(1);
        browser.step("03-second-bulk-done");
        assertThat(again).hasSize(4);
        for (JsonNode c : firstThree) {
            assertThat(again.get(c.get("id").asText()))
                    .as(c.get("email").asText())
                    .isEqualTo("ALREADY_EXISTS");
        }
        assertThat(again.get(four.get(3).get("id").asText())).isEqualTo("CREATED");
        assertOneEmployeePerEmail(four);
        assertThat(host.sandbox().employees()).as("no duplicate employees").hasSize(employeesBefore + 4);
    }

    @Test
    void oneFailureInABulkExportDoesNotStopTheOthers() {
        List<JsonNode> four = hired.subList(4, 8);
        int employeesBefore = host.sandbox().employees().size();
        // Factorial refuses the first create it receives, whichever candidate that is
        host.sandbox().inject(Fault.status(422, EMAIL_TAKEN).on("POST", CREATE).times(1));

        browser.signIn(RECRUITER);
        Flows.filterHired(browser);
        select(four);
        Map<String, String> states = runBulk(0);
        browser.screen("12-bulk-progress");
        browser.step("04-bulk-with-one-failure");

        assertThat(states).hasSize(4);
        List<String> failed = states.entrySet().stream()
                .filter(e -> e.getValue().equals("FAILED"))
                .map(Map.Entry::getKey)
                .toList();
        assertThat(failed).as("exactly one candidate failed: %s", states).hasSize(1);
        assertThat(states.values()).as("the others were exported").containsOnly("FAILED", "CREATED");
        WebElement box = browser.byTestId("bulk-progress");
        assertThat(box.findElement(By.cssSelector(".bulk-summary")).getText())
                .contains("4 of 4 done")
                .contains("3 succeeded")
                .contains("1 failed")
                .contains("finished");
        WebElement failedRow = box.findElement(testId("bulk-result", "candidate-id", failed.get(0)));
        assertThat(failedRow.getText()).as("the failed row says why").contains("Email has already been taken");
        assertThat(failedRow.findElement(By.cssSelector(".error-text")).isDisplayed())
                .isTrue();
        for (WebElement row : Browser.within(box, "bulk-result")) {
            if (!row.getAttribute("data-candidate-id").equals(failed.get(0))) {
                assertThat(row.getText()).contains("employee ");
            }
        }

        // Factorial holds the three others, and nobody for the one that failed
        for (JsonNode c : four) {
            String email = c.get("email").asText();
            if (c.get("id").asText().equals(failed.get(0))) {
                assertThat(host.sandbox().employeeByEmail(email))
                        .as("no employee for the failed %s", email)
                        .isEmpty();
            } else {
                assertThat(host.sandbox().employeeByEmail(email))
                        .as("employee for %s", email)
                        .isPresent();
            }
        }
        assertThat(host.sandbox().employees()).hasSize(employeesBefore + 3);

        // The list reloads: badges on the three, none on the failed row, which can be selected again
        browser.waitFor(
                "export badges on the exported rows",
                d -> four.stream()
                        .filter(c -> !c.get("id").asText().equals(failed.get(0)))
                        .allMatch(c -> !Flows.row(browser, c.get("id").asLong())
                                .findElements(testId("export-badge"))
                                .isEmpty()));
        WebElement failedListRow = Flows.row(browser, Long.parseLong(failed.get(0)));
        assertThat(failedListRow.findElements(testId("export-badge"))).isEmpty();
        assertThat(failedListRow.findElement(testId("bulk-select")).isEnabled()).isTrue();
    }

    /** Rows of the history table as candidate id → states, once the table matches the condition. */
    private static List<WebElement> historyRows(
            String description, java.util.function.Predicate<List<WebElement>> ready) {
        return browser.waitFor(description, d -> {
            List<WebElement> rows = d.findElements(testId("history-row"));
            return !rows.isEmpty() && ready.test(rows) ? rows : null;
        });
    }

    private static String candidateOf(WebElement historyRow) {
        return historyRow
                .findElement(By.cssSelector("a[href^='#/candidates/']"))
                .getAttribute("href")
                .replaceAll("^.*#/candidates/", "");
    }

    @Test
    void exportHistoryShowsTheExportsAndFiltersByOutcome() {
        // Three attempts through the API: created, the same candidate again (linked), and one Factorial refuses
        JsonNode exported = hired.get(8);
        JsonNode refused = hired.get(9);
        ApiClient recruiter = host.signIn(RECRUITER);
        var created = recruiter.post(
                "/api/candidates/" + exported.get("id").asText() + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(created.json().get("outcome").asText())
                .as(created.toString())
                .isEqualTo("CREATED");
        String employeeId = created.json().get("employeeId").asText();
        var linked = recruiter.post(
                "/api/candidates/" + exported.get("id").asText() + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(linked.json().get("outcome").asText()).as(linked.toString()).isEqualTo("ALREADY_EXISTS");
        host.sandbox().inject(Fault.status(422, EMAIL_TAKEN).on("POST", CREATE).times(1));
        var failed = recruiter.post(
                "/api/candidates/" + refused.get("id").asText() + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(422);
        ApiClient admin = host.signIn(ADMIN);

        browser.signIn(ADMIN);
        browser.waitClickable(testId("nav-exports")).click();
        browser.waitFor(ExpectedConditions.urlContains("#/exports"));
        assertThat(browser.waitVisible(testId("page-title")).getText()).isEqualTo("Export history");
        int total = admin.get("/api/exports?pageSize=25").json().get("total").asInt();
        List<WebElement> rows = historyRows("every attempt listed", r -> r.size() == Math.min(total, 25));
        String exportedId = exported.get("id").asText();
        String refusedId = refused.get("id").asText();
        List<String> statesOfExported = rows.stream()
                .filter(r -> candidateOf(r).equals(exportedId))
                .map(r -> r.getAttribute("data-state"))
                .toList();
        assertThat(statesOfExported).as("newest first").containsExactly("ALREADY_EXISTS", "CREATED");
        WebElement createdRow = rows.stream()
                .filter(r -> candidateOf(r).equals(exportedId)
                        && r.getAttribute("data-state").equals("CREATED"))
                .findFirst()
                .orElseThrow();
        assertThat(createdRow.getText())
                .contains(employeeId)
                .contains("Rita Recruiter")
                .contains("FactorialHr");
        // Each follow-up step of the export with its outcome
        assertThat(createdRow.findElements(testId("history-step")))
                .extracting(step -> step.getAttribute("data-step-id") + "=" + step.getAttribute("data-state"))
                .contains("contract-version=DONE");
        // The draft that was sent, behind a disclosure, by the labels and in the order of the export dialog
        WebElement draft = createdRow.findElement(testId("history-draft"));
        draft.findElement(By.tagName("summary")).click();
        browser.waitFor("draft open", d -> draft.getAttribute("open") != null);
        assertThat(draft.getText())
                .contains("Personal e-mail")
                .contains(exported.get("email").asText())
                .doesNotContain("first_name");
        assertThat(Flows.texts(draft.findElements(By.tagName("dt"))))
                .as("draft fields in the dialog's order")
                .startsWith("First name", "Last name", "Personal e-mail");
        WebElement refusedRow = rows.stream()
                .filter(r -> candidateOf(r).equals(refusedId))
                .findFirst()
                .orElseThrow();
        assertThat(refusedRow.getAttribute("data-state")).isEqualTo("FAILED");
        assertThat(refusedRow.getText()).contains("Email has already been taken");
        browser.screen("11-export-history");

        // Filter by outcome: only that outcome, as many rows as the API counts, and the URL keeps the filter
        for (String outcome : List.of("FAILED", "ALREADY_EXISTS", "CREATED")) {
            int expected = admin.get("/api/exports?pageSize=25&outcome=" + outcome)
                    .json()
                    .get("total")
                    .asInt();
            assertThat(expected).as(outcome).isPositive();
            browser.selectByValue(browser.byTestId("history-filter-outcome"), outcome);
            List<WebElement> filtered = historyRows(
                    "only " + outcome + " rows",
                    r -> r.size() == Math.min(expected, 25)
                            && r.stream().allMatch(x -> outcome.equals(x.getAttribute("data-state"))));
            assertThat(browser.driver().getCurrentUrl()).contains("outcome=" + outcome);
            String expectedCandidate = outcome.equals("FAILED") ? refusedId : exportedId;
            assertThat(filtered).extracting(BulkExportUiTest::candidateOf).contains(expectedCandidate);
            if (outcome.equals("FAILED")) {
                browser.step("05-history-failed-only");
            }
        }
        browser.selectByValue(browser.byTestId("history-filter-outcome"), "");
        historyRows("all rows again", r -> r.size() == Math.min(total, 25));
    }
}
