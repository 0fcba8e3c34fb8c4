package com.hirerelay.api.architecture.violations;

import org.assertj.core.api.Assertions;

/** An API class that uses a library other than pf4j (here AssertJ, which the tests have at hand). */
public final class ApiUsingAThirdPartyType {

    void check(String value) {
        Assertions.assertThat(value).isNotBlank();
    }
}
