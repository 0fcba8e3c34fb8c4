package com.hirerelay.factorial.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.UploadedDocument;
import com.hirerelay.factorial.client.FactorialApi;
import com.hirerelay.factorial.client.FactorialIds;
import com.hirerelay.factorial.client.MultipartBody;
import com.hirerelay.factorial.client.PostOutcomeUnknownException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a candidate's document into an employee's file with the recipe of {@code factorial-api-round2.md}
 * section 1 ({@code space=employee_my_documents}, not public, no e-signature), in the folder the admin named.
 *
 * <p>Factorial keeps no checksum, so a document counts as already there when the employee's folder holds one
 * with the same file name and size: looked for before every upload, and again after an upload whose answer was
 * lost, so that a retry never stores a second copy. Thread-safe; the folder is resolved (and created) once.
 */
public final class DocumentUploader {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentUploader.class);

    private final String folderName;
    private final String authorAccessId;
    private final String authorSettingKey;
    private String folderId;

    /**
     * @param folderName the folder the documents go into, created when Factorial has none of that name
     * @param authorAccessId the access id Factorial records as the documents' author, or null for the
     *                       employee's own access id
     * @param authorSettingKey the connect-form key of that setting, named in errors
     */
    public DocumentUploader(String folderName, String authorAccessId, String authorSettingKey) {
        this.folderName = folderName;
        this.authorAccessId = authorAccessId;
        this.authorSettingKey = authorSettingKey;
    }

    /**
     * @param api the account's API
     * @param companyId the account's company
     * @param employeeId the employee whose file receives the document
     * @param document the document
     * @return the document in Factorial, found or uploaded
     */
    public UploadedDocument upload(FactorialApi api, String companyId, String employeeId, CandidateDocument document) {
        if (employeeId == null || !employeeId.matches("\\d{1,19}")) {
            throw new RemoteRejectedException(404, "Factorial has no employee " + employeeId);
        }
        String folder = folder(api, companyId);
        Optional<String> present = find(api, employeeId, folder, document);
        if (present.isPresent()) {
            return new UploadedDocument(present.get(), true);
        }
        byte[] bytes = read(document);
        String author = authorAccessId != null
                ? authorAccessId
                : api.accessIdOf(employeeId)
                        .orElseThrow(() -> new ValidationFailedException(
                                "Factorial names no access id for employee " + employeeId
                                        + ", so it cannot record who added the document",
                                List.of(new FieldError(
                                        authorSettingKey,
                                        "Enter the access id of the Factorial user documents are added as."))));
        MultipartBody form = new MultipartBody()
                .text("public", "false")
                .text("space", "employee_my_documents")
                .text("is_pending_assignment", "false")
                .text("request_esignature", "false")
                .text("author_id", author)
                .text("company_id", companyId)
                .text("employee_id", employeeId)
                .text("folder_id", folder)
                .text("file_filename", document.fileName())
                .file("file", document.fileName(), document.mediaType(), bytes);
        try {
            JsonNode answer = api.uploadDocument(form);
            String id = FactorialIds.read(answer.get("id"));
            if (id == null) {
                return lookAgain(api, employeeId, folder, document, null);
            }
            LOG.info("Uploaded document {} to Factorial employee {} as document {}", document.id(), employeeId, id);
            return new UploadedDocument(id, false);
        } catch (PostOutcomeUnknownException lost) {
            return lookAgain(api, employeeId, folder, document, lost);
        }
    }

    /** The upload may have been stored: look once; absent means nothing was stored and a retry may send it. */
    private UploadedDocument lookAgain(
            FactorialApi api, String employeeId, String folder, CandidateDocument document, Exception lost) {
        Optional<String> found;
        try {
            found = find(api, employeeId, folder, document);
        } catch (RuntimeException lookupFailed) {
            throw new RemoteUnavailableException(
                    "Factorial did not confirm the upload of " + document.fileName()
                            + " and could not be asked again; the next try looks before it sends",
                    lost == null ? lookupFailed : lost);
        }
        return found.map(id -> new UploadedDocument(id, false))
                .orElseThrow(() -> new RemoteUnavailableException(
                        "Factorial did not store " + document.fileName() + "; nothing was added, try again", lost));
    }

    private static Optional<String> find(
            FactorialApi api, String employeeId, String folder, CandidateDocument document) {
        for (JsonNode node : api.documentsOf(employeeId, folder)) {
            if (document.fileName().equals(node.path("filename").asText())
                    && document.sizeBytes() == node.path("file_size").asLong(-1)
                    && employeeId.equals(FactorialIds.read(node.get("employee_id")))) {
                return Optional.ofNullable(FactorialIds.read(node.get("id")));
            }
        }
        return Optional.empty();
    }

    private synchronized String folder(FactorialApi api, String companyId) {
        if (folderId != null) {
            return folderId;
        }
        List<String> found = api.folderIdsNamed(folderName);
        if (!found.isEmpty()) {
            folderId = found.get(0);
            return folderId;
        }
        try {
            folderId = api.createFolder(companyId, folderName);
            LOG.info("Created the Factorial document folder '{}' (id {})", folderName, folderId);
        } catch (PostOutcomeUnknownException lost) {
            folderId = api.folderIdsNamed(folderName).stream()
                    .findFirst()
                    .orElseThrow(() -> new RemoteUnavailableException(
                            "Factorial did not create the folder '" + folderName + "'; try again", lost));
        }
        return folderId;
    }

    /** Reads the bytes the host stored, checking they are the ones it described. */
    private static byte[] read(CandidateDocument document) {
        try (InputStream in = document.content().open()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, document.sizeBytes() + 1));
            if (bytes.length != document.sizeBytes()) {
                throw new ValidationFailedException(
                        "The ATS's copy of " + document.fileName() + " has " + bytes.length + " bytes, not the "
                                + document.sizeBytes() + " it announced; nothing was sent",
                        List.of());
            }
            return bytes;
        } catch (IOException e) {
            throw new ValidationFailedException(
                    "The ATS could not read " + document.fileName() + "; nothing was sent", List.of(), e);
        }
    }
}
