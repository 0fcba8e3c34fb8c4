package com.hirerelay.host.integrations;

import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.RateBudget;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.settings.ApiVersionStatus;
import com.hirerelay.api.settings.ConnectForm;
import com.hirerelay.api.settings.IntegrationCategory;
import com.hirerelay.api.settings.SettingField;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.plugins.ConnectorHandle;
import com.hirerelay.host.plugins.PluginHost;
import com.hirerelay.host.plugins.SettingsPanelHandle;
import com.hirerelay.host.storage.JsonText;
import com.hirerelay.host.vault.CredentialVault;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting, describing and removing integrations, and the open connection each connected connector
 * is used through. Credentials are verified by the plugin before anything is stored; secrets are stored
 * encrypted and leave this class only towards the plugin.
 */
public final class IntegrationService implements ConnectionStates, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationService.class);

    private final PluginHost plugins;
    private final IntegrationRepository repository;
    private final CredentialVault vault;
    // Shared by every connection this host opens (and, on PostgreSQL, by every instance): see HrisConnector.open.
    private final RateBudget budget;
    private final Map<String, String> settingDefaults;
    private final Clock clock;
    /** The open connection of each connector, with the revision of the settings it was opened from. */
    private final Map<String, OpenConnection> openConnections = new ConcurrentHashMap<>();

    private record OpenConnection(String revision, HrisConnection connection) {}

    public IntegrationService(
            PluginHost plugins,
            IntegrationRepository repository,
            CredentialVault vault,
            Map<String, String> settingDefaults,
            Clock clock,
            RateBudget budget) {
        this.plugins = plugins;
        this.budget = budget;
        this.repository = repository;
        this.vault = vault;
        this.settingDefaults = Map.copyOf(settingDefaults);
        this.clock = clock;
        // A plugin that was disabled, upgraded or removed must not be reached through a stale connection.
        plugins.addChangeListener(changed -> closeAll());
    }

    /** @return the Integrations page: a section per category with a card per connector that has a panel */
    public List<IntegrationViews.Section> sections() {
        // Sections in the category's declared order: HR systems first.
        Map<IntegrationCategory, List<IntegrationViews.Card>> byCategory = new EnumMap<>(IntegrationCategory.class);
        for (SettingsPanelHandle panel : plugins.settingsPanels()) {
            Optional<ConnectorHandle> connector = plugins.connector(panel.connectorId());
            if (connector.isEmpty()) {
                continue;
            }
            var info = connector.get().info();
            Optional<StoredIntegration> stored = repository.find(info.id());
            byCategory
                    .computeIfAbsent(panel.category(), key -> new ArrayList<>())
                    .add(new IntegrationViews.Card(
                            info.id(),
                            info.displayName(),
                            info.description(),
                            info.logo() == null ? null : info.logo().toString(),
                            info.guideUrl() == null ? null : info.guideUrl().toString(),
                            connector.get().pluginId(),
                            stored.map(StoredIntegration::status).orElse(IntegrationStatus.NOT_CONNECTED),
                            stored.map(StoredIntegration::problem).orElse(null),
                            stored.flatMap(integration -> apiVersion(panel, integration))
                                    .map(IntegrationViews.ApiVersion::of)
                                    .orElse(null)));
        }
        List<IntegrationViews.Section> sections = new ArrayList<>();
        byCategory.forEach((category, cards) -> {
            cards.sort(Comparator.comparing(IntegrationViews.Card::name, String.CASE_INSENSITIVE_ORDER));
            sections.add(new IntegrationViews.Section(category, category.title(), cards));
        });
        return sections;
    }

    /** @return the connector's connect form, with the host's configured defaults applied */
    public IntegrationViews.Form form(String connectorId) {
        SettingsPanelHandle panel = panel(connectorId);
        ConnectorHandle connector = connector(connectorId);
        List<IntegrationViews.FormField> fields = panel.form().fields().stream()
                .map(field -> new IntegrationViews.FormField(
                        field.key(),
                        field.label(),
                        field.type().name(),
                        field.required(),
                        field.isSecret() ? null : defaultFor(connectorId, field),
                        field.options(),
                        field.helpText(),
                        field.helpLink() == null ? null : field.helpLink().toString(),
                        field.advanced(),
                        field.referenceList()))
                .toList();
        var info = connector.info();
        return new IntegrationViews.Form(
                connectorId,
                info.displayName(),
                panel.form().intro(),
                info.guideUrl() == null ? null : info.guideUrl().toString(),
                fields);
    }

    /**
     * Verifies the submitted credentials through the plugin and stores the integration.
     *
     * @throws RequestRefusedException with field errors when a value is missing or the plugin refuses
     *                                 the credentials; nothing is stored then
     */
    public IntegrationViews.Details connect(String connectorId, Map<String, String> submitted, User user) {
        SettingsPanelHandle panel = panel(connectorId);
        ConnectorHandle connector = connector(connectorId);
        Optional<StoredIntegration> existing = repository.find(connectorId);
        if (existing.isPresent() && existing.get().status() == IntegrationStatus.CONNECTED) {
            throw new RequestRefusedException(
                    Reason.ALREADY_CONNECTED,
                    connector.info().displayName()
                            + " is connected already. Remove the integration to connect another account.");
        }
        ConnectForm form = panel.form();
        Map<String, String> values = cleaned(connectorId, form, submitted == null ? Map.of() : submitted);
        List<FieldError> errors = new ArrayList<>();
        for (SettingField field : form.fields()) {
            if (field.required() && !values.containsKey(field.key())) {
                errors.add(new FieldError(field.key(), field.label() + " is required."));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(panel.validate(values));
        }
        if (!errors.isEmpty()) {
            throw new RequestRefusedException(Reason.VALIDATION_FAILED, "Check the highlighted fields.", errors);
        }
        ConnectionSettings settings = new ConnectionSettings(connectorId, values, form.secretKeys(), Map.of());
        ConnectedAccount account;
        HrisConnection connection = connector.open(settings, budget);
        try {
            account = connection.verify();
        } catch (InvalidCredentialsException | AccessDeniedException refused) {
            connection.close();
            String field = form.secretKeys().stream()
                    .sorted()
                    .findFirst()
                    .orElse(form.fields().get(0).key());
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    refused.getMessage(),
                    List.of(new FieldError(field, refused.getMessage())));
        } catch (ValidationFailedException invalid) {
            connection.close();
            throw new RequestRefusedException(Reason.VALIDATION_FAILED, invalid.getMessage(), invalid.fieldErrors());
        } catch (RuntimeException failure) {
            connection.close();
            throw failure;
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, String> plain = new LinkedHashMap<>();
        values.forEach((key, value) -> (form.secretKeys().contains(key) ? secrets : plain).put(key, value));
        StoredIntegration integration = new StoredIntegration(
                connectorId,
                plain,
                vault.encrypt(JsonText.write(secrets), vaultContext(connectorId)),
                account.accountName(),
                account.accountId(),
                account.attributes(),
                IntegrationStatus.CONNECTED,
                null,
                user.name(),
                clock.instant());
        if (!repository.replaceUnlessConnected(integration)) {
            connection.close();
            throw new RequestRefusedException(
                    Reason.ALREADY_CONNECTED,
                    connector.info().displayName() + " was connected by someone else a moment ago.");
        }
        OpenConnection previous = openConnections.put(
                connectorId,
                new OpenConnection(
                        IntegrationRepository.revision(integration),
                        connector.open(settings.withAccountAttributes(account.attributes()), budget)));
        closeQuietly(previous);
        connection.close();
        LOG.info("Integration {} connected by user {} to account '{}'", connectorId, user.id(), account.accountName());
        return details(connectorId);
    }

    /**
     * The entries of the reference lists the connect form's fields draw on (a default team, say), read from
     * the HR system with the values the admin has typed so far, so the form offers names instead of asking
     * for ids. Nothing is stored; the connection is closed before answering.
     *
     * @return list name to its entries, for each list a field of the form names
     * @throws RequestRefusedException with field errors when a required value is missing or the HR system
     *                                 refuses the credentials
     */
    public Map<String, List<SelectOption>> choices(String connectorId, Map<String, String> submitted) {
        SettingsPanelHandle panel = panel(connectorId);
        ConnectorHandle connector = connector(connectorId);
        ConnectForm form = panel.form();
        List<String> lists = form.fields().stream()
                .map(SettingField::referenceList)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (lists.isEmpty()) {
            return Map.of();
        }
        // The fields that pick from the lists are not needed to read them.
        Map<String, String> values = cleaned(connectorId, form, submitted == null ? Map.of() : submitted);
        List<FieldError> missing = form.fields().stream()
                .filter(field -> field.required() && field.referenceList() == null && !values.containsKey(field.key()))
                .map(field -> new FieldError(field.key(), field.label() + " is required."))
                .toList();
        if (!missing.isEmpty()) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Fill in "
                            + String.join(
                                    ", ",
                                    missing.stream()
                                            .map(error -> labelOf(form, error.field()))
                                            .toList()) + " first: the choices are read from "
                            + connector.info().displayName() + " with them.",
                    missing);
        }
        ConnectionSettings settings = new ConnectionSettings(connectorId, values, form.secretKeys(), Map.of());
        HrisConnection probe = connector.open(settings);
        HrisConnection reader = null;
        try {
            ConnectedAccount account = probe.verify();
            reader = connector.open(settings.withAccountAttributes(account.attributes()));
            ReferenceData reference = reader.referenceData();
            Map<String, List<SelectOption>> choices = new LinkedHashMap<>();
            lists.forEach(list -> choices.put(list, reference.options(list)));
            return choices;
        } catch (InvalidCredentialsException | AccessDeniedException refused) {
            String field = form.secretKeys().stream()
                    .sorted()
                    .findFirst()
                    .orElse(form.fields().get(0).key());
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    refused.getMessage(),
                    List.of(new FieldError(field, refused.getMessage())));
        } catch (ValidationFailedException invalid) {
            throw new RequestRefusedException(Reason.VALIDATION_FAILED, invalid.getMessage(), invalid.fieldErrors());
        } finally {
            probe.close();
            if (reader != null) {
                reader.close();
            }
        }
    }

    private static String labelOf(ConnectForm form, String key) {
        return form.fields().stream()
                .filter(field -> field.key().equals(key))
                .map(SettingField::label)
                .findFirst()
                .orElse(key);
    }

    /** @return the View page of a connected connector */
    public IntegrationViews.Details details(String connectorId) {
        StoredIntegration stored = repository
                .find(connectorId)
                .orElseThrow(() -> new RequestRefusedException(Reason.NOT_FOUND, "This integration is not connected."));
        ConnectorHandle connector = connector(connectorId);
        Map<String, String> secrets = secrets(stored);
        Map<String, String> masked = new LinkedHashMap<>();
        secrets.forEach((key, value) -> masked.put(key, CredentialVault.mask(value)));
        List<IntegrationViews.Detail> details = new ArrayList<>();
        Optional<SettingsPanelHandle> panel = plugins.settingsPanel(connectorId);
        if (panel.isPresent()) {
            ConnectedAccount account = new ConnectedAccount(
                    stored.accountName() == null ? connector.info().displayName() : stored.accountName(),
                    stored.accountId(),
                    stored.accountAttributes());
            for (var detail : panel.get().connectionDetails(account, settingsOf(stored, secrets))) {
                details.add(new IntegrationViews.Detail(detail.label(), withoutSecrets(detail.value(), secrets)));
            }
        }
        return new IntegrationViews.Details(
                connectorId,
                connector.info().displayName(),
                stored.status(),
                stored.accountName(),
                stored.connectedBy(),
                stored.connectedAt(),
                masked,
                details,
                stored.problem(),
                panel.flatMap(handle -> apiVersion(handle, stored))
                        .map(IntegrationViews.ApiVersion::of)
                        .orElse(null));
    }

    /**
     * @return where the connector's API version stands today (the host's clock), for an integration that is
     *     stored and whose HR system has dated API versions
     */
    public Optional<ApiVersionStatus> apiVersionStatus(String connectorId) {
        Optional<SettingsPanelHandle> panel = plugins.settingsPanel(connectorId);
        Optional<StoredIntegration> stored = repository.find(connectorId);
        if (panel.isEmpty() || stored.isEmpty()) {
            return Optional.empty();
        }
        return apiVersion(panel.get(), stored.get());
    }

    /**
     * Moves the integration to the API version its plugin offers ({@link ApiVersionStatus#upgradeTo()}): the
     * new settings are verified with the HR system first, and stored only when it accepts them for the same
     * account. A refused upgrade changes nothing and says why. Also the way out of
     * {@link IntegrationStatus#NEEDS_ATTENTION}.
     *
     * @param expectedVersion the version the admin saw offered; the upgrade is refused when the offer changed
     * @throws RequestRefusedException {@link Reason#UPGRADE_FAILED} when nothing is offered, the offer is not
     *     {@code expectedVersion}, or the HR system refused the new version; {@link Reason#NOT_FOUND} when
     *     the integration is not stored
     */
    public IntegrationViews.Details upgradeApiVersion(String connectorId, String expectedVersion, User user) {
        SettingsPanelHandle panel = panel(connectorId);
        ConnectorHandle connector = connector(connectorId);
        StoredIntegration stored = repository
                .find(connectorId)
                .orElseThrow(() -> new RequestRefusedException(Reason.NOT_FOUND, "This integration is not connected."));
        if (stored.status() == IntegrationStatus.NEEDS_RECONNECTION) {
            throw new RequestRefusedException(
                    Reason.UPGRADE_FAILED,
                    "The connection needs new credentials first: " + stored.problem()
                            + " Remove the integration and connect again; the new connection uses the current API"
                            + " version.");
        }
        String name = connector.info().displayName();
        ApiVersionStatus status = apiVersion(panel, stored)
                .orElseThrow(() -> new RequestRefusedException(
                        Reason.UPGRADE_FAILED, name + " has no API versions to choose from."));
        if (status.upgradeTo() == null) {
            throw new RequestRefusedException(
                    Reason.UPGRADE_FAILED,
                    "There is no newer " + name + " API version to upgrade to; the connection uses " + status.version()
                            + ".");
        }
        if (expectedVersion != null && !expectedVersion.equals(status.upgradeTo())) {
            throw new RequestRefusedException(
                    Reason.UPGRADE_FAILED,
                    "The upgrade on offer is now to " + status.upgradeTo() + ", not " + expectedVersion
                            + ". Reload the page and check it again.");
        }
        Map<String, String> secrets = secrets(stored);
        for (String key : status.upgradeSettings().keySet()) {
            if (secrets.containsKey(key) || panel.form().secretKeys().contains(key)) {
                // The SPI forbids it; a plugin that does it anyway must not get a secret replaced unseen.
                throw new RequestRefusedException(
                        Reason.UPGRADE_FAILED,
                        "The plugin's upgrade would change a secret setting, which HireRelay does not do."
                                + " Nothing was changed.");
            }
        }
        Map<String, String> plain = new LinkedHashMap<>(stored.settings());
        plain.putAll(status.upgradeSettings());
        Map<String, String> values = new LinkedHashMap<>(plain);
        values.putAll(secrets);
        List<FieldError> invalid = panel.validate(values);
        if (!invalid.isEmpty()) {
            throw upgradeRefused(name, status, describe(invalid));
        }
        ConnectionSettings settings =
                new ConnectionSettings(connectorId, values, secrets.keySet(), stored.accountAttributes());
        ConnectedAccount account;
        HrisConnection trial = connector.open(settings, budget);
        try {
            account = trial.verify();
        } catch (HrisException refused) {
            LOG.warn(
                    "Upgrade of integration {} to API version {} refused by the HR system: {}",
                    connectorId,
                    status.upgradeTo(),
                    refused.getMessage());
            throw upgradeRefused(
                    name, status, reason(refused, status.upgradeSettings().keySet()));
        } finally {
            closeQuietly(trial);
        }
        if (stored.accountId() != null && !stored.accountId().equals(account.accountId())) {
            throw upgradeRefused(
                    name,
                    status,
                    "with the new version the key reaches another account (" + account.accountName() + "), not "
                            + stored.accountName());
        }
        if (!repository.updateVerifiedSettings(connectorId, plain, account.attributes())) {
            throw new RequestRefusedException(Reason.NOT_FOUND, "This integration was removed meanwhile.");
        }
        closeQuietly(openConnections.remove(connectorId));
        LOG.info(
                "Integration {} upgraded by user {} from API version {} to {}",
                connectorId,
                user.id(),
                status.version(),
                status.upgradeTo());
        return details(connectorId);
    }

    private static RequestRefusedException upgradeRefused(String name, ApiVersionStatus status, String why) {
        return new RequestRefusedException(
                Reason.UPGRADE_FAILED,
                name + " did not accept API version " + status.upgradeTo() + ", so the connection stays on "
                        + status.version() + ": " + why);
    }

    /**
     * Why the HR system refused the upgrade: the plugin's words about the settings the upgrade changed when it
     * names them (they say what to do), its message otherwise.
     */
    private static String reason(HrisException refused, Set<String> changed) {
        if (refused instanceof ValidationFailedException validation) {
            List<FieldError> aboutTheUpgrade = validation.fieldErrors().stream()
                    .filter(error -> changed.contains(error.field()))
                    .toList();
            if (!aboutTheUpgrade.isEmpty()) {
                return describe(aboutTheUpgrade);
            }
        }
        return refused.getMessage();
    }

    private static String describe(List<FieldError> errors) {
        return String.join(" ", errors.stream().map(FieldError::message).toList());
    }

    private Optional<ApiVersionStatus> apiVersion(SettingsPanelHandle panel, StoredIntegration stored) {
        return panel.apiVersionStatus(settingsOf(stored, secrets(stored)), LocalDate.now(clock));
    }

    /** Removes the integration: the stored secret is deleted and the open connection closed. */
    public void remove(String connectorId, User user) {
        if (!repository.delete(connectorId)) {
            throw new RequestRefusedException(Reason.NOT_FOUND, "This integration is not connected.");
        }
        closeQuietly(openConnections.remove(connectorId));
        LOG.info("Integration {} removed by user {}", connectorId, user.id());
    }

    /**
     * @return the open connection of a connected connector
     * @throws RequestRefusedException when it is not connected or needs reconnection
     */
    public HrisConnection connection(String connectorId) {
        return snapshot().connection(connectorId);
    }

    /** @return the integrations as one request sees them, read once (see {@link IntegrationSnapshot}) */
    @Override
    public IntegrationSnapshot snapshot() {
        return new IntegrationSnapshot(this);
    }

    @Override
    public void requireUsable(String connectorId) {
        requireUsable(repository.states().get(connectorId));
    }

    /** @throws RequestRefusedException naming what an admin must do, unless the integration can be used */
    static void requireUsable(IntegrationState state) {
        if (state == null) {
            throw new RequestRefusedException(
                    Reason.NOT_EXPORTABLE,
                    "This HR system is not connected. An admin can connect"
                            + " it under Settings > Account > Integrations.");
        }
        if (state.status() == IntegrationStatus.NEEDS_RECONNECTION) {
            throw new RequestRefusedException(
                    Reason.NEEDS_RECONNECTION,
                    "The connection needs to be renewed: " + state.problem()
                            + " An admin can reconnect it under Settings > Account > Integrations.");
        }
        if (state.status() == IntegrationStatus.NEEDS_ATTENTION) {
            throw new RequestRefusedException(
                    Reason.NEEDS_ATTENTION,
                    "The connection needs attention, so nothing was sent: " + state.problem()
                            + " An admin can upgrade or reconnect it under Settings > Account > Integrations.");
        }
    }

    Map<String, IntegrationState> readStates() {
        return repository.states();
    }

    /**
     * The open connection for a usable integration: the one the host has open when it was opened from these
     * settings, otherwise a new one from the stored settings (parsed and decrypted only then), which replaces it.
     */
    HrisConnection openConnection(IntegrationState state) {
        OpenConnection open = openConnections.get(state.connectorId());
        if (open != null && open.revision().equals(state.revision())) {
            return open.connection();
        }
        synchronized (openConnections) {
            open = openConnections.get(state.connectorId());
            if (open != null && open.revision().equals(state.revision())) {
                return open.connection();
            }
            StoredIntegration stored = repository
                    .find(state.connectorId())
                    .orElseThrow(() -> new RequestRefusedException(
                            Reason.NOT_EXPORTABLE, "This HR system was disconnected a moment ago."));
            HrisConnection connection =
                    connector(stored.connectorId()).open(settingsOf(stored, secrets(stored)), budget);
            // Tagged with the revision this request read: were the stored settings newer still, the next request
            // opens once more rather than keep a connection from settings it cannot tell apart.
            OpenConnection previous =
                    openConnections.put(stored.connectorId(), new OpenConnection(state.revision(), connection));
            closeQuietly(previous);
            return connection;
        }
    }

    /** Records that the HR system refused the stored credentials, so admins see it and exports stop. */
    public void markNeedsReconnection(String connectorId, String problem) {
        repository.markNeedsAction(connectorId, IntegrationStatus.NEEDS_RECONNECTION, problem);
        closeQuietly(openConnections.remove(connectorId));
        LOG.warn("Integration {} needs reconnection: {}", connectorId, problem);
    }

    /**
     * Records that the HR system no longer serves what the connection is set to (its API version), so admins
     * see the reason and exports stop until the connection is upgraded.
     */
    public void markNeedsAttention(String connectorId, String problem) {
        repository.markNeedsAction(connectorId, IntegrationStatus.NEEDS_ATTENTION, problem);
        closeQuietly(openConnections.remove(connectorId));
        LOG.warn("Integration {} needs attention: {}", connectorId, problem);
    }

    /** @return the card status of a connector */
    @Override
    public IntegrationStatus status(String connectorId) {
        IntegrationState state = repository.states().get(connectorId);
        return state == null ? IntegrationStatus.NOT_CONNECTED : state.status();
    }

    @Override
    public void close() {
        closeAll();
    }

    private void closeAll() {
        openConnections.keySet().forEach(id -> closeQuietly(openConnections.remove(id)));
    }

    private Map<String, String> cleaned(String connectorId, ConnectForm form, Map<String, String> submitted) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SettingField field : form.fields()) {
            String value = submitted.get(field.key());
            if (value == null && !field.isSecret()) {
                value = defaultFor(connectorId, field);
            }
            if (value != null && !value.isBlank()) {
                values.put(field.key(), value.strip());
            }
        }
        return values;
    }

    private String defaultFor(String connectorId, SettingField field) {
        return settingDefaults.getOrDefault(connectorId + "." + field.key(), field.defaultValue());
    }

    private Map<String, String> secrets(StoredIntegration stored) {
        return JsonText.readMap(vault.decrypt(stored.secretsCiphertext(), vaultContext(stored.connectorId())));
    }

    private ConnectionSettings settingsOf(StoredIntegration stored, Map<String, String> secrets) {
        Map<String, String> values = new LinkedHashMap<>(stored.settings());
        values.putAll(secrets);
        return new ConnectionSettings(stored.connectorId(), values, secrets.keySet(), stored.accountAttributes());
    }

    private static String withoutSecrets(String text, Map<String, String> secrets) {
        String result = text == null ? "" : text;
        for (String secret : secrets.values()) {
            if (secret.length() >= 4 && result.contains(secret)) {
                result = result.replace(secret, CredentialVault.mask(secret));
            }
        }
        return result;
    }

    private SettingsPanelHandle panel(String connectorId) {
        return plugins.settingsPanel(connectorId)
                .orElseThrow(() -> new RequestRefusedException(
                        Reason.NOT_FOUND, "No installed plugin offers a connector '" + connectorId + "'."));
    }

    private ConnectorHandle connector(String connectorId) {
        return plugins.connector(connectorId)
                .orElseThrow(() -> new RequestRefusedException(
                        Reason.NOT_FOUND, "No installed plugin offers a connector '" + connectorId + "'."));
    }

    private static String vaultContext(String connectorId) {
        return "integration:" + connectorId;
    }

    private static void closeQuietly(OpenConnection open) {
        if (open != null) {
            closeQuietly(open.connection());
        }
    }

    private static void closeQuietly(HrisConnection connection) {
        try {
            connection.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing a connection failed: {}", e.toString());
        }
    }
}
