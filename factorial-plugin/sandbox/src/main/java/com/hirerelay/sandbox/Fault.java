package com.hirerelay.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A misbehaviour queued with {@link FactorialSandbox#inject(Fault)}. Faults are checked before authentication
 * and routing, in injection order; the first one that matches a request is used for it and one of its
 * {@link #times(int) uses} is consumed atomically.
 *
 * <p>Instances are immutable: {@link #on} and {@link #times} return copies.
 */
public final class Fault {

    /** What the sandbox does when the fault fires. */
    enum Kind {
        /** Answer with a status and a canned or given body; the request is not performed. */
        STATUS,
        /** Answer 429, optionally with Retry-After; the request is not performed. */
        RATE_LIMITED,
        /** Sleep, then handle the request normally. */
        DELAY,
        /** Answer 200 with a body that is not JSON; the request is not performed. */
        MALFORMED_JSON,
        /** Perform the request and send only the first half of its JSON body, status 200. */
        TRUNCATED_BODY,
        /** Perform the request, then answer with a different status. */
        AFTER_COMMIT,
        /** Perform the request, then close the connection without writing anything. */
        LOST_RESPONSE
    }

    private final Kind kind;
    private final int status;
    private final String rawBody;
    private final Integer retryAfterSeconds;
    private final Duration delay;
    private final String method;
    private final String resourcePrefix;
    private final String queryParameter;
    private final int times;
    private final boolean outageAfter;

    private Fault(
            Kind kind,
            int status,
            String rawBody,
            Integer retryAfterSeconds,
            Duration delay,
            String method,
            String resourcePrefix,
            String queryParameter,
            int times,
            boolean outageAfter) {
        this.kind = kind;
        this.status = status;
        this.rawBody = rawBody;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
        this.method = method;
        this.resourcePrefix = resourcePrefix;
        this.queryParameter = queryParameter;
        this.times = times;
        this.outageAfter = outageAfter;
    }

    private static Fault of(Kind kind, int status, String rawBody, Integer retryAfter, Duration delay) {
        return new Fault(kind, status, rawBody, retryAfter, delay, null, null, null, 1, false);
    }

    /**
     * Answer with {@code status} and the sandbox's usual body for it: {@code {"message":"Internal server error"}}
     * for 500, {@code {"message":"Unauthorized"}} for 401, {@code {"errors":["Not found"]}} for 404,
     * {@code {"errors":{"errors":[...]}}} for 422, and so on.
     */
    public static Fault status(int status) {
        checkStatus(status);
        return of(Kind.STATUS, status, null, null, null);
    }

    /** Answer with {@code status} and exactly {@code rawBody} (HTML, empty, anything). */
    public static Fault status(int status, String rawBody) {
        checkStatus(status);
        return of(Kind.STATUS, status, Objects.requireNonNull(rawBody, "rawBody"), null, null);
    }

    /** Answer 429 {@code {"message":"Too many requests"}}, with {@code Retry-After} unless the argument is null. */
    public static Fault rateLimited(Integer retryAfterSeconds) {
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        return of(Kind.RATE_LIMITED, 429, null, retryAfterSeconds, null);
    }

    /** Sleep for {@code d} before handling the request normally (for read-timeout tests). */
    public static Fault delay(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        return of(Kind.DELAY, 0, null, null, d);
    }

    /** Answer 200 with a body that is not JSON, without performing the request. */
    public static Fault malformedJson() {
        return of(Kind.MALFORMED_JSON, 200, null, null, null);
    }

    /**
     * Perform the request, then answer 200 with only the first half of the JSON it would have returned
     * (Content-Length matches the shortened body, so the client sees a complete but unparsable response).
     */
    public static Fault truncatedBody() {
        return of(Kind.TRUNCATED_BODY, 200, null, null, null);
    }

    /** Perform the request (e.g. really create the employee), then answer {@code status} instead: "created but response lost". */
    public static Fault afterCommit(int status) {
        checkStatus(status);
        return of(Kind.AFTER_COMMIT, status, null, null, null);
    }

    /** Perform the request, then close the connection without writing a response, so the client gets an IOException. */
    public static Fault lostResponse() {
        return of(Kind.LOST_RESPONSE, 0, null, null, null);
    }

    /**
     * Only match requests with this method (any case; {@code null} for any) whose resource (the path after
     * {@code /resources/}, e.g. {@code "employees/employees/create_with_contract"}) starts with
     * {@code resourcePrefix} ({@code null} for any).
     */
    public Fault on(String method, String resourcePrefix) {
        String m = method == null ? null : method.toUpperCase(Locale.ROOT);
        String p = resourcePrefix == null ? null : stripSlashes(resourcePrefix);
        return new Fault(kind, status, rawBody, retryAfterSeconds, delay, m, p, queryParameter, times, outageAfter);
    }

    /**
     * Only match requests whose query string has this parameter, decoded (e.g. {@code "emails[]"} or
     * {@code "company_identifier"}): aims a fault at one of several requests to the same resource that
     * a client may send at the same time.
     */
    public Fault whenQueryHas(String parameter) {
        return new Fault(
                kind,
                status,
                rawBody,
                retryAfterSeconds,
                delay,
                method,
                resourcePrefix,
                Objects.requireNonNull(parameter, "parameter"),
                times,
                outageAfter);
    }

    /** Fire for the next {@code n} matching requests, then disappear. Default 1. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return new Fault(
                kind,
                status,
                rawBody,
                retryAfterSeconds,
                delay,
                method,
                resourcePrefix,
                queryParameter,
                n,
                outageAfter);
    }

    /**
     * After this fault fires, the sandbox answers every request with 503 until {@link FactorialSandbox#clearFaults()}:
     * with {@link #lostResponse()}, "Factorial created the employee and went down before answering".
     */
    public Fault thenOutage() {
        return new Fault(
                kind, status, rawBody, retryAfterSeconds, delay, method, resourcePrefix, queryParameter, times, true);
    }

    boolean outageAfter() {
        return outageAfter;
    }

    boolean matches(String requestMethod, String resource, Map<String, List<String>> query) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        if (queryParameter != null && !query.containsKey(queryParameter)) {
            return false;
        }
        return resourcePrefix == null || (resource != null && resource.startsWith(resourcePrefix));
    }

    Kind kind() {
        return kind;
    }

    int statusCode() {
        return status;
    }

    String rawBody() {
        return rawBody;
    }

    Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Duration delayDuration() {
        return delay;
    }

    int timesCount() {
        return times;
    }

    private static void checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
    }

    private static String stripSlashes(String s) {
        String r = s;
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        return r;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (status != 0 ? " " + status : "") + (delay != null ? " " + delay : "")
                + (method != null ? " on " + method : "") + (resourcePrefix != null ? " " + resourcePrefix : "")
                + (queryParameter != null ? "?" + queryParameter : "")
                + " x" + times + "]";
    }
}
