package com.hirerelay.sandbox;

import java.util.List;

/**
 * The dated API versions the sandbox speaks, and what changes between them. Factorial supports a version for
 * about a year and each version lists itself and the four before it; the sandbox speaks that window around
 * today's plugin (2025-10-01 to the 2027-01-01 preview). Any other well-formed version is answered 404, as a
 * path that does not exist; a version {@linkplain FactorialSandbox#retireVersion retired} at run time is
 * answered 410 Gone until it is {@linkplain FactorialSandbox#serveVersionAgain served again}.
 *
 * <ul>
 *   <li>before 2026-07-01: ids are JSON numbers; from 2026-07-01: JSON strings;</li>
 *   <li>from 2027-01-01: errors are the typed list {@code {"errors":[{"code","message","field"}]}};</li>
 *   <li>every version: {@code POST contracts/contract_versions}, {@code custom_fields/fields} and
 *       {@code custom_fields/values} answer 201, {@code create_with_contract} and PUTs answer 200.</li>
 * </ul>
 */
public final class SandboxVersions {

    /** Every version the sandbox answers, oldest first. */
    public static final List<String> SPOKEN =
            List.of("2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01", "2027-01-01");

    /** The first version with the typed error list. */
    public static final String TYPED_ERRORS_SINCE = "2027-01-01";

    private SandboxVersions() {}

    /** Whether the sandbox answers this version at all. */
    public static boolean isSpoken(String version) {
        return SPOKEN.contains(version);
    }

    static boolean hasTypedErrors(String version) {
        return version != null && version.matches("\\d{4}-\\d{2}-\\d{2}") && version.compareTo(TYPED_ERRORS_SINCE) >= 0;
    }
}
