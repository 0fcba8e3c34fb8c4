package com.hirerelay.host.web;

import com.hirerelay.host.errors.ApiError;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Correlation ids tie an error answer to the log line that holds its detail: every error body carries
 * one ({@link ApiError#correlationId()}), and the host logs one line per error answer that starts with
 * the same id. An operator given the id by a user finds what happened without the user ever seeing a
 * stack trace.
 *
 * <p>While Jersey serves a request the id sits in SLF4J's MDC under {@value #MDC_KEY}.
 */
public final class CorrelationIds {

    /** The MDC key (and JSON field) of the id. */
    public static final String MDC_KEY = "correlationId";

    private static final Logger LOG = LoggerFactory.getLogger("com.hirerelay.host.errors");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private CorrelationIds() {}

    /** @return a new id: 12 characters, easy to read aloud and to search for */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** @return the id of the request this thread serves, or a new one when none is set */
    static String current() {
        String id = MDC.get(MDC_KEY);
        return id == null ? next() : id;
    }

    /**
     * Logs one error answer: client errors on one INFO line, server errors with their stack trace.
     *
     * @param id the correlation id sent to the client
     * @param status the answer's status
     * @param code the answer's error code
     * @param request what was asked, such as {@code GET /api/candidates/7} (no query: it may hold names)
     * @param detail what went wrong, for the operator; may say more than the answer did
     * @param cause the failure, or null
     */
    static void log(String id, int status, String code, String request, String detail, Throwable cause) {
        String line = "[" + id + "] " + status + " " + code + " for " + printable(request) + ": " + printable(detail);
        if (status >= 500) {
            LOG.error(line, cause);
        } else {
            LOG.info(line);
        }
    }

    /** @return the text with control characters shown as '?' and cut to 300 characters: no log injection */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
