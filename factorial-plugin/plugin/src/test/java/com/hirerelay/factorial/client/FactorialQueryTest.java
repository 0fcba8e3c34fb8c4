package com.hirerelay.factorial.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactorialQueryTest {

    @Test
    void encodesRepeatedArrayParametersInOrder() {
        FactorialQuery query = FactorialQuery.none()
                .and("emails[]", "Ana+1@Example.com")
                .and("emails[]", "b c@x.io")
                .and("only_active", false)
                .and("skipped", null);

        assertThat(query.encoded())
                .isEqualTo("emails%5B%5D=Ana%2B1%40Example.com&emails%5B%5D=b%20c%40x.io&only_active=false");
    }

    @Test
    void printsParameterNamesButNoValues() {
        FactorialQuery query = FactorialQuery.none().and("emails[]", "secret-person@example.com");

        assertThat(query.toString())
                .as("e-mail addresses do not belong in logs")
                .doesNotContain("secret-person")
                .contains("emails[]");
    }

    @Test
    void dropsAParameterByName() {
        FactorialQuery query =
                FactorialQuery.none().and("limit", 5).and("after_id", "Mjc=").without("after_id");

        assertThat(query.encoded()).isEqualTo("limit=5");
    }
}
