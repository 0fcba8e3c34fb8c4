package com.hirerelay.host.limits;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding that refuses what {@link java.net.URLDecoder} silently repairs: a malformed escape
 * and bytes that are not UTF-8 (which URLDecoder turns into U+FFFD, so the value the user sees is not the
 * value sent). A '+' stays a '+', as in {@code encodeURIComponent}'s output.
 */
public final class PercentDecoding {

    private PercentDecoding() {}

    /**
     * @return the decoded text
     * @throws IllegalArgumentException when an escape is malformed or the bytes are not UTF-8
     */
    public static String strict(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("an escape at the end is cut short");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException(
                            "'%" + encoded.charAt(i + 1) + encoded.charAt(i + 2) + "' is not an escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                throw new IllegalArgumentException("characters beyond ASCII must be escaped");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the escaped bytes are not UTF-8", e);
        }
    }
}
