package com.hirerelay.host.auth;

import static com.hirerelay.api.UserRole.HIRING_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirerelay.host.testing.ApiClient;
import com.hirerelay.host.testing.RunningHost;
import com.hirerelay.host.testing.RunningHostExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Password guessing over real HTTP, on a host of its own (the account it throttles stays throttled). */
class SignInThrottlingApiTest {

    @RegisterExtension
    static final RunningHostExtension host = RunningHostExtension.perClass();

    private ApiClient.Answer signIn(ApiClient client, String email, String password) {
        return client.send("POST", "/api/session", Map.of("email", email, "password", password), false);
    }

    @Test
    void repeatedWrongPasswordsAreAnsweredWith429AndRetryAfterAndTheRightOneWaitsToo() {
        String email = RunningHost.email(HIRING_MANAGER);
        ApiClient attacker = host.anonymous();
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

        var rightButThrottled = signIn(host.anonymous(), email, RunningHost.password(HIRING_MANAGER));
        assertThat(rightButThrottled.status())
                .as("while the account waits, even the right password is not tried")
                .isEqualTo(429);
    }
}
