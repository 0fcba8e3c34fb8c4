package com.hirerelay.api;

import java.util.regex.Pattern;

/**
 * The one e-mail syntax check that hosts and plugins share, so that an address accepted by the
 * host's candidate form is accepted by every connector's draft validation too.
 *
 * <p>It is deliberately practical, not RFC 5322: one {@code @}, no white space, a dot in the domain,
 * at most 254 characters. Internationalised addresses (non-ASCII letters) pass.
 */
public final class EmailAddress {

    // RFC 5322 dot-atom characters (letters of any script allowed, as internationalised mail does);
    // no quoted local parts, no brackets, no markup.
    private static final Pattern SHAPE =
            Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*\\.\\p{L}{2,}");

    private EmailAddress() {}

    /**
     * Whether {@code text} looks like a deliverable e-mail address.
     *
     * @param text the address to check; null is not well-formed
     * @return true if the address is well-formed
     */
    public static boolean isWellFormed(String text) {
        return text != null
                && text.length() <= 254
                && SHAPE.matcher(text).matches()
                && !text.contains("..")
                && !text.startsWith(".")
                && !text.contains(".@");
    }
}
