package com.hirerelay.factorial.settings;

import static com.hirerelay.factorial.settings.FactorialSettings.*;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.settings.ApiVersionStatus;
import com.hirerelay.api.settings.ConnectForm;
import com.hirerelay.api.settings.ConnectionDetail;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.settings.SettingField;
import com.hirerelay.api.settings.SettingFieldType;
import com.hirerelay.factorial.FactorialPlugin;
import com.hirerelay.factorial.mapping.DraftKeys;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                    SettingField.choice(
                                    API_VERSION,
                                    "API version",
                                    FactorialApiVersions.SUPPORTED.stream()
                                            .map(version -> new SelectOption(version, versionLabel(version)))
                                            .toList())
                            .asAdvanced()
                            .withDefault(DEFAULT_API_VERSION)
                            .withHelp(
                                    "Factorial's dated API version. Factorial serves each version for about a"
                                            + " year; Connection Details shows when this one is expected to end.",
                                    null),
                    SettingField.of(ATS_INSTANCE, "ATS name in references", SettingFieldType.TEXT)
                            .asRequired()
                            .withDefault(DEFAULT_ATS_INSTANCE)
                            .withHelp(
                                    "Short name of this ATS, such as acme-ats. Each exported employee gets the"
                                            + " reference hirerelay:<this name>:<candidate id>, so it cannot be"
                                            + " mistaken for an employee number. Changing it later makes earlier"
                                            + " exports unrecognisable.",
                                    null),
                    SettingField.choice(
                                    REFERENCE_STORE,
                                    "Where to keep the reference",
                                    List.of(
                                            new SelectOption(
                                                    STORE_CUSTOM_FIELD,
                                                    "A Factorial custom field (employee number untouched)"),
                                            new SelectOption(
                                                    STORE_COMPANY_IDENTIFIER,
                                                    "Factorial's employee number (company_identifier)")))
                            .asRequired()
                            .withDefault(STORE_CUSTOM_FIELD)
                            .withHelp(
                                    "With a custom field, HireRelay never touches the employee number your"
                                            + " company uses.",
                                    null),
                    SettingField.of(REFERENCE_FIELD_LABEL, "Custom field label", SettingFieldType.TEXT)
                            .withDefault(DEFAULT_REFERENCE_FIELD_LABEL)
                            .withHelp("The label of the Factorial text field that holds the reference.", null),
                    SettingField.of(REFERENCE_FIELD_ID, "Custom field id", SettingFieldType.TEXT)
                            .asAdvanced()
                            .withHelp("Optional: the id of the field to use; wins over the label.", null),
                    SettingField.of(
                                    CREATE_REFERENCE_FIELD,
                                    "Create the custom field if missing",
                                    SettingFieldType.BOOLEAN)
                            .withDefault("false")
                            .withHelp(
                                    "When Factorial has no field with the label, HireRelay creates a text field"
                                            + " with it while connecting.",
                                    null),
                    SettingField.of(SEND_INVITATION, "Invite new employees to Factorial", SettingFieldType.BOOLEAN)
                            .withDefault("false")
                            .withHelp(
                                    "Sends Factorial's welcome e-mail to the login e-mail right after each"
                                            + " export.",
                                    null),
                    SettingField.choice(
                                    CANDIDATE_EMAIL_TARGET,
                                    "The candidate's e-mail is the",
                                    List.of(
                                            new SelectOption(EMAIL_PERSONAL, "Personal e-mail"),
                                            new SelectOption(EMAIL_LOGIN, "Login e-mail (sign-in and invitation)")))
                            .withHelp(
                                    "Which Factorial e-mail the candidate's address fills in the export dialog."
                                            + " When left unset: the personal e-mail, or the login e-mail when"
                                            + " invitations are sent.",
                                    null),
                    SettingField.of(DOCUMENTS_FOLDER, "Documents folder", SettingFieldType.TEXT)
                            .withDefault(DEFAULT_DOCUMENTS_FOLDER)
                            .withHelp(
                                    "The folder in each employee's documents that CVs and offer letters go"
                                            + " into. HireRelay creates it in Factorial when there is none of"
                                            + " that name.",
                                    null),
                    SettingField.of(DOCUMENTS_AUTHOR_ACCESS_ID, "Documents added as (access id)", SettingFieldType.TEXT)
                            .asAdvanced()
                            .withHelp(
                                    "The access id of the Factorial user shown as having added the documents."
                                            + " When empty, the new employee's own access id.",
                                    null),
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
                    SettingField.of(EMPLOYEE_LINK_PATTERN, "Employee page address", SettingFieldType.TEXT)
                            .asAdvanced()
                            .withDefault(DEFAULT_EMPLOYEE_LINK_PATTERN)
                            .withHelp(
                                    "Where \"Open in Factorial\" goes: {web} is Factorial's web app"
                                            + " (app.factorialhr.com, or the demo app), {id} the employee id.",
                                    null),
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
        // The API version and its expected end are not a line here: the host shows them from apiVersionStatus.
        details.add(new ConnectionDetail(
                "Candidate reference",
                STORE_COMPANY_IDENTIFIER.equals(settings.valueOr(REFERENCE_STORE, STORE_CUSTOM_FIELD))
                        ? "Employee number (company_identifier), as hirerelay:"
                                + settings.valueOr(ATS_INSTANCE, DEFAULT_ATS_INSTANCE) + ":<candidate id>"
                        : "Custom field '" + settings.valueOr(REFERENCE_FIELD_LABEL, DEFAULT_REFERENCE_FIELD_LABEL)
                                + "'"
                                + Optional.ofNullable(account.attributes().get(REFERENCE_FIELD_ATTRIBUTE))
                                        .map(id -> " (id " + id + ")")
                                        .orElse("")
                                + ", as hirerelay:" + settings.valueOr(ATS_INSTANCE, DEFAULT_ATS_INSTANCE)
                                + ":<candidate id>"));
        details.add(new ConnectionDetail(
                "Invitations",
                Boolean.parseBoolean(settings.valueOr(SEND_INVITATION, "false"))
                        ? "Sent after each export"
                        : "Not sent"));
        return details;
    }

    @Override
    public Optional<ApiVersionStatus> apiVersionStatus(ConnectionSettings settings, LocalDate today) {
        return Optional.of(
                FactorialApiVersions.status(settings.valueOr(API_VERSION, DEFAULT_API_VERSION), today, API_VERSION));
    }

    private static String versionLabel(String version) {
        String end = FactorialApiVersions.expectedEnd(version)
                .map(date -> "until about " + date)
                .orElse("");
        return version + (FactorialApiVersions.PREVIEWS.contains(version) ? " (preview, " : " (") + end + ")"
                + (version.equals(FactorialApiVersions.CURRENT) ? ", recommended" : "");
    }
}
