package com.hirerelay.host.documents;

import com.hirerelay.api.hris.DocumentKind;
import java.time.Instant;

/**
 * A candidate's document as the ATS keeps it, without its bytes.
 *
 * @param uploadedBy the name of the user who uploaded it
 */
public record StoredDocument(
        long id,
        long candidateId,
        String fileName,
        String mediaType,
        DocumentKind kind,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {}
