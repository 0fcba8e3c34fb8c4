package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * Issue 15 in a real browser: the admins' export history lists the updates sent to exported employees as their own
 * entries (who, when, each field from what to what, the outcome), filtered like the exports.
 */
class UpdateHistoryUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void anAdminSeesAnUpdateWithItsFieldsFromWhatToWhatAndFiltersByOutcome() {
        ApiClient recruiter = host.signIn(RECRUITER);
        JsonNode candidate = host.hiredCandidates(1).get(0);
        long id = candidate.get("id").asLong();
        ApiClient.Answer exported =
                recruiter.post("/api/candidates/" + id + "/exports/factorial", Map.of("values", Map.of()));
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        String oldStart = recruiter
                .get("/api/candidates/" + id)
                .json()
                .get("offer")
                .get("startDate")
                .asText();
        String newStart = LocalDate.parse(oldStart).plusDays(7).toString();
        assertThat(recruiter
                        .put("/api/candidates/" + id, Map.of("offerStartDate", newStart))
                        .status())
                .isEqualTo(200);
        ApiClient.Answer sent = recruiter.post(
                "/api/candidates/" + id + "/exports/factorial/update",
                Map.of(
                        "values",
                        Map.of(),
                        "fields",
                        List.of("contract_starts_on"),
                        "contractChange",
                        "CORRECT_CURRENT"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);

        ApiClient admin = host.signIn(ADMIN);
        JsonNode page = admin.get("/api/exports/updates?outcome=UPDATED&automatic=false")
                .json();
        assertThat(page.get("total").asLong()).as(page.toString()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("candidateName").asText())
                .isEqualTo(candidate.get("firstName").asText() + " "
                        + candidate.get("lastName").asText());
        assertThat(admin.get("/api/exports/updates?automatic=true")
                        .json()
                        .get("total")
                        .asLong())
                .as("none sent automatically")
                .isZero();
        assertThat(admin.get("/api/exports/updates?outcome=SOON").status()).isEqualTo(400);
        assertThat(recruiter.get("/api/exports/updates").status())
                .as("admins only")
                .isEqualTo(403);

        browser.signIn(ADMIN);
        browser.open("/exports");
        browser.waitVisible(testId("history-table"));
        browser.selectByValue(browser.byTestId("history-filter-kind"), "updates");
        WebElement row = browser.waitVisible(testId("update-history-row"));
        assertThat(row.getText())
                .as("who, which field from what to what, the outcome")
                .contains("Rita Recruiter", "Updated", "→")
                .contains(browser.dayText(newStart));
        assertThat(row.findElement(testId("update-field")).getAttribute("data-key"))
                .isEqualTo("contract_starts_on");
        browser.checkScreen("18-update-history");

        browser.selectByValue(browser.byTestId("history-filter-outcome"), "FAILED");
        browser.waitFor(Browser.textContains(testId("page-title"), "Export history"));
        browser.waitFor(
                "no failed update",
                driver -> browser.allByTestId("update-history-row").isEmpty());
        assertThat(browser.driver().getCurrentUrl()).contains("kind=updates", "outcome=FAILED");
    }
}
