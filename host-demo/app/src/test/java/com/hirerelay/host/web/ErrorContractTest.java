package com.hirerelay.host.web;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.LogCapture;
import com.hirerelay.host.testing.RawHttp;
import com.hirerelay.host.testing.RunningHostExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The findings of the security review, each sent as the reviewer sent it, over a raw socket: every bad
 * request gets a 4xx in the one error shape with a correlation id that names a log line, never a 5xx,
 * an HTML page, a stack trace, an empty body or the server's name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    ApiClient recruiter;
    ApiClient admin;
    long hiredId;
    RawHttp raw;
    LogCapture log;

    @BeforeAll
    void signIn() {
        recruiter = host.signIn(RECRUITER);
        admin = host.signIn(ADMIN);
        hiredId = host.hiredCandidates(1).get(0).get("id").asLong();
    }

    @BeforeEach
    void connect() {
        raw = new RawHttp(host.baseUri());
        log = LogCapture.start();
    }

    @AfterEach
    void disconnect() {
        raw.close();
        log.close();
    }

    /** A request line and headers as given, with a Host header, no body. */
    private RawHttp.Answer send(String method, String target, Map<String, String> headers) {
        return raw.send(RawHttp.request(method, target, headers, null));
    }

    private Map<String, String> as(ApiClient client, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", client.cookieHeader());
        headers.put("X-CSRF-Token", client.csrfToken());
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private RawHttp.Answer json(ApiClient client, String method, String target, String body) {
        Map<String, String> headers = as(client, "Content-Type", "application/json");
        return raw.send(RawHttp.request(method, target, headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Asserts the answer is a client error in the one error shape whose correlation id names a log line. */
    private JsonNode assertErrorShape(RawHttp.Answer answer, int... statuses) throws IOException {
        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        if (statuses.length > 0) {
            assertThat(answer.status()).as(answer.toString()).isIn(toList(statuses));
        }
        assertThat(answer.header("content-type"))
                .as("content type of " + answer)
                .startsWith("application/json");
        assertThat(answer.header("server")).as("no Server header").isNull();
        assertThat(answer.text()).as("no stack trace, no HTML").doesNotContain(".java:", "<html", "Grizzly");
        JsonNode body = JSON.readTree(answer.text());
        assertThat(body.get("code").asText()).as("code").isNotBlank();
        assertThat(body.get("message").asText()).as("message").isNotBlank();
        assertThat(body.get("fieldErrors").isArray()).as("fieldErrors").isTrue();
        assertThat(body.has("retryAfterSeconds")).as("retryAfterSeconds").isTrue();
        String id = body.get("correlationId").asText();
        assertThat(id).as("correlationId").matches("[a-z0-9]{12}");
        assertThat(log.text())
                .as("a log line holds the detail under the same id")
                .contains("[" + id + "]");
        return body;
    }

    private static List<Integer> toList(int... values) {
        List<Integer> list = new ArrayList<>();
        for (int value : values) {
            list.add(value);
        }
        return list;
    }

    @Test
    void malformedTargetsGet400InTheErrorShapeNotAGrizzlyPage() throws IOException {
        for (String target : List.of(
                "/api/x|y",
                "/api/candidates?q=%zz",
                "/api/candidates/%",
                "/api/candidates/%00",
                "/api/candidates/a\\b",
                "/api/integrations/..",
                "/api/candidates/..%2F..%2Fetc%2Fpasswd",
                "/%zz",
                "/api/candidates?q=%ED%A0%80",
                "/api/candidates?q=<script>alert(1)</script>")) {
            RawHttp.Answer answer = send("GET", target, as(recruiter));
            assertErrorShape(answer, 400);
            assertThat(answer.text()).as("nothing of the target is echoed").doesNotContain("<script>");
        }
    }

    @Test
    void aRequestLineGrizzlyCannotReadIsA400InTheErrorShape() throws IOException {
        assertErrorShape(send("GET", "/api/candidates?a b=1", Map.of()), 400);
        assertErrorShape(send("GET", "/api/candidates", Map.of("Content-Length", "abc")), 400);
        // a broken chunk is answered, not reset
        RawHttp.Answer brokenChunk = raw.send(RawHttp.request(
                "POST",
                "/api/exports/bulk",
                as(recruiter, "Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                "zz\r\nnot a chunk\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        assertErrorShape(brokenChunk, 400);
    }

    @Test
    void aUrlOver8KibAndHeadersOverTheLimitGetTheirOwnStatus() throws IOException {
        assertErrorShape(send("GET", "/api/candidates/" + "x".repeat(9_000), as(recruiter)), 414);
        assertErrorShape(send("GET", "/api/candidates", as(recruiter, "X-Big", "x".repeat(10_000))), 431);
        assertErrorShape(send("GET", "/api/candidates?q=" + "q".repeat(3_000), as(recruiter)), 414);
    }

    @Test
    void malformedAcceptAndContentTypeAndAGetWithABodyAreAnsweredInTheShape() throws IOException {
        assertErrorShape(send("GET", "/api/candidates", as(recruiter, "Accept", "application/xml")), 406);
        for (String accept : List.of(";;;", "text/html;q=abc", "garbage/")) {
            RawHttp.Answer answer = send("GET", "/api/candidates", as(recruiter, "Accept", accept));
            if (answer.status() != 200) {
                assertErrorShape(answer);
            }
        }
        RawHttp.Answer text = raw.send(RawHttp.request(
                "POST",
                "/api/exports/bulk",
                as(recruiter, "Content-Type", "text/plain"),
                "{}".getBytes(StandardCharsets.UTF_8)));
        assertErrorShape(text, 415);
        // Grizzly does not take a body with a GET: refused, now in the shape instead of a bodiless 400
        RawHttp.Answer getWithBody = raw.send(RawHttp.request(
                "GET",
                "/api/candidates",
                as(recruiter, "Content-Type", "application/json"),
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
        assertErrorShape(getWithBody, 400);
    }

    @Test
    void unknownAddressesAndMethodsAreAnsweredInTheShape() throws IOException {
        assertErrorShape(send("GET", "/api/no-such-thing", as(recruiter)), 404);
        assertErrorShape(send("GET", "/no-such-page.html", Map.of()), 404);
        JsonNode notAllowed = assertErrorShape(send("DELETE", "/api/jobs", as(recruiter)), 405);
        assertThat(notAllowed.get("code").asText()).isEqualTo("method_not_allowed");
        assertErrorShape(send("FOO", "/api/jobs", as(recruiter)), 405);
        assertErrorShape(send("POST", "/index.html", Map.of()), 405);
        assertErrorShape(send("get", "/", Map.of()), 405);
    }

    @Test
    void aBodyThatIsNotJsonOrHasTheWrongShapeIsA400WithThePlace() throws IOException {
        String path = "/api/candidates/" + hiredId + "/exports/factorial";
        JsonNode broken = assertErrorShape(json(recruiter, "POST", path, "{\"values\":"), 400);
        assertThat(broken.get("message").asText()).contains("not valid JSON");
        JsonNode wrongShape = assertErrorShape(json(recruiter, "POST", path, "{\"values\":[1,2]}"), 400);
        assertThat(wrongShape.get("fieldErrors").findValuesAsText("field")).containsExactly("values");
        assertErrorShape(json(recruiter, "POST", path, "[".repeat(5_000) + "]".repeat(5_000)), 400);
    }

    @Test
    void anEmptyFieldNameInAnExportIsAFieldErrorNotA500() throws IOException {
        JsonNode body = assertErrorShape(
                json(
                        recruiter,
                        "POST",
                        "/api/candidates/" + hiredId + "/exports/factorial",
                        "{\"values\":{\"\":\"x\"}}"),
                422);
        assertThat(body.get("fieldErrors").findValuesAsText("field")).containsExactly("values");
    }

    @Test
    void aNullAmongBulkIdsIsAFieldErrorNamingItsPlace() throws IOException {
        JsonNode body = assertErrorShape(
                json(
                        recruiter,
                        "POST",
                        "/api/exports/bulk",
                        "{\"connectorId\":\"factorial\",\"candidateIds\":[1,null]}"),
                422);
        assertThat(body.get("fieldErrors").findValuesAsText("field")).containsExactly("candidateIds[1]");
        JsonNode tooMany = assertErrorShape(
                json(
                        recruiter,
                        "POST",
                        "/api/exports/bulk",
                        "{\"connectorId\":\"factorial\",\"candidateIds\":["
                                + String.join(",", java.util.Collections.nCopies(5_001, "1")) + "]}"),
                422);
        assertThat(tooMany.get("fieldErrors").findValuesAsText("field")).containsExactly("candidateIds");
    }

    @Test
    void aNulByteInTheSearchIsAFieldError() throws IOException {
        JsonNode body = assertErrorShape(send("GET", "/api/candidates?q=ana%00", as(recruiter)), 422);
        assertThat(body.get("fieldErrors").findValuesAsText("field")).containsExactly("q");
    }

    @Test
    void anApiKeyWithControlCharactersOrAMegabyteLongIsAFieldErrorNot502() throws IOException {
        for (String key : List.of("abc\\u0000def", "abc\\u001b[31m", "k".repeat(1024 * 1024))) {
            JsonNode body = assertErrorShape(
                    json(admin, "POST", "/api/integrations/factorial", "{\"values\":{\"api_key\":\"" + key + "\"}}"),
                    422);
            assertThat(body.get("fieldErrors").findValuesAsText("field")).containsExactly("api_key");
        }
    }

    @Test
    void aFiftyMegabyteJsonBodyIsRefusedUnreadBeforeSignIn() throws IOException {
        Map<String, String> headers =
                Map.of("Content-Type", "application/json", "Content-Length", Long.toString(50L << 20));
        // only the head is sent: the answer comes without the body
        RawHttp.Answer answer = raw.send(RawHttp.request("POST", "/api/exports/bulk", headers, new byte[0]));
        JsonNode body = assertErrorShape(answer, 413);
        assertThat(body.get("code").asText()).isEqualTo("too_large");
    }

    @Test
    void aChunkedBodyThatNeverComesDoesNotHoldBackTheAnswer() throws IOException {
        // the head announces a chunked body, and not one chunk follows
        RawHttp.Answer answer = raw.send(RawHttp.request(
                "POST",
                "/api/plugins/-1/enable",
                as(recruiter, "Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                new byte[0]));
        assertErrorShape(answer, 403);
    }

    @Test
    void aBodyThatNeverComesIsAnswered408AndTheConnectionClosed() throws IOException {
        Map<String, Map<String, String>> heads = new LinkedHashMap<>();
        heads.put("announced length", as(recruiter, "Content-Type", "application/json", "Content-Length", "120"));
        heads.put("chunked", as(recruiter, "Content-Type", "application/json", "Transfer-Encoding", "chunked"));
        for (Map.Entry<String, Map<String, String>> head : heads.entrySet()) {
            // the head of a call that needs its body, and then silence
            RawHttp.Answer answer = raw.send(RawHttp.request(
                    "POST", "/api/candidates/" + hiredId + "/exports/factorial", head.getValue(), new byte[0]));
            JsonNode body = assertErrorShape(answer, 408);
            assertThat(body.get("code").asText()).as(head.getKey()).isEqualTo("timeout");
            assertThat(answer.header("connection")).as(head.getKey()).isEqualToIgnoringCase("close");
        }
        assertThat(send("GET", "/api/candidates?pageSize=1", as(recruiter)).status())
                .as("the host still answers")
                .isEqualTo(200);
    }

    @Test
    void aBodyThatStopsHalfWayIsAnswered408() throws IOException {
        byte[] request = RawHttp.request(
                "POST",
                "/api/candidates/" + hiredId + "/exports/factorial",
                as(recruiter, "Content-Type", "application/json"),
                "{\"values\":{\"first_name\":\"Ana\"}}".getBytes(StandardCharsets.UTF_8));
        // everything but the last ten bytes
        assertErrorShape(raw.send(request, request.length - 10), 408);
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws IOException {
        StringBuilder chunked = new StringBuilder();
        String chunk = "{\"values\":{\"first_name\":\"" + "x".repeat(60_000);
        chunked.append(Integer.toHexString(chunk.length()))
                .append("\r\n")
                .append(chunk)
                .append("\r\n");
        String filler = "y".repeat(60_000);
        for (int i = 0; i < 5; i++) {
            chunked.append(Integer.toHexString(filler.length()))
                    .append("\r\n")
                    .append(filler)
                    .append("\r\n");
        }
        chunked.append("0\r\n\r\n");
        RawHttp.Answer answer = raw.send(RawHttp.request(
                "POST",
                "/api/candidates/" + hiredId + "/exports/factorial",
                as(recruiter, "Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                chunked.toString().getBytes(StandardCharsets.UTF_8)));
        assertErrorShape(answer, 413);
    }

    @Test
    void anUpgradeHeaderIsIgnoredAndTheBodyReadToItsLength() throws IOException {
        // The JDK's HTTP client sends Upgrade: h2c by default; Grizzly used to read such a body until its time-out.
        RawHttp.Answer answer = raw.send(RawHttp.request(
                "POST",
                "/api/session",
                Map.of("Content-Type", "application/json", "Upgrade", "h2c", "Connection", "Upgrade, HTTP2-Settings"),
                "{}".getBytes(StandardCharsets.UTF_8)));
        JsonNode body = assertErrorShape(answer, 422);
        assertThat(body.get("fieldErrors").findValuesAsText("field")).contains("email", "password");
    }

    @Test
    void aBodyOnAMethodThatTakesNoneIsRefusedAndNeverRunAsTheNextRequest() throws IOException {
        // Grizzly reads no body for these methods: the body used to be parsed as a second request (smuggled)
        ApiClient victim = host.signIn(RECRUITER);
        byte[] smuggled = RawHttp.request("DELETE", "/api/session", as(victim), null);
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("Content-Length", smuggled);
        bodies.put(
                "chunked",
                (Integer.toHexString(smuggled.length) + "\r\n" + new String(smuggled, StandardCharsets.ISO_8859_1)
                                + "\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        for (String method : List.of("TRACE", "CONNECT", "PRI")) {
            for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
                Map<String, String> headers = as(recruiter);
                if (body.getKey().equals("chunked")) {
                    headers.put("Transfer-Encoding", "chunked");
                }
                List<RawHttp.Answer> answers = raw.answersUntilClosed(
                        RawHttp.request(method, "/api/session", headers, body.getValue()), Duration.ofSeconds(5));
                String what = method + " with a body (" + body.getKey() + ")";
                assertThat(answers)
                        .as(what + ": one answer, for the request that was sent")
                        .hasSize(1);
                JsonNode error = assertErrorShape(answers.get(0), 400);
                assertThat(error.get("message").asText()).as(what).contains("may not have a body");
                assertThat(answers.get(0).header("connection")).as(what).isEqualToIgnoringCase("close");
            }
        }
        assertThat(send("GET", "/api/session", as(victim)).status())
                .as("the session was not ended by the smuggled DELETE")
                .isEqualTo(200);
    }

    @Test
    void aBodyWhoseEndTwoReadersCouldPlaceDifferentlyIsRefusedAndTheConnectionClosed() throws IOException {
        // each head frames its body in a way a proxy in front might read otherwise; the body hides a second request
        ApiClient victim = host.signIn(RECRUITER);
        byte[] smuggled = RawHttp.request("DELETE", "/api/session", as(victim), null);
        String hidden = new String(smuggled, StandardCharsets.ISO_8859_1);
        String chunkedThenHidden = "0\r\n\r\n" + hidden;
        String head = "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put(
                "Content-Length and Transfer-Encoding",
                head + "Content-Length: " + chunkedThenHidden.length() + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + chunkedThenHidden);
        requests.put(
                "Transfer-Encoding and Content-Length",
                head + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n" + chunkedThenHidden);
        requests.put(
                "chunked not the last coding",
                head + "Transfer-Encoding: chunked, identity\r\n\r\n" + chunkedThenHidden);
        requests.put(
                "chunked in one header, another coding in a second",
                head + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n" + chunkedThenHidden);
        requests.put("a coding the host does not decode", head + "Transfer-Encoding: gzip\r\n\r\n{}" + hidden);
        for (Map.Entry<String, String> request : requests.entrySet()) {
            List<RawHttp.Answer> answers = raw.answersUntilClosed(
                    request.getValue().getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(5));
            assertThat(answers).as(request.getKey() + ": one answer").hasSize(1);
            assertErrorShape(answers.get(0), 400);
            assertThat(answers.get(0).header("connection")).as(request.getKey()).isEqualToIgnoringCase("close");
        }
        assertThat(send("GET", "/api/session", as(victim)).status())
                .as("the session was not ended by a hidden DELETE")
                .isEqualTo(200);
    }

    @Test
    void anErrorAnswerToHeadHasNoBody() throws IOException {
        List<RawHttp.Answer> answers = raw.answersUntilClosed(
                RawHttp.request("HEAD", "/api/candidates/..%2Fx", as(recruiter), null), Duration.ofSeconds(5));
        assertThat(answers).as("one answer and no body bytes after its head").hasSize(1);
        assertThat(answers.get(0).status()).isEqualTo(400);
        assertThat(answers.get(0).header("content-length"))
                .as("the length the body would have")
                .isNotNull();
    }

    @Test
    void successfulAnswersDoNotNameTheServerEither() {
        RawHttp.Answer page = send("GET", "/", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("server")).isNull();
        RawHttp.Answer api = send("GET", "/api/candidates?pageSize=1", as(recruiter));
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.header("server")).isNull();
    }
}
