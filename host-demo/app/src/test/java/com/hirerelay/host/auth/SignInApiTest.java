package com.hirerelay.host.auth;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static com.hirerelay.api.UserRole.INTERVIEWER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHost;
import com.hirerelay.host.testing.RunningHostExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sign-in over real HTTP: one answer for unknown e-mails and wrong passwords, sessions admins can end,
 * sign-out everywhere else. Throttling has a host of its own: {@link SignInThrottlingApiTest}.
 */
class SignInApiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    private ApiClient.Answer signIn(ApiClient client, String email, String password) {
        return client.send("POST", "/api/session", Map.of("email", email, "password", password), false);
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        var unknown = signIn(host.anonymous(), "nobody@hirerelay.example", "guess");
        var wrong = signIn(host.anonymous(), RunningHost.email(INTERVIEWER), "guess");
        assertThat(unknown.status()).isEqualTo(401);
        // the same answer but for the correlation id, which every error answer has its own of
        for (String field : List.of("code", "message", "fieldErrors", "retryAfterSeconds")) {
            assertThat(unknown.json().get(field))
                    .as(field)
                    .isEqualTo(wrong.json().get(field));
        }
    }

    @Test
    void oversizedOrMalformedCredentialsAreFieldErrors() {
        var answer = host.anonymous()
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
        ApiClient recruiter = host.signIn(RECRUITER);
        ApiClient admin = host.signIn(ADMIN);
        JsonNode sessions = admin.get("/api/sessions").json();
        JsonNode recruiters = null;
        for (JsonNode session : sessions) {
            assertThat(session.toString()).as("no token or hash is listed").doesNotContain("token", "hash");
            if (recruiters == null && session.get("userEmail").asText().equals(RunningHost.email(RECRUITER))) {
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
        ApiClient manager = host.signIn(HIRING_MANAGER);
        assertThat(manager.get("/api/sessions").status()).isEqualTo(403);
        assertThat(manager.delete("/api/sessions?userId=1").status()).isEqualTo(403);
    }

    @Test
    void anAdminCanEndEverySessionOfAUserAtOnce() {
        ApiClient first = host.signIn(INTERVIEWER);
        ApiClient second = host.signIn(INTERVIEWER);
        ApiClient admin = host.signIn(ADMIN);
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
        ApiClient oldBrowser = host.signIn(RECRUITER);
        ApiClient newBrowser = host.anonymous();
        var answer = newBrowser.send(
                "POST",
                "/api/session",
                Map.of(
                        "email",
                        RunningHost.email(RECRUITER),
                        "password",
                        RunningHost.password(RECRUITER),
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
    void aClientsOwnForwardedProtoIsNotTrusted() throws Exception {
        HttpResponse<String> spoofed = signInWithProto(host.baseUri(), "https");
        assertThat(spoofed.statusCode()).isEqualTo(200);
        assertThat(spoofed.headers().firstValue("set-cookie").orElseThrow())
                .as("a host without --behind-https-proxy ignores X-Forwarded-Proto")
                .doesNotContain("Secure");
        assertThat(spoofed.headers().firstValue("strict-transport-security")).isEmpty();
    }

    /** Signs in as the admin over a fresh connection, as a proxy would forward it with that protocol. */
    static HttpResponse<String> signInWithProto(URI base, String proto) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/session"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-Proto", proto)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + RunningHost.email(ADMIN)
                        + "\",\"password\":\"" + RunningHost.password(ADMIN) + "\"}"))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }
}
