package com.hirerelay.host.limits;

/**
 * The host's input limits in one place, so that the README's Security section, API.md and the checks
 * agree. Bodies over a limit are refused with 413 before they are read; values over a limit with 422 and
 * a field error.
 */
public final class RequestLimits {

    private RequestLimits() {}

    /** The largest JSON body of any call: an export draft with long values fits many times over. */
    public static final long MAX_JSON_BODY_BYTES = 256 * 1024;

    /**
     * The largest body of a connect form: more than JSON calls take, so that an API key pasted from the
     * wrong file (a megabyte of text) is answered beside its field, not only as too large.
     */
    public static final long MAX_CONNECT_BODY_BYTES = 2L * 1024 * 1024;

    /** The largest plugin jar an admin may upload. */
    public static final long MAX_PLUGIN_JAR_BYTES = 50L * 1024 * 1024;

    /**
     * How long a request body may pause: when no byte of it arrives for this many seconds, the request is
     * answered with 408 and its thread freed. A pause, not a total: a slow but moving upload goes on.
     */
    public static final int BODY_READ_TIMEOUT_SECONDS = 5;

    /**
     * The most request bodies one client address may be sending at once. A body being read holds a request
     * thread, so a client that opens many requests and sends their bodies slowly (slowloris) is refused with
     * 429 past this number instead of taking the threads everyone needs.
     */
    public static final int MAX_BODY_READS_PER_CLIENT = 16;

    /**
     * The most request bodies all clients together may be sending at once: half the request threads, so
     * that the other half always serves requests whose body is in (or that have none).
     */
    public static final int MAX_BODY_READS = 100;

    /**
     * The largest body of a candidate document upload: the 15 MiB document itself plus room for the multipart
     * framing (boundaries, part headers, the file name); the document's own limit is checked as it is read.
     */
    public static final long MAX_DOCUMENT_UPLOAD_BYTES = 15L * 1024 * 1024 + 64 * 1024;

    /** The longest query string (everything after '?'). */
    public static final int MAX_QUERY_CHARS = 2_048;

    /** The most candidates one bulk export may name. */
    public static final int MAX_BULK_CANDIDATES = 5_000;

    /** The longest search text ({@code q}). */
    public static final int MAX_SEARCH_CHARS = 200;

    /** The longest e-mail address (RFC 5321's limit). */
    public static final int MAX_EMAIL_CHARS = 254;

    /** The longest password accepted at sign-in. */
    public static final int MAX_PASSWORD_CHARS = 1_024;

    /** The longest single-line text value: names, titles, export field values. */
    public static final int MAX_TEXT_CHARS = 10_000;

    /** The longest value of a connect-form setting, API keys included. */
    public static final int MAX_SETTING_CHARS = 4_096;

    /** The most values one form (export draft, connect form, candidate edit) may carry. */
    public static final int MAX_FORM_VALUES = 200;

    /** The longest key of a form value. */
    public static final int MAX_KEY_CHARS = 100;

    /** The longest uploaded file name. */
    public static final int MAX_FILE_NAME_CHARS = 255;

    /** @return a byte count the way people read it: "256 KiB", "50 MiB" */
    public static String describe(long bytes) {
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return bytes >= 1L << 10 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }
}
