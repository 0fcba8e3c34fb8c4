package com.hirerelay.host.documents;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.DocumentKind;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.CandidateRepository;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps candidates' documents: checks an upload's size while reading it (never more than the limit plus one
 * byte is read), its type by content and against its name, and records its SHA-256.
 */
public final class DocumentService {

    /** The largest document accepted: Factorial's own limit, and enough for a scanned contract. */
    public static final int MAX_BYTES = 15 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    private static final int MAX_NAME = 200;

    private final DocumentRepository documents;
    private final CandidateRepository candidates;
    private final Clock clock;

    public DocumentService(DocumentRepository documents, CandidateRepository candidates, Clock clock) {
        this.documents = documents;
        this.candidates = candidates;
        this.clock = clock;
    }

    /**
     * Stores an uploaded document.
     *
     * @param declaredLength the request's Content-Length, or -1 when it announced none
     * @throws RequestRefusedException 404 for an unknown candidate; 413 {@code too_large} past 15 MB; 415
     *     {@code unsupported_media_type} for content that is no accepted type or does not match its name; 422 for an
     *     empty file, a bad name or kind; 409 {@code duplicate} when the candidate has these bytes already
     */
    public StoredDocument upload(
            long candidateId, String fileName, String kindText, InputStream body, long declaredLength, User user) {
        requireCandidate(candidateId);
        DocumentKind kind = kind(kindText);
        String name = cleanName(fileName);
        if (declaredLength > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] content;
        try (InputStream in = body) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new RequestRefusedException(Reason.BAD_REQUEST, "The upload was cut off; send the file again.");
        }
        if (content.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (content.length == 0) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "The file is empty.",
                    List.of(new FieldError("file", "Choose a file with content.")));
        }
        DocumentType type = DocumentType.detect(content)
                .orElseThrow(() -> new RequestRefusedException(
                        Reason.UNSUPPORTED_MEDIA_TYPE,
                        name + " is not a PDF, Word document or image (checked by its content). Accepted: "
                                + DocumentType.acceptedExtensions() + "."));
        if (!type.matchesName(name)) {
            throw new RequestRefusedException(
                    Reason.UNSUPPORTED_MEDIA_TYPE,
                    name + " holds a " + type.name() + " file but its name says otherwise; rename it to match.");
        }
        String sha256 = sha256(content);
        StoredDocument stored = documents
                .insert(candidateId, name, type, kind, content, sha256, user.id(), user.name(), clock.instant())
                .orElseThrow(() -> {
                    StoredDocument existing =
                            documents.withChecksum(candidateId, sha256).orElseThrow();
                    return new RequestRefusedException(
                            Reason.DUPLICATE,
                            "This candidate already has this file, as " + existing.fileName() + " (uploaded by "
                                    + existing.uploadedBy() + ").");
                });
        LOG.info(
                "User {} uploaded document {} ({} bytes, {}) for candidate {}",
                user.id(),
                stored.id(),
                stored.sizeBytes(),
                type,
                candidateId);
        return stored;
    }

    /** @return the candidate's documents, oldest first */
    public List<StoredDocument> list(long candidateId) {
        requireCandidate(candidateId);
        return documents.list(candidateId);
    }

    /** @return the document with its bytes, for a download */
    public Download download(long candidateId, long documentId) {
        StoredDocument document = find(candidateId, documentId);
        return new Download(document, documents.content(documentId).orElseThrow(() -> notFound(documentId)));
    }

    /** A document with its bytes. */
    public record Download(StoredDocument document, byte[] content) {}

    /**
     * The candidate's documents as the plugin API hands them to a connector; their bytes are read from the
     * database when the connector reads them.
     *
     * @throws RequestRefusedException 422 naming {@code documentIds} when one is not the candidate's
     */
    public List<CandidateDocument> forExport(long candidateId, List<Long> documentIds) {
        return documentIds.stream()
                .distinct()
                .map(id -> documents
                        .find(candidateId, id)
                        .orElseThrow(() -> new RequestRefusedException(
                                Reason.VALIDATION_FAILED,
                                "Document " + id + " is not one of this candidate's documents.",
                                List.of(new FieldError("documentIds", "Choose among the candidate's documents.")))))
                .map(this::toSpi)
                .toList();
    }

    /** @return the document as the plugin API hands it to a connector */
    public CandidateDocument toSpi(StoredDocument document) {
        return new CandidateDocument(
                Long.toString(document.id()),
                document.fileName(),
                document.mediaType(),
                document.kind(),
                document.sizeBytes(),
                document.sha256(),
                () -> new ByteArrayInputStream(documents
                        .content(document.id())
                        .orElseThrow(() -> new IOException("Document " + document.id() + " was deleted"))));
    }

    private StoredDocument find(long candidateId, long documentId) {
        requireCandidate(candidateId);
        return documents.find(candidateId, documentId).orElseThrow(() -> notFound(documentId));
    }

    private void requireCandidate(long candidateId) {
        if (candidates.find(candidateId).isEmpty()) {
            throw new RequestRefusedException(Reason.NOT_FOUND, "There is no candidate " + candidateId + ".");
        }
    }

    private static RequestRefusedException notFound(long documentId) {
        return new RequestRefusedException(Reason.NOT_FOUND, "There is no document " + documentId + ".");
    }

    private static RequestRefusedException tooLarge() {
        return new RequestRefusedException(Reason.TOO_LARGE, "A document may be at most 15 MB.");
    }

    private static DocumentKind kind(String text) {
        if (text == null || text.isBlank()) {
            return DocumentKind.OTHER;
        }
        try {
            return DocumentKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Choose what the document is.",
                    List.of(new FieldError("kind", "The kind is CV, OFFER_LETTER or OTHER.")));
        }
    }

    /** The name without any directory a browser or client put in front, and without control characters. */
    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Name the file.",
                    List.of(new FieldError("fileName", "Send the file's name in the X-File-Name header.")));
        }
        if (name.length() > MAX_NAME) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "The file name is too long.",
                    List.of(new FieldError("fileName", "A file name has at most " + MAX_NAME + " characters.")));
        }
        return name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
