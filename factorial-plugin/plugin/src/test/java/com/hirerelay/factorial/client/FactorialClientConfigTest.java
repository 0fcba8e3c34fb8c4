package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FactorialClientConfigTest {

    private static final URI PRODUCTION = URI.create("https://api.factorialhr.com");

    @Test
    void defaultsFollowTheDocumentedPostLimit() {
        FactorialClientConfig config = FactorialClientConfig.defaults(PRODUCTION, "2026-04-01");

        assertThat(config.postsPerWindow()).isEqualTo(200);
        assertThat(config.postWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.readAttempts())
                .as("reads are retried a bounded number of times")
                .isBetween(2, 5);
    }

    @Test
    void aRaisedLimitSetForTheHostReplacesTheDocumentedOneAndNonsenseIsIgnored() {
        String property = FactorialClientConfig.POSTS_PER_MINUTE_PROPERTY;
        try {
            System.setProperty(property, "1000");
            assertThat(FactorialClientConfig.defaults(PRODUCTION, "2026-04-01").postsPerWindow())
                    .isEqualTo(1000);
            System.setProperty(property, "-5");
            assertThat(FactorialClientConfig.defaults(PRODUCTION, "2026-04-01").postsPerWindow())
                    .as("not a positive number: the documented limit")
                    .isEqualTo(200);
            System.setProperty(property, "lots");
            assertThat(FactorialClientConfig.defaults(PRODUCTION, "2026-04-01").postsPerWindow())
                    .isEqualTo(200);
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void sendsStringIdsFromJuly2026() {
        assertThat(FactorialClientConfig.defaults(PRODUCTION, "2026-04-01").sendsStringIds())
                .isFalse();
        assertThat(FactorialClientConfig.defaults(PRODUCTION, "2026-07-01").sendsStringIds())
                .isTrue();
        assertThat(FactorialClientConfig.defaults(PRODUCTION, "2027-01-01").sendsStringIds())
                .isTrue();
    }

    @Test
    void refusesAMalformedVersionOrScheme() {
        assertThatThrownBy(() -> FactorialClientConfig.defaults(PRODUCTION, "v1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FactorialClientConfig.defaults(URI.create("ftp://x"), "2026-04-01"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertThat(FactorialClient.parseRetryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(FactorialClient.parseRetryAfter(null)).isNull();
        assertThat(FactorialClient.parseRetryAfter("soon"))
                .as("unreadable means unknown")
                .isNull();
        assertThat(FactorialClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
                .as("a date in the past means now")
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void apiKeyNeverPrintsItself() {
        ApiKey key = ApiKey.of("  eyJhbGciOiJIUzI1NiJ9.secret  ");

        assertThat(key.toString()).doesNotContain("secret").doesNotContain("eyJ");
        assertThat(key.redact("echo eyJhbGciOiJIUzI1NiJ9.secret back")).isEqualTo("echo *** back");
    }
}
