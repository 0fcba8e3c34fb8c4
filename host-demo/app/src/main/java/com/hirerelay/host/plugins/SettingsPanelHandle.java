package com.hirerelay.host.plugins;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.settings.ApiVersionStatus;
import com.hirerelay.api.settings.ConnectForm;
import com.hirerelay.api.settings.ConnectionDetail;
import com.hirerelay.api.settings.IntegrationCategory;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A started plugin's settings panel, with its data read once and its calls guarded. The API forbids
 * a settings panel I/O, so its calls run on the caller's thread.
 */
public final class SettingsPanelHandle {

    private final String pluginId;
    private final String connectorId;
    private final IntegrationCategory category;
    private final ConnectForm form;
    private final IntegrationSettingsPanel panel;
    private final ClassLoader loader;
    private final PluginGuard guard;

    SettingsPanelHandle(
            String pluginId,
            String connectorId,
            IntegrationCategory category,
            ConnectForm form,
            IntegrationSettingsPanel panel,
            ClassLoader loader,
            PluginGuard guard) {
        this.pluginId = pluginId;
        this.connectorId = connectorId;
        this.category = category;
        this.form = form;
        this.panel = panel;
        this.loader = loader;
        this.guard = guard;
    }

    /** @return the plugin that contributes it */
    public String pluginId() {
        return pluginId;
    }

    /** @return the connector it configures */
    public String connectorId() {
        return connectorId;
    }

    /** @return the Integrations section it belongs in */
    public IntegrationCategory category() {
        return category;
    }

    /** @return the connect form */
    public ConnectForm form() {
        return form;
    }

    /** @return the plugin's checks of submitted values (required fields are checked by the host) */
    public List<FieldError> validate(Map<String, String> values) {
        List<FieldError> errors =
                guard.call(pluginId, loader, "validating settings", () -> panel.validate(Map.copyOf(values)));
        return errors == null ? List.of() : errors;
    }

    /** @return the plugin's lines of Connection Details */
    public List<ConnectionDetail> connectionDetails(ConnectedAccount account, ConnectionSettings settings) {
        List<ConnectionDetail> details = guard.call(
                pluginId, loader, "describing a connection", () -> panel.connectionDetails(account, settings));
        return details == null ? List.of() : details;
    }

    /**
     * @return where the connection's API version stands on {@code today}; empty for an HR system without
     *     dated API versions
     */
    public Optional<ApiVersionStatus> apiVersionStatus(ConnectionSettings settings, LocalDate today) {
        Optional<ApiVersionStatus> status = guard.call(
                pluginId, loader, "describing the API version", () -> panel.apiVersionStatus(settings, today));
        return status == null ? Optional.empty() : status;
    }
}
