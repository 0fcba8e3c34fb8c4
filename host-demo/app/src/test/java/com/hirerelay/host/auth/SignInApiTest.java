package com.hirerelay.host.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.HireRelayHost;
import com.hirerelay.host.HostOptions;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in over real HTTP: throttling, sessions admins can end, sign-out everywhere else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInApiTest {

    RunningHost running;

    @BeforeAll
    void start(@TempDir Path root) {
        running = RunningHost.start(root);
    }

    @AfterAll
    void stop() {
        running.close();
    }

    private ApiClient.Answer signIn(ApiClient client, String email, String password) {
        return client.send("POST", "/api/session", Map.of("email", email, "password", password), false);
    }

    @Test
    void repeatedWrongPasswordsAreAnsweredWith429AndRetryAfterAndTheRightOneWaitsToo() {
        String email = RunningHost.EMAILS.get("HIRING_MANAGER");
        ApiClient attacker = running.anonymous();
        List<Integer> statuses = new ArrayList<>();
        ApiClient.Answer last = null;
        for (int i = 0; i < 7; i++) {
            last = signIn(attacker, email, "guess-" + i);
            statuses.add(last.status());
        }
        assertThat(statuses)
                .as("five free failures, a sixth that is counted, then a wait")
                .containsExactly(401, 401, 401, 401, 401, 401, 429);
        JsonNode body = last.json();
        assertThat(body.get("code").asText()).isEqualTo("rate_limited");
        assertThat(body.get("retryAfterSeconds").asLong()).isBetween(1L, 2L);
        assertThat(last.headers().get("retry-after")).as("Retry-After header").containsExactly("1");
        assertThat(body.get("fieldErrors")).as("the one error shape").isEmpty();

        var rightButThrottled = signIn(running.anonymous(), email, RunningHost.PASSWORDS.get("HIRING_MANAGER"));
        assertThat(rightButThrottled.status())
                .as("while the account waits, even the right password is not tried")
                .isEqualTo(429);
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        var unknown = signIn(running.anonymous(), "nobody@hirerelay.example", "guess");
        var wrong = signIn(running.anonymous(), RunningHost.EMAILS.get("INTERVIEWER"), "guess");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void oversizedOrMalformedCredentialsAreFieldErrors() {
        var answer = running.anonymous()
                .send(
                        "POST",
                        "/api/session",
                        Map.of("email", "ana\u0000@example.com", "password", "x".repeat(5_000)),
                        false);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
        assertThat(answer.json().get("fieldErrors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void anAdminSeesSessionsAndEndsOneWhoseNextRequestIsUnauthenticated() {
        ApiClient recruiter = running.signIn("RECRUITER");
        ApiClient admin = running.signIn("ADMIN");
        JsonNode sessions = admin.get("/api/sessions").json();
        JsonNode recruiters = null;
        for (JsonNode session : sessions) {
            assertThat(session.toString()).as("no token or hash is listed").doesNotContain("token", "hash");
            if (recruiters == null && session.get("userEmail").asText().equals(RunningHost.EMAILS.get("RECRUITER"))) {
                recruiters = session; // newest first: the session just opened
            }
        }
        assertThat(recruiters)
                .as("the recruiter's session is listed: " + sessions)
                .isNotNull();
        assertThat(recruiters.get("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(recruiters.get("current").asBoolean()).isFalse();
        assertThat(sessions.findValuesAsText("current")).contains("true");

        assertThat(recruiter.get("/api/candidates").status()).isEqualTo(200);
        var ended = admin.delete("/api/sessions/" + recruiters.get("id").asText());
        assertThat(ended.status()).as(ended.toString()).isEqualTo(204);
        var after = recruiter.get("/api/candidates");
        assertThat(after.status()).as("the ended session's next request").isEqualTo(401);
        assertThat(after.json().get("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void onlyAdminsSeeOrEndSessions() {
        ApiClient manager = running.signIn("HIRING_MANAGER");
        assertThat(manager.get("/api/sessions").status()).isEqualTo(403);
        assertThat(manager.delete("/api/sessions?userId=1").status()).isEqualTo(403);
    }

    @Test
    void anAdminCanEndEverySessionOfAUserAtOnce() {
        ApiClient first = running.signIn("INTERVIEWER");
        ApiClient second = running.signIn("INTERVIEWER");
        ApiClient admin = running.signIn("ADMIN");
        long userId = first.get("/api/session").json().get("user").get("id").asLong();
        var answer = admin.delete("/api/sessions?userId=" + userId);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("ended").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(first.get("/api/candidates").status()).isEqualTo(401);
        assertThat(second.get("/api/candidates").status()).isEqualTo(401);
        assertThat(admin.get("/api/candidates").status())
                .as("the admin's own session")
                .isEqualTo(200);
    }

    @Test
    void signingInWithEndOtherSessionsSignsTheUserOutEverywhereElse() {
        ApiClient oldBrowser = running.signIn("RECRUITER");
        ApiClient newBrowser = running.anonymous();
        var answer = newBrowser.send(
                "POST",
                "/api/session",
                Map.of(
                        "email",
                        RunningHost.EMAILS.get("RECRUITER"),
                        "password",
                        RunningHost.PASSWORDS.get("RECRUITER"),
                        "endOtherSessions",
                        true),
                false);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(oldBrowser.get("/api/candidates").status())
                .as("the old browser")
                .isEqualTo(401);
        assertThat(newBrowser.get("/api/candidates").status())
                .as("the new browser")
                .isEqualTo(200);
    }

    @Test
    void theCookieIsSecureBehindATrustedHttpsProxyAndOnlyThen(@TempDir Path root) throws Exception {
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        HostOptions direct =
                new HostOptions("127.0.0.1", 0, root.resolve("data"), plugins, Map.of(), RunningHost.PASSWORDS);
        try (HireRelayHost host = HireRelayHost.start(direct)) {
            HttpResponse<String> spoofed = signInWithProto(host.baseUri(), "https");
            assertThat(spoofed.headers().firstValue("set-cookie").orElseThrow())
                    .as("a client's own X-Forwarded-Proto is not trusted")
                    .doesNotContain("Secure");
        }
        try (HireRelayHost host = HireRelayHost.start(direct.withBehindHttpsProxy(true))) {
            HttpResponse<String> viaProxy = signInWithProto(host.baseUri(), "https");
            assertThat(viaProxy.statusCode()).isEqualTo(200);
            assertThat(viaProxy.headers().firstValue("set-cookie").orElseThrow())
                    .as("served over HTTPS by the proxy")
                    .contains("Secure");
            assertThat(viaProxy.headers().firstValue("strict-transport-security"))
                    .isPresent();
            HttpResponse<String> plain = signInWithProto(host.baseUri(), "http");
            assertThat(plain.headers().firstValue("set-cookie").orElseThrow())
                    .as("the proxy says plain HTTP")
                    .doesNotContain("Secure");
        }
    }

    private static HttpResponse<String> signInWithProto(URI base, String proto) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/session"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Proto", proto)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + RunningHost.EMAILS.get("ADMIN")
                        + "\",\"password\":\"" + RunningHost.PASSWORDS.get("ADMIN") + "\"}"))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
