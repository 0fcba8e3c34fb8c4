package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestRecordingTest extends SandboxTest {

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void requestsAreRecordedInOrderWithTheKeyRedacted() throws Exception {
        Instant before = Instant.now();
        client.get("employees/employees?emails[]=a%40b.example&only_active=false");
        client.post("employees/employees/create_with_contract", Hires.marta("rec@example.com"));

        assertThat(sandbox.requests()).hasSize(2);
        RecordedRequest get = sandbox.requests().get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.path()).isEqualTo("/api/2026-04-01/resources/employees/employees");
        assertThat(get.query()).isEqualTo("emails[]=a%40b.example&only_active=false");
        assertThat(get.version()).isEqualTo("2026-04-01");
        assertThat(get.resource()).isEqualTo("employees/employees");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.at()).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(get.headers().get("x-api-key")).containsExactly("[redacted]");
        assertThat(get.header("X-Api-Key")).isEqualTo("[redacted]");

        RecordedRequest post = sandbox.requests().get(1);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.body()).contains("rec@example.com");
        assertThat(post.query()).isNull();
        assertThat(sandbox.requests().toString())
                .as("no recorded request shows the key")
                .doesNotContain(sandbox.apiKey());
    }

    @Test
    void failedRequestsAreRecordedWithTheirStatus() throws Exception {
        client.withKey("wrong").get("teams/teams");
        sandbox.inject(Fault.status(503));
        client.get("teams/teams");

        assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(401, 503);
        sandbox.clearRequests();
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void resetRestoresTheSeed() throws Exception {
        int seeded = sandbox.employees().size();
        client.post("employees/employees/create_with_contract", Hires.marta("gone@example.com"));
        sandbox.inject(Fault.status(500));
        assertThat(sandbox.employees()).hasSize(seeded + 1);

        sandbox.reset();

        assertThat(sandbox.employees()).hasSize(seeded);
        assertThat(sandbox.requests()).isEmpty();
        assertThat(client.get("teams/teams").statusCode()).as("fault cleared").isEqualTo(200);
    }

    @Test
    void configuredLatencyDelaysEveryResponse() throws Exception {
        try (FactorialSandbox slow =
                FactorialSandbox.start(SandboxConfig.defaults().withLatency(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            assertThat(new SandboxClient(slow).get("teams/teams").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void seedIsDeterministicAndPlausible() {
        try (FactorialSandbox a = FactorialSandbox.start();
                FactorialSandbox b = FactorialSandbox.start()) {
            assertThat(a.employees()).isEqualTo(b.employees()).hasSize(12);
            assertThat(a.employees())
                    .allSatisfy(e -> assertThat((String) e.get("email")).endsWith("@acme-robotics.example"));
            assertThat(a.employees())
                    .filteredOn(e -> Boolean.FALSE.equals(e.get("active")))
                    .hasSize(1);
            assertThat(a.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(a.baseUrl()).isNotEqualTo(b.baseUrl());
        }
    }
}
