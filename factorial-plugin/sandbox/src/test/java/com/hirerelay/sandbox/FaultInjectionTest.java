package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SandboxTest {

    static final String CREATE = "employees/employees/create_with_contract";

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void statusFaultAnswersCannedBodyOnceThenNormally() throws Exception {
        sandbox.inject(Fault.status(500));

        HttpResponse<String> failed = client.get("employees/employees");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        assertThat(client.get("employees/employees").statusCode())
                .as("fault is used up")
                .isEqualTo(200);
    }

    @Test
    void statusFaultWithRawBodyAnswersExactlyThatBody() throws Exception {
        sandbox.inject(Fault.status(502, "<html>Bad Gateway</html>"));
        sandbox.inject(Fault.status(503, ""));

        HttpResponse<String> html = client.get("employees/employees");
        assertThat(html.statusCode()).isEqualTo(502);
        assertThat(html.body()).isEqualTo("<html>Bad Gateway</html>");
        HttpResponse<String> empty = client.get("employees/employees");
        assertThat(empty.statusCode()).isEqualTo(503);
        assertThat(empty.body()).isEmpty();
    }

    @Test
    void aFaultAimedAtAQueryParameterSparesRequestsWithoutIt() throws Exception {
        sandbox.inject(Fault.status(503).on("GET", "employees/employees").whenQueryHas("emails[]"));

        assertThat(client.get("employees/employees?company_identifier=ats-1&only_active=false&only_managers=false")
                        .statusCode())
                .as("look-up by company_identifier")
                .isEqualTo(200);
        assertThat(client.get("employees/employees?emails%5B%5D=a%40example.com&only_active=false&only_managers=false")
                        .statusCode())
                .as("look-up by e-mail (encoded brackets)")
                .isEqualTo(503);
        assertThat(client.get("employees/employees?emails%5B%5D=a%40example.com&only_active=false&only_managers=false")
                        .statusCode())
                .as("fault is used up")
                .isEqualTo(200);
    }

    @Test
    void faultsComeBeforeAuthentication() throws Exception {
        sandbox.inject(Fault.status(403));
        HttpResponse<String> response = client.withKey("wrong").get("employees/employees");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void rateLimitedFaultSendsRetryAfterOnlyWhenGiven() throws Exception {
        sandbox.inject(Fault.rateLimited(7));
        sandbox.inject(Fault.rateLimited(null));

        HttpResponse<String> withHeader = client.get("employees/employees");
        assertThat(withHeader.statusCode()).isEqualTo(429);
        assertThat(withHeader.headers().firstValue("retry-after")).hasValue("7");
        assertThat(withHeader.body()).isEqualTo("{\"message\":\"Too many requests\"}");
        HttpResponse<String> without = client.get("employees/employees");
        assertThat(without.statusCode()).isEqualTo(429);
        assertThat(without.headers().firstValue("retry-after")).isEmpty();
        assertThat(sandbox.rateLimitedResponses()).isEqualTo(2);
    }

    @Test
    void delayFaultMakesTheClientTimeOut() throws Exception {
        sandbox.inject(Fault.delay(Duration.ofMillis(1500)));

        assertThatThrownBy(() -> client.get("employees/employees", Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        long start = System.nanoTime();
        assertThat(client.get("employees/employees").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("second call is not delayed")
                .isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void delayFaultStillAnswersNormallyForPatientClients() throws Exception {
        sandbox.inject(Fault.delay(Duration.ofMillis(200)));
        assertThat(client.get("employees/employees").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsA200ThatDoesNotParse() throws Exception {
        sandbox.inject(Fault.malformedJson());

        HttpResponse<String> response = client.get("employees/employees");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SandboxClient.JSON.readTree(response.body()))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void truncatedBodyIsHalfOfTheRealJson() throws Exception {
        String full = client.get("employees/employees").body();
        sandbox.inject(Fault.truncatedBody());

        HttpResponse<String> response = client.get("employees/employees");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(full).startsWith(response.body());
        assertThat(response.body()).hasSize(full.length() / 2);
        assertThatThrownBy(() -> SandboxClient.JSON.readTree(response.body())).isInstanceOf(IOException.class);
    }

    @Test
    void afterCommitReallyCreatesButAnswersTheFailure() throws Exception {
        sandbox.inject(Fault.afterCommit(504).on("POST", CREATE));

        HttpResponse<String> response = client.post(CREATE, Hires.marta("committed@example.com"));
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(sandbox.employeeByEmail("committed@example.com"))
                .as("employee created despite the 504")
                .isPresent();
        assertThat(client.post(CREATE, Hires.marta("committed@example.com")).statusCode())
                .as("a blind retry hits the duplicate check")
                .isEqualTo(422);
    }

    @Test
    void lostResponseReallyCreatesAndTheClientGetsAnIoException() throws Exception {
        sandbox.inject(Fault.lostResponse().on("POST", CREATE));

        assertThatThrownBy(() -> client.post(CREATE, Hires.marta("lost@example.com")))
                .isInstanceOf(IOException.class);
        assertThat(sandbox.employeeByEmail("lost@example.com"))
                .as("employee created despite the lost response")
                .isPresent();
        assertThat(sandbox.requests())
                .last()
                .satisfies(r -> assertThat(r.status()).isZero());
    }

    @Test
    void aFaultThenOutageCommitsLosesTheAnswerAndFailsEverythingUntilFaultsAreCleared() throws Exception {
        sandbox.inject(Fault.lostResponse().on("POST", CREATE).thenOutage());

        assertThatThrownBy(() -> client.post(CREATE, Hires.marta("down@example.com")))
                .isInstanceOf(IOException.class);
        assertThat(sandbox.employeeByEmail("down@example.com"))
                .as("created before the outage")
                .isPresent();
        assertThat(client.get("employees/employees").statusCode())
                .as("every request during the outage")
                .isEqualTo(503);
        assertThat(client.get("api_public/credentials").statusCode())
                .as("every request during the outage")
                .isEqualTo(503);
        sandbox.clearFaults();
        assertThat(client.get("employees/employees").statusCode())
                .as("after clearFaults")
                .isEqualTo(200);
    }

    @Test
    void onRestrictsMethodAndResourceAndTimesCountsMatches() throws Exception {
        sandbox.inject(Fault.status(503).on("POST", CREATE).times(2));

        assertThat(client.get("employees/employees").statusCode())
                .as("GET does not match")
                .isEqualTo(200);
        assertThat(client.post("contracts/contract_versions", "{}").statusCode())
                .as("other resource")
                .isEqualTo(422);
        assertThat(client.post(CREATE, Hires.marta("t1@example.com")).statusCode())
                .isEqualTo(503);
        assertThat(client.post(CREATE, Hires.marta("t1@example.com")).statusCode())
                .isEqualTo(503);
        assertThat(client.post(CREATE, Hires.marta("t1@example.com")).statusCode())
                .as("used up")
                .isEqualTo(200);
    }

    @Test
    void faultsFireInInjectionOrderAndCanBeCleared() throws Exception {
        sandbox.inject(Fault.status(500));
        sandbox.inject(Fault.status(502));
        assertThat(client.get("teams/teams").statusCode()).isEqualTo(500);
        assertThat(client.get("teams/teams").statusCode()).isEqualTo(502);

        sandbox.inject(Fault.status(500).times(5));
        sandbox.clearFaults();
        assertThat(client.get("teams/teams").statusCode()).isEqualTo(200);
    }
}
