package com.hirerelay.api.settings;

import com.hirerelay.api.internal.Require;
import java.time.LocalDate;
import java.util.Map;

/**
 * Where a connection stands in the life of the HR system's dated API version, as
 * {@link IntegrationSettingsPanel#apiVersionStatus} reports it for a given day: the version, when the HR
 * system is expected to stop serving it, a warning once that date is near, and the upgrade to offer.
 *
 * <p>The host shows the version and expected end in Connection Details, shows {@link #warning()} on the
 * integration card, in Connection Details and (to admins) in the export dialog, and offers "Upgrade to
 * {@link #upgradeTo()}", which applies {@link #upgradeSettings()} to the stored settings only after
 * {@link com.hirerelay.api.hris.HrisConnection#verify()} succeeded with them.
 *
 * @param version the API version the connection uses; not blank
 * @param expectedEnd the day the HR system is expected to stop serving it, or null when unknown
 * @param warning what an admin should do, once the end is near (or past); null otherwise
 * @param upgradeTo the version to offer an upgrade to, or null when there is none to offer
 * @param upgradeSettings the connect-form values to change for that upgrade (key to new value); empty
 *                        when {@code upgradeTo} is null; never a secret
 */
public record ApiVersionStatus(
        String version, LocalDate expectedEnd, String warning, String upgradeTo, Map<String, String> upgradeSettings) {

    /**
     * @throws IllegalArgumentException if the version is blank, or an upgrade is offered without settings
     */
    public ApiVersionStatus {
        Require.notBlank(version, "version");
        upgradeSettings = Map.copyOf(Require.noNulls(upgradeSettings == null ? Map.of() : upgradeSettings, "settings"));
        if (upgradeTo != null && upgradeSettings.isEmpty()) {
            throw new IllegalArgumentException("an upgrade needs the settings it changes");
        }
        if (warning != null && warning.isBlank()) {
            warning = null;
        }
    }

    /** @return whether admins should be warned now */
    public boolean needsAttention() {
        return warning != null;
    }
}
