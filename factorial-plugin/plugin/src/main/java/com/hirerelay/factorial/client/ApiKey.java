package com.hirerelay.factorial.client;

import java.util.Objects;

/**
 * A Factorial API key. Holds the secret so that no record, log line or message can print it by
 * accident: {@link #toString()} is masked, and {@link #redact} removes the key from any text that
 * came back from the network.
 */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * @param value the key as the admin pasted it; surrounding white space is dropped
     * @return the key
     * @throws IllegalArgumentException if the key is blank
     */
    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the API key must not be blank");
        }
        return new ApiKey(value.strip());
    }

    /** @return the secret itself, for the {@code x-api-key} header only */
    String reveal() {
        return value;
    }

    /**
     * @return a SHA-256 fingerprint of the key (hex, 16 characters): names the key's shared rate budget without
     *     revealing it; two connections with the same key have the same fingerprint
     */
    public String fingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /**
     * @param text any text, such as an error body; may be null
     * @return the text with every occurrence of the key replaced by {@code ***}
     */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "ApiKey[***]";
    }
}
