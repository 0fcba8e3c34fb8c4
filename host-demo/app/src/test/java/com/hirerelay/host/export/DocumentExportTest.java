package com.hirerelay.host.export;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import com.hirerelay.host.testing.TestDocuments;
import com.hirerelay.sandbox.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Documents sent with an export to the Factorial sandbox over real HTTP, one follow-up step each. */
class DocumentExportTest {

    private static final String UPLOADS = "documents/documents";

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    private static long upload(ApiClient client, long candidateId, String kind, String name, byte[] bytes) {
        ApiClient.Answer answer =
                client.upload("/api/candidates/" + candidateId + "/documents?kind=" + kind, name, bytes);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asLong();
    }

    private static long uploadsSent() {
        return host.sandbox().requests().stream()
                .filter(request -> request.method().equals("POST") && UPLOADS.equals(request.resource()))
                .count();
    }

    private static List<String> results(JsonNode outcome) {
        List<String> results = new ArrayList<>();
        outcome.get("documents")
                .forEach(document -> results.add(document.get("result").asText()));
        return results;
    }

    /** @return the document steps of the candidate's latest export in the history: label to state */
    private static Map<String, String> documentSteps(long candidateId) {
        JsonNode attempt = host.signIn(ADMIN)
                .get("/api/exports?candidateId=" + candidateId)
                .json()
                .get("items")
                .get(0);
        Map<String, String> states = new java.util.LinkedHashMap<>();
        attempt.get("steps").forEach(step -> {
            if (step.get("stepId").asText().startsWith("document-")) {
                states.put(step.get("label").asText(), step.get("state").asText());
            }
        });
        return states;
    }

    @Test
    void theDialogOffersTheDocumentsWithTheCvAndOfferLetterPreselected() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(0);
        upload(recruiter, id, "CV", "cv.pdf", TestDocuments.pdf("dialog cv"));
        upload(recruiter, id, "OFFER_LETTER", "offer.docx", TestDocuments.docx("dialog offer"));
        upload(recruiter, id, "OTHER", "certificate.pdf", TestDocuments.pdf("dialog other"));

        JsonNode draft = recruiter
                .get("/api/candidates/" + id + "/exports/factorial/draft")
                .json();

        assertThat(draft.get("capabilities").toString()).contains("DOCUMENTS");
        Map<String, Boolean> preselected = new java.util.HashMap<>();
        draft.get("documents")
                .forEach(document -> preselected.put(
                        document.get("fileName").asText(),
                        document.get("preselected").asBoolean()));
        assertThat(preselected)
                .containsEntry("cv.pdf", true)
                .containsEntry("offer.docx", true)
                .containsEntry("certificate.pdf", false);
    }

    @Test
    void aDocumentReachesTheEmployeeOnceEvenWhenExportedTwice() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(1);
        byte[] cv = TestDocuments.pdf("exported twice");
        long cvId = upload(recruiter, id, "CV", "cv.pdf", cv);
        long sentBefore = uploadsSent();

        JsonNode first = recruiter
                .post(
                        "/api/candidates/" + id + "/exports/factorial",
                        Map.of("values", Map.of(), "documentIds", List.of(cvId)))
                .json();
        JsonNode second = recruiter
                .post(
                        "/api/candidates/" + id + "/exports/factorial",
                        Map.of("values", Map.of(), "documentIds", List.of(cvId)))
                .json();

        String employeeId = first.get("employeeId").asText();
        assertThat(first.get("outcome").asText()).isEqualTo("CREATED");
        assertThat(results(first)).containsExactly("UPLOADED");
        assertThat(second.get("outcome").asText()).isEqualTo("ALREADY_EXISTS");
        assertThat(results(second)).containsExactly("ALREADY_THERE");
        List<Map<String, Object>> inFactorial = host.sandbox().documents(employeeId);
        assertThat(inFactorial).as("documents of the employee in Factorial").hasSize(1);
        assertThat(host.sandbox()
                        .documentBytes(String.valueOf(inFactorial.get(0).get("id"))))
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(cv));
        assertThat(uploadsSent() - sentBefore).as("uploads sent to Factorial").isEqualTo(1);
        JsonNode draft = recruiter
                .get("/api/candidates/" + id + "/exports/factorial/draft")
                .json();
        assertThat(draft.get("documents").get(0).get("sent").asText()).isEqualTo("UPLOADED");
        assertThat(draft.get("documents").get(0).get("preselected").asBoolean())
                .as("a document the employee has is not ticked again")
                .isFalse();
    }

    @Test
    void aFailingUploadLeavesTheEmployeeCreatedAndTheDocumentPendingForRetry() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(2);
        long cvId = upload(recruiter, id, "CV", "cv.pdf", TestDocuments.pdf("fails once"));
        long offerId = upload(recruiter, id, "OFFER_LETTER", "offer.pdf", TestDocuments.pdf("goes through"));
        host.sandbox().inject(Fault.status(503).on("POST", UPLOADS).times(1));

        ApiClient.Answer exported = recruiter.post(
                "/api/candidates/" + id + "/exports/factorial",
                Map.of("values", Map.of(), "documentIds", List.of(cvId, offerId)));

        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        JsonNode outcome = exported.json();
        String employeeId = outcome.get("employeeId").asText();
        assertThat(outcome.get("outcome").asText()).as("the export stands").isEqualTo("CREATED");
        assertThat(results(outcome)).containsExactly("FAILED", "UPLOADED");
        assertThat(outcome.get("warnings").toString()).contains("Upload cv.pdf");
        assertThat(host.sandbox().documents(employeeId))
                .as("only the offer arrived")
                .hasSize(1);
        JsonNode draft = recruiter
                .get("/api/candidates/" + id + "/exports/factorial/draft")
                .json();
        assertThat(draft.get("documents").get(0).get("sent").asText()).isEqualTo("FAILED");
        assertThat(draft.get("documents").get(0).get("preselected").asBoolean()).isTrue();
        assertThat(documentSteps(id))
                .as("each document is a follow-up step of the export in the history, beside the connector's")
                .containsExactly(Map.entry("Upload cv.pdf", "FAILED"), Map.entry("Upload offer.pdf", "DONE"));

        ApiClient.Answer retried = recruiter.post(
                "/api/candidates/" + id + "/exports/factorial/documents", Map.of("documentIds", List.of(cvId)));

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("employeeId").asText()).isEqualTo(employeeId);
        assertThat(results(retried.json())).containsExactly("UPLOADED");
        assertThat(host.sandbox().documents(employeeId)).hasSize(2);
        assertThat(documentSteps(id)).as("the retry finishes the export's step").containsEntry("Upload cv.pdf", "DONE");
    }

    @Test
    void documentsOfAnotherCandidateOrBeforeAnyExportAreRefusedBeforeAnythingIsSent() {
        ApiClient recruiter = host.signIn(RECRUITER);
        long id = host.hiredCandidateId(3);
        long other = host.hiredCandidateId(4);
        long foreign = upload(recruiter, other, "CV", "other.pdf", TestDocuments.pdf("someone else"));
        long own = upload(recruiter, id, "CV", "own.pdf", TestDocuments.pdf("own"));

        ApiClient.Answer refused = recruiter.post(
                "/api/candidates/" + id + "/exports/factorial",
                Map.of("values", Map.of(), "documentIds", List.of(foreign)));
        ApiClient.Answer notExported = recruiter.post(
                "/api/candidates/" + id + "/exports/factorial/documents", Map.of("documentIds", List.of(own)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("fieldErrors").get(0).get("field").asText())
                .isEqualTo("documentIds");
        assertThat(notExported.status()).as(notExported.toString()).isEqualTo(409);
        assertThat(notExported.json().get("code").asText()).isEqualTo("not_exportable");
        assertThat(host.sandbox()
                        .employeeByEmail(
                                host.hiredCandidates(4).get(3).get("email").asText()))
                .as("nothing was exported")
                .isEmpty();
    }
}
