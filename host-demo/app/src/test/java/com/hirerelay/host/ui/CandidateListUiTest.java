package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The candidate list as the guide describes it: filters that apply as they are chosen, an address that can be
 * bookmarked and shared, a bulk bar only once something is selected, and no way into settings for non-admins.
 */
class CandidateListUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    private static List<String> rowIds() {
        return browser.allByTestId("candidate-row").stream()
                .map(r -> r.getAttribute("data-candidate-id"))
                .toList();
    }

    private static List<String> apiIds(String query) {
        JsonNode page =
                host.signIn(UserRole.RECRUITER).get("/api/candidates?" + query).json();
        return java.util.stream.StreamSupport.stream(page.get("items").spliterator(), false)
                .map(c -> c.get("id").asText())
                .toList();
    }

    private static void waitForRows(String description, List<String> expected) {
        browser.waitFor(description, d -> rowIds().equals(expected));
    }

    @Test
    void filtersApplyAsTheyAreChosenAndTheAddressCanBeBookmarkedAndGoneBackTo() {
        browser.signIn(UserRole.RECRUITER);
        browser.waitVisible(testId("candidate-table"));
        browser.waitClickable(testId("open-filters")).click();
        assertThat(browser.allByTestId("apply-filters")).as("no Apply button").isEmpty();

        // Status = Hired: the list changes at once, and the address says so
        browser.selectByValue(browser.byTestId("filter-status"), "HIRED");
        waitForRows("only hired candidates", apiIds("status=HIRED&pageSize=25"));
        assertThat(browser.driver().getCurrentUrl()).contains("status=HIRED");

        // Job, then Stage: each narrows the list as soon as it is chosen
        JsonNode job = host.signIn(UserRole.RECRUITER).get("/api/jobs").json().get(0);
        String jobId = job.get("id").asText();
        browser.selectByValue(browser.byTestId("filter-job"), jobId);
        waitForRows("hired candidates of the job", apiIds("status=HIRED&jobId=" + jobId + "&pageSize=25"));
        WebElement stage = browser.waitFor("the job's stages", d -> {
            WebElement s = d.findElement(testId("filter-stage"));
            return s.isEnabled() && new Select(s).getOptions().size() > 1 ? s : null;
        });
        String hiredStage = new Select(stage)
                .getOptions().stream()
                        .filter(o -> o.getText().equals("Hired"))
                        .findFirst()
                        .orElseThrow()
                        .getAttribute("value");
        new Select(stage).selectByValue(hiredStage);
        List<String> filtered = apiIds("status=HIRED&jobId=" + jobId + "&stageId=" + hiredStage + "&pageSize=25");
        waitForRows("the job's Hired stage", filtered);
        String bookmark = browser.driver().getCurrentUrl();
        assertThat(bookmark).contains("status=HIRED", "jobId=" + jobId, "stageId=" + hiredStage);
        browser.step("01-filtered");

        // Back goes to the previous filters: the stage is dropped again
        browser.driver().navigate().back();
        waitForRows("back to the job's hired candidates", apiIds("status=HIRED&jobId=" + jobId + "&pageSize=25"));
        assertThat(new Select(browser.byTestId("filter-stage"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Any stage");

        // The bookmarked address opens the same list, with the filter panel showing the choices
        browser.driver().get("about:blank");
        browser.driver().get(bookmark);
        browser.waitVisible(testId("filter-panel"));
        waitForRows("the bookmarked list", filtered);
        assertThat(new Select(browser.byTestId("filter-status"))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Hired");
        browser.waitFor(
                "the bookmarked stage chosen",
                d -> new Select(d.findElement(testId("filter-stage")))
                        .getFirstSelectedOption()
                        .getText()
                        .equals("Hired"));

        // Clear filters empties them all and shows everyone
        browser.byTestId("clear-filters").click();
        waitForRows("everyone", apiIds("pageSize=25"));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("status=");
    }

    @Test
    void searchFollowsTheTypingAfterAPause() {
        JsonNode someone = host.signIn(UserRole.RECRUITER)
                .get("/api/candidates?status=HIRED&pageSize=1")
                .json()
                .get("items")
                .get(0);
        String last = someone.get("lastName").asText();
        browser.signIn(UserRole.RECRUITER);
        browser.waitClickable(testId("open-filters")).click();
        browser.byTestId("filter-q").sendKeys(last);
        waitForRows(
                "candidates named " + last,
                apiIds("q=" + java.net.URLEncoder.encode(last, java.nio.charset.StandardCharsets.UTF_8)
                        + "&pageSize=25"));
        assertThat(rowIds()).contains(someone.get("id").asText());
        assertThat(browser.driver().getCurrentUrl()).contains("q=");
    }

    @Test
    void theBulkBarAppearsOnlyOnceACandidateIsSelected() {
        browser.signIn(UserRole.RECRUITER);
        List<WebElement> rows = Flows.filterHired(browser);
        assertThat(browser.allByTestId("bulk-export"))
                .as("nothing selected, no bulk bar")
                .isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector(".bulk-bar")).isDisplayed())
                .isFalse();

        WebElement box = rows.get(0).findElement(testId("bulk-select"));
        box.click();
        WebElement bulk = browser.waitVisible(testId("bulk-export"));
        assertThat(bulk.getText()).isEqualTo("Export selected to FactorialHr");
        assertThat(browser.driver().findElement(By.cssSelector(".bulk-count")).getText())
                .isEqualTo("1 selected");
        browser.step("01-one-selected");

        box.click();
        browser.waitFor(
                "the bulk bar gone again",
                d -> d.findElements(testId("bulk-export")).isEmpty());
    }

    @Test
    void nonAdminsSeeNoSettingsMenuAnywhereNotEvenBesideARefusal() {
        for (UserRole role : List.of(UserRole.RECRUITER, UserRole.HIRING_MANAGER, UserRole.INTERVIEWER)) {
            browser.signIn(role);
            assertThat(browser.allByTestId("nav-settings"))
                    .as("%s: top bar", role)
                    .isEmpty();
            for (String path : List.of("/settings/integrations", "/settings/plugins", "/settings")) {
                browser.open(path);
                browser.waitVisible(testId("load-error"));
                assertThat(browser.allByTestId("nav-integrations"))
                        .as("%s on %s: no settings side menu", role, path)
                        .isEmpty();
                assertThat(browser.allByTestId("nav-plugins")).isEmpty();
                assertThat(browser.driver().findElements(By.cssSelector(".settings-nav")))
                        .isEmpty();
                assertThat(browser.allByTestId("nav-settings")).isEmpty();
            }
        }
        browser.step("01-refused-without-settings-menu");
    }
}
