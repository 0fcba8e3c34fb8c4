package com.hirerelay.host.ui;

import static com.hirerelay.host.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.Hiring;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 16 in a real browser: a candidate is moved on the job's pipeline, with the keyboard through its "Move to…"
 * menu and with drag and drop; a move into Hired exports the candidate when the integration exports on Hired.
 */
class PipelineMoveUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @Test
    void aRecruiterMovesCandidatesToHiredWithTheKeyboardAndByDraggingAndBothAreExported() {
        Hiring.onHired(host.signIn(UserRole.ADMIN), "AUTO");
        ApiClient recruiter = host.signIn(UserRole.RECRUITER);
        List<Hiring.Pick> pair = twoActiveCandidatesOfOneJob(recruiter);
        Hiring.Pick byKeyboard = pair.get(0);
        Hiring.Pick byDragging = pair.get(1);
        long jobId = byKeyboard.candidate().get("job").get("id").asLong();

        browser.signIn(UserRole.RECRUITER);
        browser.open("/jobs/" + jobId + "/pipeline");
        WebElement move = browser.waitVisible(testId("pipeline-card", "candidate-id", Long.toString(byKeyboard.id())))
                .findElement(testId("move-button"));
        assertThat(move.getAccessibleName())
                .as("the accessible name holds the visible text, so voice control finds it (WCAG 2.5.3)")
                .startsWith(move.getText())
                .contains(byKeyboard.name());
        browser.checkScreen("01-pipeline-with-moves");

        // Keyboard only: focus the card's "Move to…", open it with Enter, arrow to Hired, choose it with Enter.
        browser.js("arguments[0].focus();", move);
        focused().sendKeys(Keys.ENTER);
        String hiredName = stageName(byKeyboard.hiredStage());
        for (int i = 0; i < 10 && !focused().getText().equals(hiredName); i++) {
            focused().sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(focused().getAttribute("role")).isEqualTo("menuitem");
        assertThat(focused().getText()).isEqualTo(hiredName);
        focused().sendKeys(Keys.ENTER);
        waitUntilIn(byKeyboard.hiredStage(), byKeyboard.id());
        browser.waitFor(
                "the focus is back on the moved card's Move to…",
                d -> "move-button".equals(focused().getAttribute("data-testid"))
                        && focused().getAttribute("id").endsWith("-" + byKeyboard.id()));

        // Drag and drop: the page's own handlers, driven with the browser's drag events.
        WebElement card = browser.waitVisible(testId("pipeline-card", "candidate-id", Long.toString(byDragging.id())));
        WebElement hired =
                browser.waitVisible(testId("pipeline-stage", "stage-id", Long.toString(byDragging.hiredStage())));
        browser.js(
                "const [card, target] = arguments; const dt = new DataTransfer();"
                        + " card.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));"
                        + " target.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt}));"
                        + " target.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));"
                        + " card.dispatchEvent(new DragEvent('dragend', {bubbles: true, dataTransfer: dt}));",
                card,
                hired);
        waitUntilIn(byDragging.hiredStage(), byDragging.id());
        browser.step("02-moved-to-hired");

        for (Hiring.Pick pick : pair) {
            Hiring.waitUntil(
                    "candidate " + pick.id() + " exported on Hired",
                    () -> Hiring.employeesWithEmail(host, pick.email()) == 1);
            assertThat(recruiter
                            .get("/api/candidates/" + pick.id())
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("HIRED");
        }
    }

    @Test
    void anInterviewerSeesThePipelineWithoutMoveControls() {
        ApiClient interviewer = host.signIn(UserRole.INTERVIEWER);
        long jobId = interviewer.get("/api/jobs").json().get(0).get("id").asLong();
        browser.signIn(UserRole.INTERVIEWER);
        browser.open("/jobs/" + jobId + "/pipeline");
        WebElement card = browser.waitVisible(testId("pipeline-card"));
        assertThat(card.findElements(testId("move-button")))
                .as("no Move to… for interviewers")
                .isEmpty();
        assertThat(card.getAttribute("draggable")).as("not draggable").isNotEqualTo("true");
    }

    /** Waits until the board shows the candidate's card in that stage (the board re-renders after a move). */
    private static void waitUntilIn(long stageId, long candidateId) {
        browser.waitVisible(By.cssSelector("[data-testid='pipeline-stage'][data-stage-id='" + stageId
                + "'] [data-testid='pipeline-card'][data-candidate-id='" + candidateId + "']"));
    }

    private static WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private static String stageName(long stageId) {
        return browser.waitVisible(testId("pipeline-stage", "stage-id", Long.toString(stageId)))
                .getAttribute("data-stage-name");
    }

    /** Two active candidates of the same job (the seed has several per job). */
    private static List<Hiring.Pick> twoActiveCandidatesOfOneJob(ApiClient user) {
        Map<Long, List<Integer>> byJob = new HashMap<>();
        JsonNode items =
                user.get("/api/candidates?status=ACTIVE&pageSize=25").json().get("items");
        for (int i = 0; i < items.size(); i++) {
            long job = items.get(i).get("job").get("id").asLong();
            List<Integer> indexes = byJob.computeIfAbsent(job, k -> new ArrayList<>());
            indexes.add(i);
            if (indexes.size() == 2) {
                return List.of(
                        Hiring.activeCandidate(user, indexes.get(0)), Hiring.activeCandidate(user, indexes.get(1)));
            }
        }
        throw new AssertionError("no job with two active candidates on the first page");
    }
}
