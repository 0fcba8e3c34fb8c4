package com.hirerelay.factorial.settings;

import com.hirerelay.api.settings.ApiVersionStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dated Factorial API versions the plugin supports, and their life cycle. Factorial releases a version
 * each quarter and supports it for about a year (each version lists itself and the four before it), so a
 * version is expected to end one year after its date; 2027-01-01 is a preview that may still change.
 * What changes between them, as far as the plugin is concerned: ids are JSON numbers before 2026-07-01 and
 * strings from then on; from 2027-01-01 errors come as a typed list; from 2026-10-01 Factorial describes
 * {@code email} of a new employee as the login e-mail.
 */
public final class FactorialApiVersions {

    /** The supported versions, oldest first. */
    public static final List<String> SUPPORTED = List.of("2026-04-01", "2026-07-01", "2026-10-01", "2027-01-01");
    /** The version new connections use. */
    public static final String CURRENT = "2026-10-01";
    /** Versions Factorial publishes as previews. */
    public static final List<String> PREVIEWS = List.of("2027-01-01");
    /** How long before the expected end admins are warned. */
    public static final int WARN_DAYS_BEFORE_END = 60;

    private FactorialApiVersions() {}

    /**
     * @param version a version
     * @return the day Factorial is expected to stop serving it (one year after its date), when it is a date
     */
    public static Optional<LocalDate> expectedEnd(String version) {
        try {
            return Optional.of(LocalDate.parse(version).plusYears(1));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /**
     * The status of a connection on {@code version} on {@code today}: a warning from
     * {@link #WARN_DAYS_BEFORE_END} days before the expected end, and an upgrade to the newest supported
     * stable version (or, when none is newer, the newest preview) once the version is not the newest stable.
     *
     * @param version the connection's version
     * @param today the host's date
     * @param versionKey the settings key the upgrade changes
     * @return the status
     */
    public static ApiVersionStatus status(String version, LocalDate today, String versionKey) {
        LocalDate end = expectedEnd(version).orElse(null);
        boolean endIsNear = end != null && !today.isBefore(end.minusDays(WARN_DAYS_BEFORE_END));
        String upgradeTo = upgradeFor(version)
                .or(() -> endIsNear ? newestPreviewAfter(version) : Optional.empty())
                .orElse(null);
        String warning = null;
        if (endIsNear) {
            String then = today.isBefore(end) ? "is expected to stop serving" : "was expected to stop serving";
            warning = "Factorial " + then + " API version " + version + " on " + end + "."
                    + (upgradeTo == null
                            ? " Ask HireRelay for a plugin that supports a newer version."
                            : " Upgrade the connection to " + upgradeTo + " before then.");
        } else if (!SUPPORTED.contains(version)) {
            warning = "API version " + version + " is not one this plugin was tested with ("
                    + String.join(", ", SUPPORTED) + ")." + (upgradeTo == null ? "" : " Upgrade to " + upgradeTo + ".");
        }
        return new ApiVersionStatus(
                version, end, warning, upgradeTo, upgradeTo == null ? Map.of() : Map.of(versionKey, upgradeTo));
    }

    private static Optional<String> upgradeFor(String version) {
        Optional<String> stable = SUPPORTED.stream()
                .filter(candidate -> !PREVIEWS.contains(candidate))
                .filter(candidate -> candidate.compareTo(version) > 0)
                .reduce((first, second) -> second);
        return stable;
    }

    /** Past the newest stable version the only way forward is a preview, offered only when the end is near. */
    private static Optional<String> newestPreviewAfter(String version) {
        return PREVIEWS.stream()
                .filter(candidate -> candidate.compareTo(version) > 0)
                .reduce((first, second) -> second);
    }
}
