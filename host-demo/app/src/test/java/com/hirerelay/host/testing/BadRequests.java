package com.hirerelay.host.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates malformed and hostile requests to every endpoint of the host, the way an attacker or a
 * clumsy client sends them: broken path parameters and query strings, wrong methods and media types,
 * missing or wrong CSRF tokens, bodies of the wrong shape, the wrong types, control characters, too
 * long or too deep, illegal characters in the request target, odd headers. Each request is built as raw
 * bytes ({@link RawHttp}), since a client library refuses to send most of them.
 *
 * <p>Never generated: requests that only a hanging server could answer (a {@code Content-Length}
 * longer than the body), and requests that would end the sessions the generator signs in with or
 * remove the plugin and integration it exercises (those are covered by their own tests).
 */
public final class BadRequests {

    private BadRequests() {}

    /** Ids that exist in the host under test, so that some requests get past the look-ups. */
    public record KnownIds(List<Long> candidates, List<Long> jobs, List<Long> stages) {}

    /** Whether the request carries the role's session cookie. */
    public enum Cookie {
        SESSION,
        GARBAGE,
        NONE
    }

    /** Whether the request carries the role's CSRF token. */
    public enum Csrf {
        VALID,
        WRONG,
        NONE
    }

    /**
     * One generated request, filled in with a role's cookie and token when sent.
     *
     * @param method the method as sent (may be nonsense)
     * @param target the request target as sent, possibly with characters a URI may not hold
     * @param headers extra headers as name/value pairs, possibly malformed
     * @param body the body, or null for none
     * @param cookie which cookie to send
     * @param csrf which token to send
     * @param closeAfter whether to ask the server to close the connection after answering (for requests
     *                   whose framing a server may read differently)
     */
    public record Spec(
            String method,
            String target,
            List<String[]> headers,
            byte[] body,
            Cookie cookie,
            Csrf csrf,
            boolean closeAfter) {

        /** @return the request's bytes with this role's cookie header and CSRF token (either may be null) */
        public byte[] bytes(String sessionCookie, String csrfToken) {
            StringBuilder head =
                    new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1\r\n");
            if (cookie == Cookie.SESSION && sessionCookie != null && !sessionCookie.isEmpty()) {
                head.append("Cookie: ").append(sessionCookie).append("\r\n");
            } else if (cookie == Cookie.GARBAGE) {
                head.append("Cookie: HIRERELAY_SESSION=\"%00;;; =x\r\n");
            }
            if (csrf == Csrf.VALID && csrfToken != null) {
                head.append("X-CSRF-Token: ").append(csrfToken).append("\r\n");
            } else if (csrf == Csrf.WRONG) {
                head.append("X-CSRF-Token: not-the-token\r\n");
            }
            boolean framed = false;
            for (String[] header : headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
                framed |=
                        header[0].equalsIgnoreCase("Content-Length") || header[0].equalsIgnoreCase("Transfer-Encoding");
            }
            if (body != null && !framed) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            if (closeAfter) {
                head.append("Connection: close\r\n");
            }
            head.append("\r\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // The target and header values may hold any character: sent as UTF-8, as a careless client would.
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }

        /** @return whether the head announces a chunked body and no byte of it follows */
        public boolean announcesAChunkedBodyItNeverSends() {
            return body == null
                    && headers.stream()
                            .anyMatch(header -> header[0].equalsIgnoreCase("Transfer-Encoding")
                                    && header[1].equalsIgnoreCase("chunked"));
        }

        /** @return a one-line description for failure reports */
        public String describe() {
            String shownTarget =
                    target.length() > 160 ? target.substring(0, 160) + "...(" + target.length() + ")" : target;
            StringBuilder text = new StringBuilder(method).append(' ').append(shownTarget);
            for (String[] header : headers) {
                String value = header[1].length() > 60 ? header[1].substring(0, 60) + "..." : header[1];
                text.append(" [").append(header[0]).append(": ").append(value).append(']');
            }
            text.append(" cookie=").append(cookie).append(" csrf=").append(csrf);
            if (body != null) {
                String shown = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
                text.append(" body(").append(body.length).append(")=").append(shown);
            }
            return text.toString().replaceAll("\\p{Cntrl}", "?");
        }
    }

    /** What an endpoint takes. */
    private enum Body {
        NONE,
        SIGN_IN,
        CANDIDATE_EDIT,
        EXPORT,
        BULK,
        CONNECT,
        JAR
    }

    /** A path template with the kinds of its parameters. */
    private record Endpoint(String method, String path, Body body, List<String> queryNames) {}

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/session", Body.SIGN_IN, List.of()),
            new Endpoint("GET", "/api/session", Body.NONE, List.of()),
            new Endpoint("GET", "/api/sessions", Body.NONE, List.of()),
            new Endpoint("DELETE", "/api/sessions/{session}", Body.NONE, List.of()),
            new Endpoint("DELETE", "/api/sessions", Body.NONE, List.of("userId")),
            new Endpoint(
                    "GET",
                    "/api/candidates",
                    Body.NONE,
                    List.of("status", "jobId", "stageId", "q", "page", "pageSize")),
            new Endpoint("GET", "/api/candidates/{candidate}", Body.NONE, List.of()),
            new Endpoint("PUT", "/api/candidates/{candidate}", Body.CANDIDATE_EDIT, List.of()),
            new Endpoint("GET", "/api/jobs", Body.NONE, List.of()),
            new Endpoint("GET", "/api/jobs/{job}", Body.NONE, List.of()),
            new Endpoint("GET", "/api/jobs/{job}/pipeline", Body.NONE, List.of()),
            new Endpoint("GET", "/api/candidates/{candidate}/exports/{connector}/draft", Body.NONE, List.of()),
            new Endpoint("POST", "/api/candidates/{candidate}/exports/{connector}", Body.EXPORT, List.of()),
            new Endpoint("POST", "/api/candidates/{candidate}/exports/{connector}/match", Body.EXPORT, List.of()),
            new Endpoint("POST", "/api/exports/bulk", Body.BULK, List.of()),
            new Endpoint("GET", "/api/exports/bulk/{bulk}", Body.NONE, List.of()),
            new Endpoint(
                    "GET",
                    "/api/exports",
                    Body.NONE,
                    List.of("candidateId", "connectorId", "outcome", "page", "pageSize")),
            new Endpoint("GET", "/api/integrations", Body.NONE, List.of()),
            new Endpoint("GET", "/api/integrations/{connector}/form", Body.NONE, List.of()),
            new Endpoint("POST", "/api/integrations/{connector}", Body.CONNECT, List.of()),
            new Endpoint("GET", "/api/integrations/{connector}", Body.NONE, List.of()),
            new Endpoint("POST", "/api/integrations/{connector}/api-version", Body.CONNECT, List.of()),
            new Endpoint("DELETE", "/api/integrations/{fake}", Body.NONE, List.of()),
            new Endpoint("GET", "/api/plugins", Body.NONE, List.of()),
            new Endpoint("POST", "/api/plugins", Body.JAR, List.of()),
            new Endpoint("POST", "/api/plugins/{fake}/disable", Body.NONE, List.of()),
            new Endpoint("POST", "/api/plugins/{fake}/enable", Body.NONE, List.of()),
            new Endpoint("DELETE", "/api/plugins/{fake}", Body.NONE, List.of()),
            new Endpoint("GET", "/api/{fake}", Body.NONE, List.of("x")),
            new Endpoint("GET", "/api/candidates/{candidate}/{fake}", Body.NONE, List.of()),
            new Endpoint("GET", "/{fake}", Body.NONE, List.of()));

    /** Path segments that are wrong in every way a segment can be. */
    private static final List<String> JUNK_SEGMENTS = List.of(
            "",
            "abc",
            "-1",
            "0",
            "1.5",
            "99999999999999999999999",
            "%zz",
            "%",
            "%00",
            "%2e%2e",
            "..",
            "%2F",
            "a|b",
            "x^y",
            "<script>alert(1)</script>",
            "'",
            "%27%20OR%201=1",
            "\u00e9t\u00e9",
            "%C0%AE",
            "{x}",
            "a\\b",
            "\u202Eevil",
            "%E2%80%AE",
            "%ED%A0%80",
            "factorial%00");

    private static final List<String> JUNK_VALUES = List.of(
            "",
            "%zz",
            "%",
            "%00",
            "x%00y",
            "HIRED'--",
            "1%20OR%201=1",
            "-5",
            "0",
            "1e309",
            "NaN",
            "99999999999999999999999",
            "%3Cscript%3Ealert(1)%3C/script%3E",
            "<script>",
            "a|b",
            "\u00fc",
            "%ED%A0%80",
            "%C3%28",
            "%1B%5B31m",
            "'%20OR%20'1'='1",
            "%25%25",
            "IN_PROGRESS",
            "HIRED",
            "factorial");

    /** @return requests to every endpoint, each wrong in one to three ways */
    public static Arbitrary<Spec> any(KnownIds ids) {
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> forEndpoint(endpoint, ids));
    }

    private static Arbitrary<Spec> forEndpoint(Endpoint endpoint, KnownIds ids) {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(endpoint.method())),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.of(
                                "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "get")));
        Arbitrary<String> target =
                Combinators.combine(path(endpoint, ids), query(endpoint)).as((path, query) -> path + query);
        Arbitrary<byte[]> body = body(endpoint.body(), ids);
        Arbitrary<List<String[]>> headers = headers(endpoint.body());
        Arbitrary<Cookie> cookie = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(12, Cookie.SESSION),
                net.jqwik.api.Tuple.of(1, Cookie.GARBAGE),
                net.jqwik.api.Tuple.of(1, Cookie.NONE));
        Arbitrary<Csrf> csrf = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(10, Csrf.VALID),
                net.jqwik.api.Tuple.of(1, Csrf.WRONG),
                net.jqwik.api.Tuple.of(1, Csrf.NONE));
        return Combinators.combine(method, target, headers, body, cookie, csrf).as((m, t, h, b, c, x) -> {
            // never sign the generator's own sessions out: a valid sign-out is not bad input
            Csrf token = endpoint.path().equals("/api/session") && m.equals("DELETE") ? Csrf.WRONG : x;
            boolean odd = h.stream()
                    .anyMatch(header -> header[0].equals("Content-Length")
                            || header[0].equals("Transfer-Encoding")
                            || header[0].startsWith("X-Odd"));
            return new Spec(m, t, h, b, c, token, odd || !m.equals(m.toUpperCase(Locale.ROOT)));
        });
    }

    private static Arbitrary<String> path(Endpoint endpoint, KnownIds ids) {
        Arbitrary<String> path = Arbitraries.just(endpoint.path());
        for (String parameter : List.of("candidate", "job", "connector", "bulk", "session", "fake")) {
            String placeholder = "{" + parameter + "}";
            if (endpoint.path().contains(placeholder)) {
                Arbitrary<String> value = segment(parameter, ids);
                path = Combinators.combine(path, value).as((p, v) -> p.replace(placeholder, v));
            }
        }
        return path.flatMap(p -> Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.just(p)),
                // a target longer than a request head may be
                net.jqwik.api.Tuple.of(1, Arbitraries.just(p + "/" + "x".repeat(9_000))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(p.replace("/api/", "/api//"))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(p + "/..%2F..%2Fetc%2Fpasswd")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("http://evil.example" + p)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(p.toUpperCase(Locale.ROOT)))));
    }

    private static Arbitrary<String> segment(String parameter, KnownIds ids) {
        Arbitrary<String> valid = switch (parameter) {
            case "candidate" -> Arbitraries.of(ids.candidates()).map(String::valueOf);
            case "job" -> Arbitraries.of(ids.jobs()).map(String::valueOf);
            case "connector" -> Arbitraries.of("factorial", "folder-export");
            case "session" -> Arbitraries.strings().withCharRange('a', 'z').ofLength(22);
            case "bulk" -> Arbitraries.just("00000000-0000-0000-0000-000000000000");
            default -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
        };
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, valid),
                net.jqwik.api.Tuple.of(5, Arbitraries.of(JUNK_SEGMENTS)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.strings().all().ofMaxLength(20).map(BadRequests::percentEncodeSome)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 4).map(n -> "y".repeat(n * 1_500))));
    }

    private static Arbitrary<String> query(Endpoint endpoint) {
        List<String> names = new ArrayList<>(endpoint.queryNames());
        names.addAll(List.of("x", "q", "page", "%zz", "a b", ""));
        Arbitrary<String> pair = Combinators.combine(
                        Arbitraries.of(names),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(6, Arbitraries.of(JUNK_VALUES)),
                                net.jqwik.api.Tuple.of(
                                        2,
                                        Arbitraries.strings()
                                                .all()
                                                .ofMaxLength(30)
                                                .map(BadRequests::percentEncodeSome)),
                                net.jqwik.api.Tuple.of(
                                        1, Arbitraries.integers().between(1, 6).map(n -> "q".repeat(n * 700)))))
                .as((name, value) -> name + "=" + value);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(
                        6, pair.list().ofMinSize(1).ofMaxSize(4).map(list -> "?" + String.join("&", list))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("?", "??", "?&&&", "?=", "?%", "?q=%zz%zz", "?q=x%00y#frag")));
    }

    /** Percent-encodes some characters and leaves others raw, as a careless client does. */
    private static String percentEncodeSome(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\r' || c == '\n' || c == '#' || c == '?' || c == '/' || c == '&') {
                out.append('%').append(String.format("%02X", (int) c));
            } else if (c < 0x20 || c == 0x7f || (i % 3 == 0 && c > 0x7e)) {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Arbitrary<List<String[]>> headers(Body body) {
        Arbitrary<String[]> contentType = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(new String[] {
                    "Content-Type", body == Body.JAR ? "application/java-archive" : "application/json"
                })),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.of(
                                        "text/plain",
                                        "application/xml",
                                        "application/json; charset=latin1",
                                        "application/json; charset=nonsense",
                                        "garbage",
                                        "",
                                        "application/",
                                        "multipart/form-data; boundary=x",
                                        "application/x-www-form-urlencoded",
                                        "*/*",
                                        ";;;")
                                .map(value -> new String[] {"Content-Type", value})));
        Arbitrary<String[]> accept = Arbitraries.of(
                        "application/json",
                        "text/html",
                        "*/*",
                        "garbage/",
                        ";;;",
                        "application/xml",
                        "text/html;q=abc",
                        "application/json;q=0",
                        "")
                .map(value -> new String[] {"Accept", value});
        Arbitrary<String[]> odd = Arbitraries.of(
                new String[] {"X-File-Name", "%zz"},
                new String[] {"X-File-Name", "..%2F..%2Fx.jar"},
                new String[] {"X-File-Name", "a%00.jar"},
                new String[] {"X-Forwarded-For", "<script>, 999.1.1.1"},
                new String[] {"X-Forwarded-Proto", "https"},
                new String[] {"User-Agent", "x".repeat(3_000)},
                new String[] {"Content-Length", "abc"},
                new String[] {"Content-Length", "-1"},
                new String[] {"Transfer-Encoding", "chunked"},
                new String[] {"Accept-Charset", "utf-99"},
                new String[] {"Accept-Language", "%%%"},
                new String[] {"Upgrade", "h2c"},
                new String[] {"X-Odd-Header", "x".repeat(10_000)},
                new String[] {"X-Odd\u0001Name", "x"},
                new String[] {"X-Odd-Value", "a\u0001\u007fb"},
                new String[] {"If-Modified-Since", "yesterday"},
                new String[] {"Range", "bytes=999999999-"},
                new String[] {"Origin", "http://evil.example"});
        return Combinators.combine(
                        contentType.optional(),
                        accept.optional(),
                        Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(6, Arbitraries.just(java.util.Optional.<String[]>empty())),
                                net.jqwik.api.Tuple.of(1, odd.map(java.util.Optional::of))))
                .as((type, acceptHeader, oddHeader) -> {
                    List<String[]> list = new ArrayList<>();
                    type.ifPresent(list::add);
                    acceptHeader.ifPresent(list::add);
                    oddHeader.ifPresent(list::add);
                    return list;
                });
    }

    private static Arbitrary<byte[]> body(Body kind, KnownIds ids) {
        Arbitrary<String> fitting = switch (kind) {
            case NONE -> Arbitraries.just(null);
            case SIGN_IN ->
                Combinators.combine(text(), text(), value())
                        .as((email, password, end) -> "{\"email\":" + email + ",\"password\":" + password
                                + ",\"endOtherSessions\":" + end + "}");
            case CANDIDATE_EDIT ->
                Combinators.combine(text(), text(), text(), value(), value())
                        .as((first, last, email, phone, stage) -> "{\"firstName\":" + first + ",\"lastName\":" + last
                                + ",\"email\":" + email + ",\"phone\":" + phone + ",\"stageId\":" + stage + "}");
            case EXPORT ->
                Arbitraries.oneOf(
                        Combinators.combine(text(), text())
                                .as((key, value) -> "{\"values\":{" + key + ":" + value + "}}"),
                        Arbitraries.of(
                                "{\"values\":{\"\":\"x\"}}",
                                "{\"values\":null}",
                                "{\"values\":[1,2]}",
                                "{\"values\":\"x\"}",
                                "{\"values\":{\"first_name\":null}}",
                                "{\"values\":{\"first_name\":{\"a\":1}}}",
                                "{\"values\":{\"email\":\"x\\u0000y@example.com\"}}",
                                "{\"values\":{},\"decision\":{\"choice\":\"LINK\",\"employeeId\":\"\"}}",
                                "{\"values\":{},\"decision\":{\"choice\":\"NOPE\",\"employeeId\":\"1\"}}",
                                "{\"values\":{},\"decision\":\"LINK\"}",
                                "{\"values\":{},\"decision\":{\"choice\":\"CREATE_NEW\"}}"));
            case BULK ->
                Combinators.combine(text(), ids(ids))
                        .as((connector, list) -> "{\"connectorId\":" + connector + ",\"candidateIds\":" + list + "}");
            case CONNECT ->
                Combinators.combine(text(), text())
                        .as((key, value) -> "{\"values\":{\"api_key\":" + value + "," + key + ":\"x\"}}");
            case JAR -> Arbitraries.just("PK\u0003\u0004 not really a jar");
        };
        Arbitrary<String> junk = Arbitraries.of(
                "",
                "not json",
                "{",
                "}",
                "[]",
                "null",
                "\"text\"",
                "{\"a\":1,\"a\":2}",
                "{\"values\":{\"x\":\"\\ud800\"}}",
                "{\"values\":{\"x\":\"y\"}} trailing",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":" + "1".repeat(2_000) + "}",
                "{\"candidateIds\":" + "[1,".repeat(50) + "1" + "]".repeat(50) + "}",
                "<xml/>",
                "\u0000\u0001\u0002");
        Arbitrary<byte[]> bytes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        7, fitting.map(text -> text == null ? null : text.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(2, junk.map(text -> text.getBytes(StandardCharsets.UTF_8))),
                // not UTF-8 at all
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.just(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                        })),
                // over the JSON limit
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.just(("{\"values\":{\"api_key\":\"" + "k".repeat(300 * 1024) + "\"}}")
                                .getBytes(StandardCharsets.UTF_8))));
        return bytes;
    }

    /** A JSON value where a string is expected: usually a string, sometimes another type. */
    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        6, Arbitraries.strings().all().ofMaxLength(40).map(BadRequests::jsonString)),
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.of(
                                        "",
                                        "admin@hirerelay.example",
                                        "x\u0000y",
                                        "\u001b[31mred",
                                        "\u202Eevil",
                                        "<script>alert(1)</script>",
                                        "' OR '1'='1",
                                        "a@b",
                                        "\ud83d\ude80",
                                        "2026-02-30")
                                .map(BadRequests::jsonString)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.integers().between(1, 25).map(n -> jsonString("z".repeat(n * 4_000)))),
                net.jqwik.api.Tuple.of(2, value()));
    }

    /** Any JSON value but a plain string. */
    private static Arbitrary<String> value() {
        return Arbitraries.of(
                "null",
                "true",
                "0",
                "-1",
                "1.5",
                "1e400",
                "99999999999999999999999999",
                "[]",
                "{}",
                "[null]",
                "{\"a\":{\"b\":[1,{\"c\":null}]}}",
                "\"\\ud800\"");
    }

    private static Arbitrary<String> ids(KnownIds ids) {
        Arbitrary<String> one = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.of(ids.candidates()).map(String::valueOf)),
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.of("null", "\"1\"", "1.5", "-1", "0", "99999999999999999999", "true", "{}", "[]")),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().map(String::valueOf)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, one.list().ofMaxSize(6).map(list -> "[" + String.join(",", list) + "]")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("null", "\"1,2\"", "{}", "[[1]]")),
                // more ids than one bulk export may name
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.integers()
                                .between(1_001, 20_000)
                                .map(n -> "[" + String.join(",", java.util.Collections.nCopies(n, "9999999")) + "]")));
    }

    /** @return the text as a JSON string literal, every character escaped that JSON requires */
    public static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
