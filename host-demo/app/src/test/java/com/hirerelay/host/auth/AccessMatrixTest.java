package com.hirerelay.host.auth;

import static com.hirerelay.api.UserRole.ADMIN;
import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static com.hirerelay.api.UserRole.INTERVIEWER;
import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.api.UserRole;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHost;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every endpoint as every role and as an anonymous client: the server, not the UI, decides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    private static final Set<UserRole> EVERYONE = EnumSet.allOf(UserRole.class);
    private static final Set<UserRole> EXPORTERS = EnumSet.of(ADMIN, HIRING_MANAGER, RECRUITER);
    private static final Set<UserRole> ADMINS = EnumSet.of(ADMIN);

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass().connected();

    long hiredId;

    record Endpoint(String method, String path, Object body, Set<UserRole> allowed) {}

    @BeforeAll
    void findHiredCandidate() {
        hiredId = host.hiredCandidates(1).get(0).get("id").asLong();
    }

    private List<Endpoint> endpoints() {
        String candidate = "/api/candidates/" + hiredId;
        return List.of(
                new Endpoint("GET", "/api/session", null, EVERYONE),
                new Endpoint("GET", "/api/candidates?status=HIRED", null, EVERYONE),
                new Endpoint("GET", candidate, null, EVERYONE),
                new Endpoint("GET", "/api/jobs", null, EVERYONE),
                new Endpoint("GET", "/api/jobs/1", null, EVERYONE),
                new Endpoint("GET", "/api/jobs/1/pipeline", null, EVERYONE),
                new Endpoint("PUT", candidate, Map.of(), EXPORTERS),
                new Endpoint("GET", candidate + "/exports/factorial/draft", null, EXPORTERS),
                // an unknown field keeps the allowed roles' calls from creating anything (422)
                new Endpoint(
                        "POST",
                        candidate + "/exports/factorial",
                        Map.of("values", Map.of("no_such_field", "x")),
                        EXPORTERS),
                new Endpoint(
                        "POST",
                        "/api/exports/bulk",
                        Map.of("connectorId", "factorial", "candidateIds", List.of()),
                        EXPORTERS),
                new Endpoint("GET", "/api/exports/bulk/unknown", null, EXPORTERS),
                new Endpoint(
                        "POST",
                        "/api/exports/bulk-update",
                        Map.of("connectorId", "factorial", "candidateIds", List.of()),
                        EXPORTERS),
                new Endpoint("GET", "/api/exports", null, ADMINS),
                new Endpoint("GET", "/api/exports/updates", null, ADMINS),
                new Endpoint("GET", "/api/integrations", null, ADMINS),
                new Endpoint("GET", "/api/integrations/factorial/form", null, ADMINS),
                new Endpoint("GET", "/api/integrations/factorial", null, ADMINS),
                new Endpoint("POST", "/api/integrations/no-such-connector", Map.of("values", Map.of()), ADMINS),
                new Endpoint("DELETE", "/api/integrations/no-such-connector", null, ADMINS),
                new Endpoint("GET", "/api/integrations/factorial/mapping", null, ADMINS),
                new Endpoint("PUT", "/api/integrations/no-such-connector/mapping", Map.of(), ADMINS),
                new Endpoint("POST", "/api/integrations/no-such-connector/mapping/preview", Map.of(), ADMINS),
                new Endpoint("GET", "/api/integrations/factorial/automation", null, ADMINS),
                new Endpoint("PUT", "/api/integrations/no-such-connector/automation", Map.of("onHired", "OFF"), ADMINS),
                new Endpoint("GET", "/api/automation/failures", null, ADMINS),
                new Endpoint("GET", "/api/integrations/factorial/automatic-updates", null, ADMINS),
                new Endpoint(
                        "PUT",
                        "/api/integrations/no-such-connector/automatic-updates",
                        Map.of("sendAutomatically", false),
                        ADMINS),
                new Endpoint("GET", "/api/review", null, EXPORTERS),
                new Endpoint("GET", "/api/scheduled-exports", null, EXPORTERS),
                new Endpoint(
                        "PUT",
                        candidate + "/scheduled-exports/no-such-connector",
                        Map.of("exportOn", "2099-01-04"),
                        EXPORTERS),
                new Endpoint("DELETE", candidate + "/scheduled-exports/no-such-connector", null, EXPORTERS),
                // everyone has a list of their own (only admins and exporters are ever notified)
                new Endpoint("GET", "/api/notifications", null, EVERYONE),
                new Endpoint("POST", "/api/notifications/999999/read", null, EVERYONE),
                new Endpoint("POST", "/api/notifications/read-all", null, EVERYONE),
                new Endpoint("GET", "/api/plugins", null, ADMINS),
                new Endpoint("POST", "/api/plugins", new byte[] {1, 2, 3}, ADMINS),
                new Endpoint("POST", "/api/plugins/no-such-plugin/disable", null, ADMINS),
                new Endpoint("POST", "/api/plugins/no-such-plugin/enable", null, ADMINS),
                new Endpoint("DELETE", "/api/plugins/no-such-plugin", null, ADMINS),
                new Endpoint("GET", "/api/sessions", null, ADMINS),
                new Endpoint("DELETE", "/api/sessions/no-such-session", null, ADMINS),
                new Endpoint("DELETE", "/api/sessions?userId=999999", null, ADMINS));
    }

    @Test
    void everyEndpointRefusesAnonymousClientsWith401() {
        ApiClient anonymous = host.anonymous();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            var answer = anonymous.send(endpoint.method(), endpoint.path(), endpoint.body(), true);
            if (answer.status() != 401 || !answer.json().get("code").asText().equals("unauthenticated")) {
                wrong.add(endpoint.method() + " " + endpoint.path() + " -> " + answer);
            }
        }
        assertThat(wrong)
                .as("endpoints that did not answer 401 to an anonymous client")
                .isEmpty();
    }

    @Test
    void everyEndpointChecksTheRoleOnTheServer() {
        List<String> wrong = new ArrayList<>();
        for (UserRole role : EVERYONE) {
            ApiClient client = host.signIn(role);
            for (Endpoint endpoint : endpoints()) {
                var answer = client.send(endpoint.method(), endpoint.path(), endpoint.body(), true);
                boolean refused = answer.status() == 403
                        && answer.json().get("code").asText().equals("forbidden");
                if (endpoint.allowed().contains(role) == refused || answer.status() == 401 || answer.status() >= 500) {
                    wrong.add(role + " " + endpoint.method() + " " + endpoint.path() + " -> " + answer);
                }
            }
        }
        assertThat(wrong)
                .as("role checks that let the wrong role in or kept the right one out")
                .isEmpty();
    }

    @Test
    void stateChangingRequestsWithoutTheCsrfTokenAreRefused() {
        ApiClient admin = host.signIn(ADMIN);
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method().equals("GET")) {
                continue;
            }
            var answer = admin.send(endpoint.method(), endpoint.path(), endpoint.body(), false);
            if (answer.status() != 403 || !answer.json().get("code").asText().equals("csrf")) {
                wrong.add(endpoint.method() + " " + endpoint.path() + " -> " + answer);
            }
        }
        assertThat(wrong)
                .as("state-changing requests accepted without a CSRF token")
                .isEmpty();
        assertThat(host.sandbox().employees().size()).as("nothing exported").isEqualTo(12);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        var answer = host.anonymous()
                .send(
                        "POST",
                        "/api/session",
                        Map.of("email", RunningHost.email(RECRUITER), "password", RunningHost.password(RECRUITER)),
                        false);
        String cookie = answer.headers().get("set-cookie").get(0);
        assertThat(cookie)
                .as("Set-Cookie")
                .contains("HIRERELAY_SESSION=")
                .contains("HttpOnly")
                .contains("SameSite=Strict");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        var answer = host.anonymous()
                .send("POST", "/api/session", Map.of("email", RunningHost.email(ADMIN), "password", "wrong"), false);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("code").asText()).isEqualTo("invalid_login");
    }

    @Test
    void interviewersNeverSeeAnExportMenu() {
        ApiClient interviewer = host.signIn(INTERVIEWER);
        assertThat(interviewer
                        .get("/api/candidates?status=HIRED")
                        .json()
                        .get("items")
                        .findValues("menu"))
                .as("menus on the list")
                .allSatisfy(menu -> assertThat(menu).isEmpty());
        assertThat(interviewer.get("/api/candidates/" + hiredId).json().get("menu"))
                .as("menu on the page")
                .isEmpty();
        ApiClient recruiter = host.signIn(RECRUITER);
        assertThat(recruiter
                        .get("/api/candidates/" + hiredId)
                        .json()
                        .get("menu")
                        .toString())
                .as("a recruiter does see it")
                .contains("Export to FactorialHr");
    }
}
