package com.hirerelay.host.ui;

import static com.hirerelay.api.UserRole.INTERVIEWER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static com.hirerelay.host.ui.Browser.testId;
import static com.hirerelay.host.ui.Flows.EXPORT_LABEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.host.testing.TestDocuments;
import com.hirerelay.sandbox.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Documents in a real browser: uploading on the candidate page (and refusals said in words), the export
 * dialog's Documents section with the CV and offer letter preselected, a failed upload with Retry.
 */
class DocumentsUiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    @RegisterExtension
    static final Browser browser = new Browser(host);

    @TempDir
    static Path files;

    static List<JsonNode> hired;

    @BeforeAll
    static void findHiredCandidates() {
        hired = host.hiredCandidates(3);
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        return Files.write(files.resolve(name), bytes);
    }

    private static void openCandidate(JsonNode candidate) {
        browser.open("/candidates/" + candidate.get("id").asLong());
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                testId("candidate-name"), candidate.get("firstName").asText()));
        browser.waitVisible(testId("candidate-documents"));
    }

    private static void uploadOnThePage(Path file, String kind) {
        WebElement form = browser.waitVisible(testId("document-upload-form"));
        form.findElement(testId("document-file")).sendKeys(file.toAbsolutePath().toString());
        browser.selectByValue(form.findElement(testId("document-kind")), kind);
        form.findElement(testId("document-upload")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                testId("document-upload-status"), "Uploaded " + file.getFileName()));
    }

    /** The page scrolled down to the Documents card: back to the top, where the actions menu is. */
    private static WebElement openExportDialogFromThePage() {
        browser.js("window.scrollTo(0, 0)");
        List<WebElement> items = browser.openMenu(
                browser.waitClickable(By.cssSelector(".page-actions [data-testid='row-menu-button']")));
        items.stream()
                .filter(i -> i.getText().equals(EXPORT_LABEL))
                .findFirst()
                .orElseThrow()
                .click();
        return browser.waitVisible(testId("export-dialog"));
    }

    @Test
    void aRecruiterUploadsDocumentsSeesThemListedAndSendsThemWithTheExport() throws IOException {
        JsonNode candidate = hired.get(0);
        browser.signIn(RECRUITER);
        openCandidate(candidate);

        uploadOnThePage(file("ana-cv.pdf", TestDocuments.pdf("ui cv")), "CV");
        uploadOnThePage(file("offer-letter.docx", TestDocuments.docx("ui offer")), "OFFER_LETTER");
        uploadOnThePage(file("certificate.pdf", TestDocuments.pdf("ui certificate")), "OTHER");
        browser.waitFor(driver -> browser.allByTestId("document-row").size() == 3);
        List<WebElement> rows = browser.allByTestId("document-row");
        assertThat(rows.get(0).getText()).contains("ana-cv.pdf", "CV");
        assertThat(browser.texts("document-uploader"))
                .as("who uploaded each")
                .allSatisfy(name -> assertThat(name).isNotBlank().isNotEqualTo("—"));
        browser.screen("20-candidate-documents-list");

        // A file whose content is not a document is refused in words, whatever its name
        Path fake = file("not-a-cv.pdf", TestDocuments.executable());
        WebElement form = browser.byTestId("document-upload-form");
        form.findElement(testId("document-file")).sendKeys(fake.toAbsolutePath().toString());
        form.findElement(testId("document-upload")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                testId("document-upload-status"), "checked by its content"));
        assertThat(browser.allByTestId("document-row")).hasSize(3);

        // The export dialog lists them, the CV and the offer letter ticked
        WebElement dialog = openExportDialogFromThePage();
        WebElement section = browser.waitVisible(testId("export-documents"));
        List<WebElement> boxes = Browser.within(section, "export-document");
        assertThat(boxes).hasSize(3);
        assertThat(boxes.stream().map(WebElement::isSelected).toList()).containsExactly(true, true, false);
        browser.js("arguments[0].scrollIntoView({block: 'center'})", section);
        browser.screen("21-export-dialog-documents");

        dialog.findElement(testId("export-submit")).click();
        browser.waitVisible(testId("export-result"));
        browser.waitFor(driver -> browser.allByTestId("export-document-result").size() == 2);
        assertThat(browser.allByTestId("export-document-result").stream()
                        .map(li -> li.getAttribute("data-result"))
                        .toList())
                .containsExactly("UPLOADED", "UPLOADED");
        String employeeId = host.sandbox()
                .employeeByEmail(candidate.get("email").asText())
                .orElseThrow()
                .get("id")
                .toString();
        assertThat(host.sandbox().documents(employeeId))
                .as("documents in the employee's file")
                .hasSize(2);
    }

    @Test
    void aFailedUploadIsShownAndRetriedFromTheDialog() throws IOException {
        JsonNode candidate = hired.get(1);
        browser.signIn(RECRUITER);
        openCandidate(candidate);
        uploadOnThePage(file("retry-cv.pdf", TestDocuments.pdf("ui retry")), "CV");
        host.sandbox()
                .inject(Fault.status(503).on("POST", "documents/documents").times(1));

        WebElement dialog = openExportDialogFromThePage();
        browser.waitVisible(testId("export-documents"));
        dialog.findElement(testId("export-submit")).click();
        WebElement failed = browser.waitVisible(testId("export-document-result", "result", "FAILED"));
        assertThat(browser.byTestId("export-result").getText()).contains("Exported to FactorialHr");
        assertThat(browser.allByTestId("export-warning"))
                .as("the failure shows once, in the documents list")
                .isEmpty();
        browser.screen("22-export-document-failed");

        failed.findElement(testId("export-document-retry")).click();
        browser.waitVisible(testId("export-document-result", "result", "UPLOADED"));
        String employeeId = host.sandbox()
                .employeeByEmail(candidate.get("email").asText())
                .orElseThrow()
                .get("id")
                .toString();
        assertThat(host.sandbox().documents(employeeId)).hasSize(1);
    }

    @Test
    void anInterviewerSeesTheDocumentsButNoUploadForm() throws IOException {
        JsonNode candidate = hired.get(2);
        host.signIn(RECRUITER)
                .upload(
                        "/api/candidates/" + candidate.get("id").asLong() + "/documents?kind=OTHER",
                        "for-interviewer.pdf",
                        TestDocuments.pdf("interviewer sees"));
        browser.signIn(INTERVIEWER);
        openCandidate(candidate);

        browser.waitFor(driver -> !browser.allByTestId("document-row").isEmpty());
        assertThat(browser.allByTestId("document-upload-form")).isEmpty();
    }
}
