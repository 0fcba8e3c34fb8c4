package com.hirerelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostRateLimitTest {

    FactorialSandbox sandbox;
    SandboxClient client;

    @BeforeEach
    void start() {
        sandbox = FactorialSandbox.start(SandboxConfig.defaults().withPostLimitPerMinute(5));
        client = new SandboxClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void sixthPostWithinAMinuteIsRateLimitedWithRetryAfter() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ok =
                    client.post("employees/employees/create_with_contract", Hires.marta("limit" + i + "@example.com"));
            assertThat(ok.statusCode()).as("POST #%d", i + 1).isEqualTo(200);
        }

        HttpResponse<String> sixth =
                client.post("employees/employees/create_with_contract", Hires.marta("limit5@example.com"));

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).isEqualTo("{\"message\":\"Too many requests\"}");
        assertThat(sixth.headers().firstValue("retry-after"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
        assertThat(sandbox.employeeByEmail("limit5@example.com"))
                .as("refused POST is not performed")
                .isEmpty();
        assertThat(sandbox.rateLimitedResponses()).isEqualTo(1);
    }

    @Test
    void getsAreNotLimited() throws Exception {
        for (int i = 0; i < 12; i++) {
            assertThat(client.get("employees/employees").statusCode()).isEqualTo(200);
        }
        assertThat(sandbox.rateLimitedResponses()).isZero();
    }

    @Test
    void resetEmptiesTheWindow() throws Exception {
        for (int i = 0; i < 5; i++) {
            client.post("contracts/contract_versions", "{}");
        }
        assertThat(client.post("contracts/contract_versions", "{}").statusCode())
                .isEqualTo(429);
        sandbox.reset();
        assertThat(client.post("contracts/contract_versions", "{}").statusCode())
                .isEqualTo(422);
        assertThat(sandbox.rateLimitedResponses()).isZero();
    }
}
