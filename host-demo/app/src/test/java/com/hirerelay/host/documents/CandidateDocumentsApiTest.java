package com.hirerelay.host.documents;

import static com.hirerelay.api.UserRole.INTERVIEWER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.host.testing.TestDocuments;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uploading, listing and downloading a candidate's documents over the host's HTTP API, stored in real SQLite. */
class CandidateDocumentsApiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    private static String documents(long candidateId) {
        return "/api/candidates/" + candidateId + "/documents";
    }

    @Test
    void aRecruiterUploadsAPdfAndItIsListedWithUploaderTimeAndChecksum() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(0);
        byte[] cv = TestDocuments.pdf("Ana's CV");

        ApiClient.Answer uploaded = recruiter.upload(documents(id) + "?kind=CV", "ana cv.pdf", cv);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode listed = recruiter.get(documents(id)).json();
        assertThat(listed).hasSize(1);
        JsonNode document = listed.get(0);
        assertThat(document.get("fileName").asText()).isEqualTo("ana cv.pdf");
        assertThat(document.get("kind").asText()).isEqualTo("CV");
        assertThat(document.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(document.get("sizeBytes").asLong()).isEqualTo(cv.length);
        assertThat(document.get("sha256").asText())
                .as("the checksum of the bytes sent")
                .isEqualTo(TestDocuments.sha256(cv));
        assertThat(document.get("uploadedBy").asText()).as("who uploaded it").isNotBlank();
        assertThat(document.get("uploadedAt").asText()).as("when").isNotBlank();
        ApiClient.Answer download = host.signIn(INTERVIEWER)
                .get(documents(id) + "/" + document.get("id").asText() + "/content");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body())
                .as("the bytes as uploaded")
                .isEqualTo(new String(cv, java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(download.headers().get("content-disposition").get(0)).startsWith("attachment;");
    }

    @Test
    void aWordDocumentIsRecognisedByItsContentAndAPlainZipNamedDocxIsNot() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(1);

        ApiClient.Answer word =
                recruiter.upload(documents(id) + "?kind=OFFER_LETTER", "offer.docx", TestDocuments.docx("x"));
        ApiClient.Answer zip = recruiter.upload(documents(id), "offer2.docx", TestDocuments.plainZip());

        assertThat(word.status()).as(word.toString()).isEqualTo(201);
        assertThat(word.json().get("mediaType").asText()).contains("wordprocessingml");
        assertThat(zip.status()).as(zip.toString()).isEqualTo(415);
        assertThat(zip.json().get("code").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void anExecutableOrAnImageNamedPdfIsRefusedByItsContentAndNothingIsStored() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(2);

        ApiClient.Answer executable = recruiter.upload(documents(id), "cv.pdf", TestDocuments.executable());
        ApiClient.Answer image = recruiter.upload(documents(id), "cv.pdf", TestDocuments.png());

        assertThat(executable.status()).as(executable.toString()).isEqualTo(415);
        assertThat(executable.json().get("message").asText()).contains("checked by its content");
        assertThat(image.status()).as(image.toString()).isEqualTo(415);
        assertThat(image.json().get("message").asText()).contains("PNG");
        assertThat(recruiter.get(documents(id)).json()).as("documents stored").isEmpty();
    }

    @Test
    void aFileOverFifteenMegabytesIsRefusedWithTooLarge() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(3);
        byte[] big = Arrays.copyOf(TestDocuments.pdf("big"), DocumentService.MAX_BYTES + 1);

        ApiClient.Answer refused = recruiter.upload(documents(id), "big.pdf", big);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.json().get("code").asText()).isEqualTo("too_large");
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(recruiter.get(documents(id)).json()).isEmpty();
    }

    @Test
    void aFileOfExactlyFifteenMegabytesPassesTheBodyLimitWithItsMultipartFraming() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(6);
        byte[] largest = Arrays.copyOf(TestDocuments.pdf("largest"), DocumentService.MAX_BYTES);

        ApiClient.Answer stored = recruiter.upload(documents(id), "largest.pdf", largest);

        assertThat(stored.status())
                .as("the host's body limit leaves room for the framing around a 15 MB file: " + stored)
                .isEqualTo(201);
        assertThat(stored.json().get("sizeBytes").asLong()).isEqualTo(DocumentService.MAX_BYTES);
    }

    @Test
    void theSameFileTwiceForACandidateIsADuplicate() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(4);
        byte[] cv = TestDocuments.pdf("twice");

        recruiter.upload(documents(id), "cv.pdf", cv);
        ApiClient.Answer again = recruiter.upload(documents(id), "cv-copy.pdf", cv);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("duplicate");
        assertThat(again.json().get("message").asText()).contains("cv.pdf");
        assertThat(recruiter.get(documents(id)).json()).hasSize(1);
    }

    @Test
    void anInterviewerMayReadButNotUpload() {
        ApiClient interviewer = host.signIn(INTERVIEWER);
        long id = host.hiredCandidateId(5);

        ApiClient.Answer refused = interviewer.upload(documents(id), "cv.pdf", TestDocuments.pdf("interviewer"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(interviewer.get(documents(id)).status()).isEqualTo(200);
        assertThat(host.signIn(RECRUITER)
                        .upload("/api/candidates/999999/documents", "cv.pdf", TestDocuments.pdf("x"))
                        .status())
                .as("an unknown candidate")
                .isEqualTo(404);
    }
}
