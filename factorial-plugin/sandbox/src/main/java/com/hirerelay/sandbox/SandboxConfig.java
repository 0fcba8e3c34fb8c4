package com.hirerelay.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FactorialSandbox} is started.
 *
 * @param host               interface to bind, normally {@code 127.0.0.1}
 * @param port               TCP port, {@code 0} picks a free one
 * @param apiKey             the one valid {@code x-api-key}
 * @param companyName        shown by {@code api_public/credentials}; also gives the seed email domain
 *                           ({@code "Acme Robotics"} gives {@code acme-robotics.example})
 * @param seedEmployees      how many employees the seed holds (the first ones manage the others)
 * @param postLimitPerMinute {@code null} for no limit; otherwise the number of POSTs one key may make in any
 *                           sliding 60 second window before the sandbox answers 429 with {@code Retry-After}
 * @param latency            added before every response; {@code Duration.ZERO} for none
 */
public record SandboxConfig(
        String host,
        int port,
        String apiKey,
        String companyName,
        int seedEmployees,
        Integer postLimitPerMinute,
        Duration latency) {

    /** The fixed default key. Tests should ask {@link FactorialSandbox#apiKey()} instead of relying on it. */
    static final String DEFAULT_API_KEY =
            "sandbox.eyJjb21wYW55X2lkIjo1NSwic2NvcGUiOiJhZG1pbiJ9.c2FuZGJveC1zaWduYXR1cmUtbm90LXJlYWw";

    public SandboxConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(companyName, "companyName");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (seedEmployees < 0) {
            throw new IllegalArgumentException("seedEmployees must not be negative");
        }
        if (postLimitPerMinute != null && postLimitPerMinute < 1) {
            throw new IllegalArgumentException("postLimitPerMinute must be positive or null");
        }
        latency = latency == null ? Duration.ZERO : latency;
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }

    /** 127.0.0.1, a random port, a fixed JWT-looking key, "Acme Robotics", 12 employees, no POST limit, no latency. */
    public static SandboxConfig defaults() {
        return new SandboxConfig("127.0.0.1", 0, DEFAULT_API_KEY, "Acme Robotics", 12, null, Duration.ZERO);
    }

    public SandboxConfig withHost(String h) {
        return new SandboxConfig(h, port, apiKey, companyName, seedEmployees, postLimitPerMinute, latency);
    }

    public SandboxConfig withPort(int p) {
        return new SandboxConfig(host, p, apiKey, companyName, seedEmployees, postLimitPerMinute, latency);
    }

    public SandboxConfig withApiKey(String k) {
        return new SandboxConfig(host, port, k, companyName, seedEmployees, postLimitPerMinute, latency);
    }

    public SandboxConfig withCompanyName(String name) {
        return new SandboxConfig(host, port, apiKey, name, seedEmployees, postLimitPerMinute, latency);
    }

    public SandboxConfig withPostLimitPerMinute(Integer n) {
        return new SandboxConfig(host, port, apiKey, companyName, seedEmployees, n, latency);
    }

    public SandboxConfig withLatency(Duration d) {
        return new SandboxConfig(host, port, apiKey, companyName, seedEmployees, postLimitPerMinute, d);
    }

    public SandboxConfig withSeedEmployees(int n) {
        return new SandboxConfig(host, port, apiKey, companyName, n, postLimitPerMinute, latency);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "SandboxConfig[host=" + host + ", port=" + port + ", apiKey=[redacted], companyName=" + companyName
                + ", seedEmployees=" + seedEmployees + ", postLimitPerMinute=" + postLimitPerMinute
                + ", latency=" + latency + "]";
    }
}
