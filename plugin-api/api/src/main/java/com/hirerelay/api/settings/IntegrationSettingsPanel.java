package com.hirerelay.api.settings;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * The extension point for an integration card under Settings &gt; Account &gt; Integrations: which
 * section it sits in, the connect form, and the connection details shown by "View".
 *
 * <p>The host renders the card with the name, description and logo of the connector
 * {@link #connectorId()}, renders the form from {@link #connectForm()}, checks required fields,
 * asks {@link #validate}, then verifies the values through
 * {@link com.hirerelay.api.hris.HrisConnection#verify()} before it stores anything. The host owns
 * storage: secret values are encrypted at rest, never sent back to a browser, and shown masked at most.
 *
 * <p>Implementations must be thread-safe and must not do I/O.
 */
public interface IntegrationSettingsPanel extends ExtensionPoint {

    /**
     * @return the {@link com.hirerelay.api.hris.ConnectorInfo#id()} of the connector this panel configures
     */
    String connectorId();

    /**
     * @return the section the card appears in; {@link IntegrationCategory#HRIS} by default
     */
    default IntegrationCategory category() {
        return IntegrationCategory.HRIS;
    }

    /**
     * @return the connect form, constant for the life of the plugin
     */
    ConnectForm connectForm();

    /**
     * Checks submitted values beyond "required fields are present", which the host already checked
     * (formats, combinations). No I/O: the credentials are checked by
     * {@link com.hirerelay.api.hris.HrisConnection#verify()}.
     *
     * @param values key to submitted value; blank values are absent
     * @return the problems, each naming a {@link SettingField#key()} of {@link #connectForm()}, and
     *         never quoting a secret value; empty when the values may be verified
     */
    default List<FieldError> validate(Map<String, String> values) {
        return List.of();
    }

    /**
     * The lines of Connection Details for a connected integration, after those the host shows itself
     * (connected by, connected at, masked secrets). Must never include a secret value.
     *
     * @param account what the last verification found
     * @param settings the stored settings, secrets included so the plugin can, for example, name the
     *                 environment they point at
     * @return the details in display order
     */
    List<ConnectionDetail> connectionDetails(ConnectedAccount account, ConnectionSettings settings);

    /**
     * The life cycle of the HR system's API version these settings use, for HR systems whose API versions
     * expire. No I/O: computed from the settings and the day. The host passes its own clock's date, so
     * tests can move it.
     *
     * @param settings the stored settings
     * @param today the host's current date
     * @return the status, or empty for an HR system without dated API versions (the default)
     * @since 1.1
     */
    default Optional<ApiVersionStatus> apiVersionStatus(ConnectionSettings settings, LocalDate today) {
        return Optional.empty();
    }
}
