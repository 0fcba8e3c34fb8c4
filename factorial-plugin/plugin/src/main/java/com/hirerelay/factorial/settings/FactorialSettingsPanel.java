package com.hirerelay.factorial.settings;

import static com.hirerelay.factorial.settings.FactorialSettings.*;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.settings.ConnectForm;
import com.hirerelay.api.settings.ConnectionDetail;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.settings.SettingField;
import com.hirerelay.api.settings.SettingFieldType;
import com.hirerelay.factorial.FactorialPlugin;
import com.hirerelay.factorial.mapping.DraftKeys;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The Factorial card under Settings &gt; Account &gt; Integrations &gt; Human resources information systems.
 */
@Extension
public class FactorialSettingsPanel implements IntegrationSettingsPanel {

    private static final URI API_KEYS_HELP =
            URI.create("https://help.factorialhr.com/how-to-create-api-keys-in-factorial");

    private static final ConnectForm FORM = new ConnectForm(
            "Connect your Factorial account so that admins, hiring managers and recruiters can export hired"
                    + " candidates as Factorial employees. Only a Factorial admin can create an API key.",
            List.of(
                    SettingField.of(API_KEY, "API key", SettingFieldType.SECRET)
                            .asRequired()
                            .withHelp(
                                    "In Factorial, open Settings > API keys and create a key. Factorial shows"
                                            + " the key only once: copy it right away and paste it here.",
                                    API_KEYS_HELP),
                    SettingField.choice(
                                    ENVIRONMENT,
                                    "Environment",
                                    List.of(
                                            new SelectOption(PRODUCTION, "Production (api.factorialhr.com)"),
                                            new SelectOption(DEMO, "Demo (api.eu2.demo.factorial.dev)"),
                                            new SelectOption(CUSTOM, "Custom base URL")))
                            .asRequired()
                            .withDefault(PRODUCTION)
                            .withHelp("A key works only in the environment it was created in.", null),
                    SettingField.of(BASE_URL, "Base URL", SettingFieldType.URL)
                            .asAdvanced()
                            .withHelp("Used only with the Custom environment.", null),
                    SettingField.of(API_VERSION, "API version", SettingFieldType.TEXT)
                            .asAdvanced()
                            .withDefault(DEFAULT_API_VERSION)
                            .withHelp("Factorial's dated API version, YYYY-MM-DD.", null),
                    SettingField.of(SEND_INVITATION, "Invite new employees to Factorial", SettingFieldType.BOOLEAN)
                            .withDefault("false")
                            .withHelp("Sends Factorial's welcome e-mail right after each export.", null),
                    // Chosen among the account's own legal entities, locations and teams, by name (the host
                    // reads the lists with the key typed above), never typed in as ids.
                    SettingField.of(DEFAULT_LEGAL_ENTITY_ID, "Default legal entity", SettingFieldType.TEXT)
                            .asAdvanced()
                            .withReferenceList(DraftKeys.LEGAL_ENTITIES)
                            .withHelp("Chosen in every export to start with; the recruiter can pick another.", null),
                    SettingField.of(DEFAULT_LOCATION_ID, "Default location", SettingFieldType.TEXT)
                            .asAdvanced()
                            .withReferenceList(DraftKeys.LOCATIONS)
                            .withHelp("Chosen in every export to start with.", null),
                    SettingField.of(DEFAULT_TEAM_ID, "Default team", SettingFieldType.TEXT)
                            .asAdvanced()
                            .withReferenceList(DraftKeys.TEAMS)
                            .withHelp("Chosen in every export to start with.", null),
                    SettingField.of(READ_TIMEOUT_SECONDS, "Read time-out (seconds)", SettingFieldType.TEXT)
                            .asAdvanced()
                            .withDefault("30")
                            .withHelp(
                                    "How long to wait for Factorial, connecting included. An export whose answer does not come"
                                            + " in time is checked again before it is reported, never sent twice.",
                                    null)));

    @Override
    public String connectorId() {
        return FactorialPlugin.CONNECTOR_ID;
    }

    @Override
    public ConnectForm connectForm() {
        return FORM;
    }

    @Override
    public List<FieldError> validate(Map<String, String> values) {
        return FactorialEnvironment.problems(values);
    }

    @Override
    public List<ConnectionDetail> connectionDetails(ConnectedAccount account, ConnectionSettings settings) {
        List<ConnectionDetail> details = new ArrayList<>();
        details.add(new ConnectionDetail("Company", account.accountName()));
        if (account.accountId() != null) {
            details.add(new ConnectionDetail("Company id", account.accountId()));
        }
        String environment = settings.valueOr(ENVIRONMENT, PRODUCTION);
        details.add(new ConnectionDetail(
                "Environment",
                switch (environment) {
                    case DEMO -> "Demo";
                    case CUSTOM -> "Custom (" + settings.valueOr(BASE_URL, "no URL") + ")";
                    default -> "Production";
                }));
        details.add(new ConnectionDetail("API version", settings.valueOr(API_VERSION, DEFAULT_API_VERSION)));
        details.add(new ConnectionDetail(
                "Invitations",
                Boolean.parseBoolean(settings.valueOr(SEND_INVITATION, "false"))
                        ? "Sent after each export"
                        : "Not sent"));
        return details;
    }
}
