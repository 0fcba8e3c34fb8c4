package com.hirerelay.api.hris;

import com.hirerelay.api.internal.Require;
import java.util.regex.Pattern;

/**
 * A document the ATS keeps for a candidate, handed to {@link HrisConnection#uploadDocument}. The host has
 * checked its type by content and its size before it stored it.
 *
 * @param id the host's stable id of the document; not blank
 * @param fileName the name it was uploaded with, without a directory, such as {@code ana-cv.pdf}; not blank
 * @param mediaType its type as the host detected it from the content, such as {@code application/pdf}
 * @param kind what it is
 * @param sizeBytes its length in bytes, at least 1
 * @param sha256 the SHA-256 of its bytes, 64 lower-case hex digits: the same bytes always have the same
 *               checksum, so a connector may use it to recognise a document it uploaded before
 * @param content its bytes, read when the upload runs
 * @since 1.3.0
 */
public record CandidateDocument(
        String id,
        String fileName,
        String mediaType,
        DocumentKind kind,
        long sizeBytes,
        String sha256,
        DocumentContent content) {

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * @throws IllegalArgumentException if a text is blank, the kind or content is null, the file name holds a
     *                                  path separator, the size is not positive or the checksum is not 64
     *                                  lower-case hex digits
     */
    public CandidateDocument {
        Require.notBlank(id, "document id");
        Require.notBlank(fileName, "file name");
        Require.notBlank(mediaType, "media type");
        Require.notNull(kind, "document kind");
        Require.notNull(content, "document content");
        if (fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("A document's file name has no directory: " + fileName);
        }
        if (sizeBytes < 1) {
            throw new IllegalArgumentException("A document has at least one byte");
        }
        if (sha256 == null || !SHA_256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
    }

    /** Leaves the content out: it is a stream, not a value. */
    @Override
    public String toString() {
        return "CandidateDocument[id=" + id + ", fileName=" + fileName + ", mediaType=" + mediaType + ", kind=" + kind
                + ", sizeBytes=" + sizeBytes + ", sha256=" + sha256 + "]";
    }
}
