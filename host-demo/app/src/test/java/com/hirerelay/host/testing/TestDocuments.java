package com.hirerelay.host.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small real files of each kind the document upload meets, built in memory. */
public final class TestDocuments {

    private TestDocuments() {}

    /** @return a minimal PDF whose text makes it unique */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** @return a ZIP package holding a Word document part, as a .docx is */
    public static byte[] docx(String text) {
        return zip(
                "word/document.xml",
                "<w:document><w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body>" + "</w:document>");
    }

    /** @return a ZIP that is no Word document */
    public static byte[] plainZip() {
        return zip("notes.txt", "not a document");
    }

    /** @return the first bytes of a PNG image */
    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    /** @return the start of a Windows executable */
    public static byte[] executable() {
        return "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1);
    }

    /** @return the SHA-256 of the bytes, as the API shows it */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(String entry, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
