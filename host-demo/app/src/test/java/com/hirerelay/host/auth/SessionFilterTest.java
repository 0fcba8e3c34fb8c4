package com.hirerelay.host.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the session filter reads its cookie out of the {@code Cookie} header, as browsers and proxies send it. */
class SessionFilterTest {

    /** @return a {@code Cookie} header, the token the filter must read from it (null: none), and why */
    static Stream<Arguments> cookieHeaders() {
        return Stream.of(
                arguments("HIRERELAY_SESSION=abc-_1", "abc-_1", "the session cookie alone"),
                arguments("theme=dark; HIRERELAY_SESSION=abc; lang=en", "abc", "between other cookies"),
                arguments("theme=dark;HIRERELAY_SESSION=abc", "abc", "without a space after the separator"),
                arguments("theme=dark, HIRERELAY_SESSION=abc", "abc", "two Cookie headers, joined with a comma"),
                arguments("HIRERELAY_SESSION=\"abc\"", "abc", "a quoted value"),
                arguments(
                        "HIRERELAY_SESSION=first; HIRERELAY_SESSION=second",
                        "first",
                        "the first of two (the most specific path)"),
                arguments(null, null, "no Cookie header"),
                arguments("", null, "an empty header"),
                arguments("theme=dark", null, "other cookies only"),
                arguments("HIRERELAY_SESSION=", null, "an empty value"),
                arguments("HIRERELAY_SESSION", null, "a name without a value"),
                arguments(
                        "XHIRERELAY_SESSION=abc; HIRERELAY_SESSIONS=def",
                        null,
                        "cookies whose names only contain the session cookie's"),
                arguments("theme=HIRERELAY_SESSION=abc", null, "the name inside another cookie's value"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("cookieHeaders")
    void readsTheSessionTokenOnlyFromTheSessionCookie(String header, String token, String why) {
        assertThat(SessionFilter.sessionToken(header)).as(why).isEqualTo(token);
    }
}
