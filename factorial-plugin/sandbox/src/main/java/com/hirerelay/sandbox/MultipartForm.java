package com.hirerelay.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into its parts, as Factorial's document upload receives
 * it: text parts for the fields, one part with a file name for the file, and repeated parts for arrays such as
 * {@code signee_ids[]}.
 */
record MultipartForm(List<Part> parts) {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

    /** One part: its field name, the file name when it carries a file, its type, and its bytes. */
    record Part(String name, String fileName, String contentType, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    MultipartForm {
        parts = List.copyOf(parts);
    }

    /** @return the parts named so, in the order they came */
    List<Part> all(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).toList();
    }

    /** @return the first part named so */
    Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** @return the first text part named so, when present */
    Optional<String> text(String name) {
        return part(name).filter(p -> p.fileName() == null).map(Part::text);
    }

    /**
     * @param contentType the request's Content-Type header
     * @param body the raw request body
     * @return the parts, or empty when the type is not multipart with a boundary or the body is malformed
     */
    static Optional<MultipartForm> parse(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return Optional.empty();
        }
        String b = boundary.group(2) != null ? boundary.group(2) : boundary.group(3);
        byte[] delimiter = ("--" + b).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (afterDelimiter + 2 > body.length) {
                return Optional.empty();
            }
            if (body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                return Optional.of(new MultipartForm(parts));
            }
            int headersStart = afterDelimiter + 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                return Optional.empty();
            }
            byte[] next = ("\r\n--" + b).getBytes(StandardCharsets.ISO_8859_1);
            int end = indexOf(body, next, headersEnd + 4);
            if (end < 0) {
                return Optional.empty();
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            String name = null;
            String fileName = null;
            String type = null;
            for (String line : headers.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-disposition:")) {
                    Matcher n = NAME.matcher(line);
                    name = n.find() ? n.group(1) : null;
                    Matcher f = FILE_NAME.matcher(line);
                    fileName = f.find() ? f.group(1) : null;
                } else if (lower.startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).strip();
                }
            }
            if (name == null) {
                return Optional.empty();
            }
            byte[] bytes = java.util.Arrays.copyOfRange(body, headersEnd + 4, end);
            parts.add(new Part(name, fileName, type, bytes));
            at = end + 2;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
