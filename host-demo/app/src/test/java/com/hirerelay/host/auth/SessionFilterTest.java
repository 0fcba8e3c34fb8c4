package com.hirerelay.host.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the session filter reads its cookie out of the {@code Cookie} header, as browsers and proxies send it. */
class SessionFilterTest {

    @Test
    void theSessionCookieIsFoundAmongOtherCookies() {
        assertThat(SessionFilter.sessionToken("HIRERELAY_SESSION=abc-_1")).isEqualTo("abc-_1");
        assertThat(SessionFilter.sessionToken("theme=dark; HIRERELAY_SESSION=abc; lang=en"))
                .as("between other cookies")
                .isEqualTo("abc");
        assertThat(SessionFilter.sessionToken("theme=dark;HIRERELAY_SESSION=abc"))
                .as("without a space after the separator")
                .isEqualTo("abc");
        assertThat(SessionFilter.sessionToken("theme=dark, HIRERELAY_SESSION=abc"))
                .as("two Cookie headers, joined with a comma")
                .isEqualTo("abc");
        assertThat(SessionFilter.sessionToken("HIRERELAY_SESSION=\"abc\""))
                .as("a quoted value")
                .isEqualTo("abc");
        assertThat(SessionFilter.sessionToken("HIRERELAY_SESSION=first; HIRERELAY_SESSION=second"))
                .as("the first of two (the most specific path)")
                .isEqualTo("first");
    }

    @Test
    void noSessionCookieMeansNoToken() {
        assertThat(SessionFilter.sessionToken(null)).as("no Cookie header").isNull();
        assertThat(SessionFilter.sessionToken("")).as("an empty header").isNull();
        assertThat(SessionFilter.sessionToken("theme=dark"))
                .as("other cookies only")
                .isNull();
        assertThat(SessionFilter.sessionToken("HIRERELAY_SESSION="))
                .as("an empty value")
                .isNull();
        assertThat(SessionFilter.sessionToken("HIRERELAY_SESSION"))
                .as("a name without a value")
                .isNull();
        assertThat(SessionFilter.sessionToken("XHIRERELAY_SESSION=abc; HIRERELAY_SESSIONS=def"))
                .as("cookies whose names only contain the session cookie's")
                .isNull();
        assertThat(SessionFilter.sessionToken("theme=HIRERELAY_SESSION=abc"))
                .as("the name inside another cookie's value")
                .isNull();
    }
}
