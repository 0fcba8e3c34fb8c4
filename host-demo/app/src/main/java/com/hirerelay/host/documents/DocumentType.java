package com.hirerelay.host.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a candidate's document may be, each recognised by its content (magic bytes), so that a
 * renamed executable or a script is refused whatever its name says.
 */
public enum DocumentType {
    PDF("application/pdf", List.of("pdf")),
    /** Word 97-2003: an OLE2 compound file. */
    DOC("application/msword", List.of("doc")),
    /** Word 2007 and later: a ZIP package holding {@code word/document.xml}. */
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    PNG("image/png", List.of("png")),
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    GIF("image/gif", List.of("gif")),
    WEBP("image/webp", List.of("webp"));

    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] WORD_PART = "word/document.xml".getBytes(StandardCharsets.US_ASCII);

    private final String mediaType;
    private final List<String> extensions;

    DocumentType(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    /** @return the media type the host serves and sends the document with */
    public String mediaType() {
        return mediaType;
    }

    /** @return whether a file name's extension is one this type is saved with */
    public boolean matchesName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** @return the extensions of every accepted type, for messages: ".pdf, .doc, ..." */
    public static String acceptedExtensions() {
        return String.join(
                ", ",
                java.util.Arrays.stream(values())
                        .flatMap(type -> type.extensions.stream())
                        .map(extension -> "." + extension)
                        .toList());
    }

    /**
     * Recognises a file by its first bytes; a ZIP counts as DOCX only when it holds a Word document part (its
     * name is stored uncompressed in the ZIP's headers, so nothing is inflated to find it).
     *
     * @param content the whole file
     * @return the type, or empty when it is none of the accepted types
     */
    public static Optional<DocumentType> detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, OLE2)) {
            return Optional.of(DOC);
        }
        if (startsWith(content, ZIP) && contains(content, WORD_PART)) {
            return Optional.of(DOCX);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(content, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(GIF);
        }
        if (startsWith(content, "RIFF".getBytes(StandardCharsets.US_ASCII))
                && content.length >= 12
                && new String(content, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] content, byte[] part) {
        outer:
        for (int i = 0; i <= content.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (content[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
