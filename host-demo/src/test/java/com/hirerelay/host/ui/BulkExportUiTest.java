package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.RunningHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/** Bulk export from the hired candidate list: progress to done, every row exported once, no duplicate employees. */
class BulkExportUiTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    static Path root;
    static RunningHost running;

    @BeforeAll
    static void startHost() {
        running = RunningHost.start(root);
        running.connectFactorial();
        browser.use(running);
    }

    @AfterAll
    static void stopHost() {
        if (running != null) {
            running.close();
        }
    }

    private static void select(List<JsonNode> candidates) {
        for (JsonNode c : candidates) {
            WebElement box = Flows.row(browser, c.get("id").asLong()).findElement(testId("bulk-select"));
            assertThat(box.isEnabled()).isTrue();
            if (!box.isSelected()) {
                box.click();
            }
        }
        browser.waitFor(d -> d.findElement(org.openqa.selenium.By.cssSelector(".bulk-count")).getText()
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
        browser.waitFor("bulk export finished", d -> box.findElement(org.openqa.selenium.By.cssSelector(".bulk-summary")).getText().contains("finished"));
        WebElement progress = box.findElement(org.openqa.selenium.By.tagName("progress"));
        assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max"));
        return Browser.within(box, "bulk-result").stream()
                .collect(Collectors.toMap(r -> r.getAttribute("data-candidate-id"), r -> r.getAttribute("data-state")));
    }

    private static void assertOneEmployeePerEmail(List<JsonNode> candidates) {
        List<Map<String, Object>> employees = running.sandbox().employees();
        for (JsonNode c : candidates) {
            String email = c.get("email").asText();
            assertThat(employees.stream().filter(e -> email.equalsIgnoreCase(String.valueOf(e.get("email")))))
                    .as("employees with %s", email).hasSize(1);
        }
    }

    @Test
    void bulkExportOfSeveralHiredRowsRunsToDoneWithoutDuplicates() {
        List<JsonNode> hired = Flows.hiredCandidates(running, 4);
        List<JsonNode> firstThree = hired.subList(0, 3);
        int employeesBefore = running.sandbox().employees().size();

        browser.signIn("RECRUITER");
        Flows.filterHired(browser);
        select(firstThree);
        browser.step("01-selected");
        Map<String, String> states = runBulk(0);
        browser.step("02-first-bulk-done");
        assertThat(states).hasSize(3);
        for (JsonNode c : firstThree) {
            assertThat(states.get(c.get("id").asText())).as(c.get("email").asText()).isEqualTo("CREATED");
        }
        assertThat(browser.driver().findElement(org.openqa.selenium.By.cssSelector("[data-testid='bulk-progress'] .bulk-summary")).getText())
                .contains("3 of 3 done").contains("3 succeeded").contains("0 failed");
        assertOneEmployeePerEmail(firstThree);
        assertThat(running.sandbox().employees()).hasSize(employeesBefore + 3);

        // The list reloads: each exported row carries its badge
        browser.waitFor("export badges on the exported rows", d -> firstThree.stream().allMatch(c ->
                !Flows.row(browser, c.get("id").asLong()).findElements(testId("export-badge")).isEmpty()));

        // Again with the same three and one more: the three link their employees, only the new one is created
        select(hired);
        Map<String, String> again = runBulk(1);
        browser.step("03-second-bulk-done");
        assertThat(again).hasSize(4);
        for (JsonNode c : firstThree) {
            assertThat(again.get(c.get("id").asText())).as(c.get("email").asText()).isEqualTo("ALREADY_EXISTS");
        }
        assertThat(again.get(hired.get(3).get("id").asText())).isEqualTo("CREATED");
        assertOneEmployeePerEmail(hired);
        assertThat(running.sandbox().employees()).as("no duplicate employees").hasSize(employeesBefore + 4);
    }
}
