package com.hirerelay.host.export;

import com.hirerelay.api.Capability;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.FollowUpStep;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.UploadedDocument;
import com.hirerelay.host.documents.DocumentService;
import com.hirerelay.host.errors.HostException;
import com.hirerelay.host.errors.RequestRefusedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a candidate's chosen documents to the employee an export created or linked, each as its own step:
 * one that fails is recorded and reported and leaves the export and the other documents as they are, and is
 * sent again by a later export or a retry. Bytes the employee has already (same checksum, recorded per
 * employee) are not sent again.
 *
 * <p>Each document is a follow-up step of the export that sends it ({@code document-<id>}, "Upload <file
 * name>"), listed by the host beside the connector's own steps: recorded pending before the connector is
 * called, so the history shows it with the other steps, and finished after a crash by {@link FollowUpService}
 * through {@link #resume}, which calls the idempotent {@link HrisConnection#uploadDocument} again. Which bytes
 * reached which employee is kept per employee and checksum in {@code document_uploads}.
 */
public final class DocumentSteps {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentSteps.class);
    static final String STEP_PREFIX = "document-";

    private final DocumentUploadRepository uploads;
    private final ExportStepRepository steps;
    private final DocumentService documents;
    private final Clock clock;

    public DocumentSteps(
            DocumentUploadRepository uploads, ExportStepRepository steps, DocumentService documents, Clock clock) {
        this.uploads = uploads;
        this.steps = steps;
        this.documents = documents;
        this.clock = clock;
    }

    /** @return the follow-up step that sends this document */
    static FollowUpStep stepFor(CandidateDocument document) {
        return new FollowUpStep(STEP_PREFIX + document.id(), "Upload " + document.fileName());
    }

    /** @return whether the step is one of the host's document steps, not one of the connector's */
    static boolean isDocumentStep(String stepId) {
        return stepId.startsWith(STEP_PREFIX);
    }

    /** @return the documents' steps, for the attempt to record as pending after the connector's own steps */
    static List<FollowUpStep> planned(List<CandidateDocument> chosen) {
        return chosen.stream().map(DocumentSteps::stepFor).toList();
    }

    /**
     * Sends a document step's document again to the employee, when the host lost track of it (see
     * {@link FollowUpService}): the connector looks before it uploads, and bytes recorded as uploaded are not
     * sent at all.
     *
     * @return empty when the document is with the employee, else why not
     */
    Optional<String> resume(
            long candidateId, String connectorId, String employeeId, FollowUpStep step, HrisConnection connection) {
        long documentId = Long.parseLong(step.id().substring(STEP_PREFIX.length()));
        CandidateDocument document;
        try {
            document = documents.forExport(candidateId, List.of(documentId)).get(0);
        } catch (RequestRefusedException gone) {
            return Optional.of("The document is no longer among the candidate's documents; nothing was sent.");
        }
        DocumentOutcome outcome = sendOne(connection, connectorId, candidateId, employeeId, document, true);
        return switch (outcome.result()) {
            case UPLOADED, ALREADY_THERE -> Optional.empty();
            case IN_PROGRESS, FAILED -> Optional.of(outcome.message());
        };
    }

    /** What happened to one document in this send. */
    public enum Result {
        /** Sent now. */
        UPLOADED,
        /** The employee had it already: recorded by an earlier send, or found by the connector. */
        ALREADY_THERE,
        /** Another export is sending it right now. */
        IN_PROGRESS,
        /** Not sent; the message says why. Sending again is safe. */
        FAILED
    }

    /** One document's outcome, as the export answers it. */
    public record DocumentOutcome(String documentId, String fileName, Result result, String message) {}

    /**
     * Sends the documents, each as a step of the attempt: running while it is sent, then done or failed with
     * the reason.
     *
     * @param connection the connection, which declares {@link Capability#DOCUMENTS}
     * @param attemptId the export attempt whose steps these are (the latest export's, for a later send)
     * @return one outcome per document, in the order given
     */
    public List<DocumentOutcome> send(
            HrisConnection connection,
            String connectorId,
            long candidateId,
            String employeeId,
            long attemptId,
            List<CandidateDocument> chosen) {
        List<DocumentOutcome> outcomes = new ArrayList<>();
        for (CandidateDocument document : chosen) {
            FollowUpStep step = stepFor(document);
            steps.mark(attemptId, step, FollowUpState.RUNNING, null, clock.instant());
            DocumentOutcome outcome = sendOne(connection, connectorId, candidateId, employeeId, document, false);
            steps.mark(
                    attemptId,
                    step,
                    switch (outcome.result()) {
                        case UPLOADED, ALREADY_THERE -> FollowUpState.DONE;
                        case IN_PROGRESS -> FollowUpState.SKIPPED;
                        case FAILED -> FollowUpState.FAILED;
                    },
                    outcome.result() == Result.UPLOADED ? null : outcome.message(),
                    clock.instant());
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private DocumentOutcome sendOne(
            HrisConnection connection,
            String connectorId,
            long candidateId,
            String employeeId,
            CandidateDocument document,
            boolean resuming) {
        long documentId = Long.parseLong(document.id());
        if (!uploads.claim(
                documentId, candidateId, connectorId, employeeId, document.sha256(), resuming, clock.instant())) {
            boolean uploaded = uploads.find(connectorId, employeeId, document.sha256())
                    .map(row -> row.state() == DocumentUploadState.UPLOADED)
                    .orElse(false);
            return new DocumentOutcome(
                    document.id(),
                    document.fileName(),
                    uploaded ? Result.ALREADY_THERE : Result.IN_PROGRESS,
                    uploaded ? "Already in the employee's documents." : "Another export is sending it right now.");
        }
        try {
            UploadedDocument sent = connection.uploadDocument(employeeId, document);
            uploads.settle(
                    connectorId,
                    employeeId,
                    document.sha256(),
                    DocumentUploadState.UPLOADED,
                    sent.remoteId(),
                    null,
                    clock.instant());
            LOG.info(
                    "Document {} of candidate {} is in employee {} of {} ({})",
                    document.id(),
                    candidateId,
                    employeeId,
                    connectorId,
                    sent.alreadyPresent() ? "found there" : "uploaded");
            return new DocumentOutcome(
                    document.id(),
                    document.fileName(),
                    sent.alreadyPresent() ? Result.ALREADY_THERE : Result.UPLOADED,
                    sent.alreadyPresent() ? "Already in the employee's documents." : "Uploaded.");
        } catch (HrisException | HostException failed) {
            String message = failed.getMessage() == null ? "The upload failed." : failed.getMessage();
            uploads.settle(
                    connectorId,
                    employeeId,
                    document.sha256(),
                    DocumentUploadState.FAILED,
                    null,
                    message,
                    clock.instant());
            LOG.warn(
                    "Document {} of candidate {} was not uploaded to employee {} of {}: {}",
                    document.id(),
                    candidateId,
                    employeeId,
                    connectorId,
                    message);
            return new DocumentOutcome(document.id(), document.fileName(), Result.FAILED, message);
        }
    }

    /** @return what was sent for the candidate's documents with this connector */
    public List<DocumentUploadRepository.Upload> standing(long candidateId, String connectorId) {
        return uploads.forCandidate(candidateId, connectorId);
    }
}
