package com.hirerelay.host.export;

import com.hirerelay.api.Capability;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.UploadedDocument;
import com.hirerelay.host.errors.HostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a candidate's chosen documents to the employee an export created or linked, each as its own step:
 * one that fails is recorded and reported and leaves the export and the other documents as they are, and is
 * sent again by a later export or a retry. Bytes the employee has already (same checksum, recorded per
 * employee) are not sent again.
 *
 * <p>Each document becomes a follow-up step of the export ({@code document-<id>}) once the host records
 * follow-up steps; until then its standing is kept in {@code document_uploads}.
 */
public final class DocumentSteps {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentSteps.class);

    private final DocumentUploadRepository uploads;
    private final Clock clock;

    public DocumentSteps(DocumentUploadRepository uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
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
     * @param connection the connection, which declares {@link Capability#DOCUMENTS}
     * @return one outcome per document, in the order given
     */
    public List<DocumentOutcome> send(
            HrisConnection connection,
            String connectorId,
            long candidateId,
            String employeeId,
            List<CandidateDocument> documents) {
        List<DocumentOutcome> outcomes = new ArrayList<>();
        for (CandidateDocument document : documents) {
            outcomes.add(sendOne(connection, connectorId, candidateId, employeeId, document));
        }
        return outcomes;
    }

    private DocumentOutcome sendOne(
            HrisConnection connection,
            String connectorId,
            long candidateId,
            String employeeId,
            CandidateDocument document) {
        long documentId = Long.parseLong(document.id());
        if (!uploads.claim(documentId, candidateId, connectorId, employeeId, document.sha256(), clock.instant())) {
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
