package com.hirerelay.host.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirerelay.host.testing.RunningHostExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A host started with {@code --behind-https-proxy} trusts the proxy's {@code X-Forwarded-Proto}: the session
 * cookie is {@code Secure} and HSTS is sent when the proxy says HTTPS, and not when it says HTTP. (A host
 * without the flag ignores the header: {@link SignInApiTest}.)
 */
class SecureCookieTest {

    @RegisterExtension
    static final RunningHostExtension host =
            RunningHostExtension.perClass().hostOptions(options -> options.withBehindHttpsProxy(true));

    @Test
    void theCookieIsSecureWhenTheTrustedProxySaysHttps() throws Exception {
        HttpResponse<String> viaProxy = SignInApiTest.signInWithProto(host.baseUri(), "https");
        assertThat(viaProxy.statusCode()).isEqualTo(200);
        assertThat(viaProxy.headers().firstValue("set-cookie").orElseThrow())
                .as("served over HTTPS by the proxy")
                .contains("Secure", "HttpOnly", "SameSite=Strict");
        assertThat(viaProxy.headers().firstValue("strict-transport-security")).isPresent();
    }

    @Test
    void theCookieIsNotSecureWhenTheProxySaysHttp() throws Exception {
        HttpResponse<String> plain = SignInApiTest.signInWithProto(host.baseUri(), "http");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("set-cookie").orElseThrow()).doesNotContain("Secure");
    }
}
