package com.hirerelay.host.web;

import static com.hirerelay.api.UserRole.RECRUITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every API answer, a success, a refusal before the resource (401) or an error from it (404, 400), leaves through the
 * one response filter ({@link AnswerFilter}) with the same security headers, exactly as README and API.md name them,
 * one {@code Server-Timing} header, and for errors the error shape with a correlation id. Over plain HTTP without a
 * trusted proxy there is no HSTS (with one, see SecureCookieTest).
 */
class AnswerHeadersTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "cache-control", "no-store",
            "x-content-type-options", "nosniff",
            "x-frame-options", "DENY",
            "referrer-policy", "no-referrer");

    private static void assertAnsweredThroughTheFilter(ApiClient.Answer answer, String what) {
        Map<String, List<String>> headers = answer.headers();
        SECURITY_HEADERS.forEach((name, value) ->
                assertThat(headers.get(name)).as("%s on %s", name, what).containsExactly(value));
        assertThat(headers).as("HSTS over plain HTTP, on %s", what).doesNotContainKey("strict-transport-security");
        assertThat(headers.get("server-timing"))
                .as("Server-Timing on %s", what)
                .singleElement()
                .asString()
                .startsWith("total;desc=\"Total\";dur=")
                .contains(", cpu;desc=\"CPU time (request and plugin threads)\";dur=");
    }

    private static void assertErrorShape(ApiClient.Answer answer, int status, String what) {
        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.json().get("code").asText())
                .as("error code of %s", what)
                .isNotBlank();
        assertThat(answer.json().get("correlationId").asText())
                .as("correlation id of %s", what)
                .matches("[a-z2-9]{12}");
    }

    @Test
    void aSuccessCarriesTheSecurityHeadersAndServerTiming() {
        ApiClient.Answer session = host.signIn(RECRUITER).get("/api/session");
        assertThat(session.status()).isEqualTo(200);
        assertAnsweredThroughTheFilter(session, "GET /api/session");
    }

    @Test
    void aRefusalBeforeTheResourceCarriesThemWithTheErrorShape() {
        ApiClient.Answer refused = host.anonymous().get("/api/candidates");
        assertErrorShape(refused, 401, "an anonymous list");
        assertThat(refused.json().get("code").asText()).isEqualTo("unauthenticated");
        assertAnsweredThroughTheFilter(refused, "an anonymous list");
    }

    @Test
    void errorsOfTheResourceAndOfRoutingCarryThemWithTheErrorShape() {
        ApiClient recruiter = host.signIn(RECRUITER);
        ApiClient.Answer missing = recruiter.get("/api/candidates/999999999");
        assertErrorShape(missing, 404, "an unknown candidate");
        assertAnsweredThroughTheFilter(missing, "an unknown candidate");
        ApiClient.Answer noRoute = recruiter.get("/api/no-such-call");
        assertErrorShape(noRoute, 404, "an unknown call");
        assertAnsweredThroughTheFilter(noRoute, "an unknown call");
    }
}
