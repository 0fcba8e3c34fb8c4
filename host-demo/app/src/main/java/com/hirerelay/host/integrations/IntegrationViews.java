package com.hirerelay.host.integrations;

import com.hirerelay.api.SelectOption;
import com.hirerelay.api.settings.ApiVersionStatus;
import com.hirerelay.api.settings.IntegrationCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the Integrations API answers (see API.md). Secrets appear only masked.
 */
public final class IntegrationViews {

    private IntegrationViews() {}

    /** A section of the Integrations page, such as "Human resources information systems". */
    public record Section(IntegrationCategory category, String title, List<Card> cards) {}

    /**
     * A connector's card.
     *
     * @param problem why the integration needs reconnection or attention, or null
     * @param apiVersion the connection's API version and its life cycle, or null when not connected or the
     *     HR system has no dated versions
     */
    public record Card(
            String connectorId,
            String name,
            String description,
            String logo,
            String guideUrl,
            String pluginId,
            IntegrationStatus status,
            String problem,
            ApiVersion apiVersion) {}

    /**
     * A connection's HR-system API version, as the plugin describes it for the host's today.
     *
     * @param version the version the connection uses
     * @param expectedEnd when the HR system is expected to stop serving it, or null when unknown
     * @param warning what an admin should do, once the end is near or past; null otherwise
     * @param upgradeTo the version "Upgrade" would move to, or null when none is offered
     */
    public record ApiVersion(String version, LocalDate expectedEnd, String warning, String upgradeTo) {

        static ApiVersion of(ApiVersionStatus status) {
            return new ApiVersion(status.version(), status.expectedEnd(), status.warning(), status.upgradeTo());
        }
    }

    /** The connect form as the UI renders it. */
    public record Form(String connectorId, String name, String intro, String guideUrl, List<FormField> fields) {}

    /**
     * One input of the connect form; a secret's default is always null. A field with a reference list holds an
     * id from that list, whose entries {@code POST /api/integrations/{connector}/choices} reads.
     */
    public record FormField(
            String key,
            String label,
            String type,
            boolean required,
            String defaultValue,
            List<SelectOption> options,
            String helpText,
            String helpLink,
            boolean advanced,
            String referenceList) {}

    /** One line of Connection Details. */
    public record Detail(String label, String value) {}

    /** The View page of a connected connector. */
    public record Details(
            String connectorId,
            String name,
            IntegrationStatus status,
            String accountName,
            String connectedBy,
            Instant connectedAt,
            Map<String, String> maskedSecrets,
            List<Detail> details,
            String problem,
            ApiVersion apiVersion) {}
}
