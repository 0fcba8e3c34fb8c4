package com.hirerelay.factorial.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) built in memory: Factorial's document upload takes each field
 * as a text part and the file as a part with a file name. Documents are at most 15 MB, so memory is fine and
 * the body can be sent again after a 429 as it is.
 */
public final class MultipartBody {

    private final String boundary = "hirerelay-" + UUID.randomUUID();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean finished;

    /** Adds a text part; a name may repeat (for arrays such as {@code signee_ids[]}). */
    public MultipartBody text(String name, String value) {
        requireOpen();
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n\r\n");
        write(value);
        write("\r\n");
        return this;
    }

    /** Adds the file part. */
    public MultipartBody file(String name, String fileName, String contentType, byte[] bytes) {
        requireOpen();
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\""
                + quoted(fileName) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        out.writeBytes(bytes);
        write("\r\n");
        return this;
    }

    /** @return the Content-Type header, with the boundary */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** @return the whole body; no part can be added afterwards */
    public byte[] bytes() {
        if (!finished) {
            write("--" + boundary + "--\r\n");
            finished = true;
        }
        return out.toByteArray();
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("The body is complete");
        }
    }

    private void write(String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A quote or line break would end the header early: RFC 7578 section 2 percent-encodes them. */
    private static String quoted(String text) {
        return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
