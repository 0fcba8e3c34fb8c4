package com.hirerelay.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.UserRole;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.candidate.CandidateStatus;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.menu.MenuContext;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.api.settings.ConnectionDetail;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.settings.SettingField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility test kit for HRIS plugins: extend this class in your plugin's test suite, supply
 * your three extensions, settings that reach your backend and a {@link ContractBackend}, and JUnit 6
 * runs the checks every host relies on:
 * <ul>
 *   <li>credentials are verified, and bad ones fail with {@link InvalidCredentialsException};</li>
 *   <li>a draft built from a minimal hired candidate carries every required field;</li>
 *   <li>an export looks for an existing employee first and never creates a duplicate;</li>
 *   <li>validation failures come back as field errors that name draft fields;</li>
 *   <li>rate limiting and outages come back as the typed exceptions (when the backend can simulate them);</li>
 *   <li>no secret appears in a {@code toString}, an exception message, the connection details or the logs;</li>
 *   <li>the menu item shows only for hired candidates, exporting roles and a working connection;</li>
 *   <li>the settings panel declares its secret fields as secret.</li>
 * </ul>
 *
 * <p>Tests create employees with unique e-mail addresses ({@code tck-<uuid>@example.com}); point the
 * kit at a sandbox, never at a production account.
 */
public abstract class HrisPluginContract {

    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(api[ _-]?key|token|secret|password).*");

    private final List<HrisConnection> opened = new ArrayList<>();

    /** @return the connector under test */
    protected abstract HrisConnector connector();

    /** @return the plugin's menu contribution */
    protected abstract ExportMenuContribution menuContribution();

    /** @return the plugin's settings panel */
    protected abstract IntegrationSettingsPanel settingsPanel();

    /** @return settings with valid credentials that reach the backend */
    protected abstract ConnectionSettings workingSettings();

    /**
     * @return the same settings with a wrong secret, or null for an HR system that takes no credentials
     *         (the credential check is then skipped)
     */
    protected abstract ConnectionSettings settingsWithWrongCredentials();

    /** @return a view of the HR system behind the plugin */
    protected abstract ContractBackend backend();

    /**
     * Everything the plugin logged since the test started, if the test class captures logs (for example
     * with a Logback {@code ListAppender}); null skips the log check.
     *
     * @return the captured log text, or null
     */
    protected String capturedLogs() {
        return null;
    }

    /**
     * The smallest hired candidate a host may hand over: names, a unique e-mail, status HIRED.
     *
     * @return a new candidate
     */
    protected Candidate minimalHiredCandidate() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new Candidate(
                "tck-" + unique,
                "Tck",
                "Candidate " + unique,
                "tck-" + unique + "@example.com",
                null,
                CandidateStatus.HIRED,
                null,
                null,
                "Hired",
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }

    /** @return a connection opened with {@link #workingSettings()} and closed after the test */
    protected final HrisConnection workingConnection() {
        HrisConnection connection = connector().open(workingSettings());
        opened.add(connection);
        ConnectedAccount account = connection.verify();
        HrisConnection verified = connector().open(workingSettings().withAccountAttributes(account.attributes()));
        opened.add(verified);
        return verified;
    }

    @AfterEach
    void closeConnectionsAndClearSimulations() {
        backend().clearSimulations();
        opened.forEach(HrisConnection::close);
        opened.clear();
    }

    @Test
    void theThreeExtensionsAgreeOnTheConnectorId() {
        String id = connector().info().id();
        assertThat(menuContribution().menuItem().connectorId())
                .as("menu item's connector id")
                .isEqualTo(id);
        assertThat(settingsPanel().connectorId())
                .as("settings panel's connector id")
                .isEqualTo(id);
    }

    @Test
    void verifyingWorkingCredentialsNamesTheAccount() {
        HrisConnection connection = connector().open(workingSettings());
        opened.add(connection);
        ConnectedAccount account = connection.verify();
        assertThat(account.accountName())
                .as("the account name shown in Connection Details")
                .isNotBlank();
    }

    @Test
    void verifyingWrongCredentialsFailsWithInvalidCredentialsAndNoSecret() {
        assumeTrue(settingsWithWrongCredentials() != null, "the HR system takes no credentials");
        HrisConnection connection = connector().open(settingsWithWrongCredentials());
        opened.add(connection);
        Throwable failure = catchThrowable(connection::verify);
        assertThat(failure)
                .as("wrong credentials must fail with the SPI's typed exception")
                .isInstanceOf(InvalidCredentialsException.class);
        assertNoSecretIn(settingsWithWrongCredentials(), failure.getMessage(), "the exception message");
    }

    @Test
    void aDraftFromAMinimalHiredCandidateCarriesEveryRequiredField() {
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = workingConnection().draftFor(candidate);
        assertThat(draft.candidateId()).isEqualTo(candidate.id());
        List<String> missing = draft.fields().stream()
                .filter(DraftField::required)
                .filter(field -> !field.hasValue())
                .map(DraftField::key)
                .toList();
        assertThat(missing)
                .as("required fields the connector left empty for a minimal hired candidate")
                .isEmpty();
        assertThat(workingConnection().validate(draft))
                .as("the default draft must validate")
                .isEmpty();
    }

    @Test
    void exportingTwiceCreatesOneEmployeeAndLinksItTheSecondTime() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);

        ExportResult first = connection.export(draft);
        ExportResult second = connection.export(draft);

        assertThat(first.outcome()).isEqualTo(ExportOutcome.CREATED);
        assertThat(second.outcome())
                .as("a second export must link the employee, not create another")
                .isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(second.employeeId()).isEqualTo(first.employeeId());
        assertThat(backend().employeesWithEmail(candidate.email()))
                .as("employees with the candidate's e-mail")
                .isEqualTo(1);
        assertThat(connection.findExisting(draft))
                .as("findExisting after the export")
                .hasValueSatisfying(
                        existing -> assertThat(existing.employeeId()).isEqualTo(first.employeeId()));
    }

    @Test
    void anEmptyDraftIsRefusedWithFieldErrorsNamingDraftFields() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        Map<String, String> blanks = new HashMap<>();
        draft.fields().stream().filter(DraftField::required).forEach(field -> blanks.put(field.key(), ""));
        EmployeeDraft empty = draft.withValues(blanks);
        Set<String> keys = draft.fields().stream().map(DraftField::key).collect(Collectors.toSet());

        List<FieldError> errors = connection.validate(empty);
        assertThat(errors)
                .as("validate() of a draft without its required values")
                .isNotEmpty();
        assertThat(errors)
                .extracting(FieldError::field)
                .as("field errors must name draft fields")
                .allMatch(keys::contains);

        assertThatThrownBy(() -> connection.export(empty))
                .isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).fieldErrors())
                        .extracting(FieldError::field)
                        .as("export's field errors must name draft fields")
                        .isNotEmpty()
                        .allMatch(keys::contains));
        assertThat(backend().employeesWithEmail(candidate.email()))
                .as("nothing may be created")
                .isZero();
    }

    @Test
    void aMalformedEmailIsAFieldErrorOnTheEmailField() {
        HrisConnection connection = workingConnection();
        EmployeeDraft draft = connection.draftFor(minimalHiredCandidate());
        DraftField email = draft.fields().stream()
                .filter(field -> field.type() == DraftFieldType.EMAIL)
                .findFirst()
                .orElseThrow(() -> new AssertionError("an HRIS draft needs an EMAIL field"));

        List<FieldError> errors = connection.validate(draft.withValues(Map.of(email.key(), "not an e-mail")));

        assertThat(errors)
                .extracting(FieldError::field)
                .as("errors for a malformed e-mail")
                .contains(email.key());
    }

    @Test
    void rateLimitingComesBackAsRateLimitedException() {
        assumeTrue(backend().canSimulateRateLimit(), "the backend cannot simulate rate limiting");
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        backend().simulateRateLimit();

        assertThatThrownBy(() -> connection.export(draft)).isInstanceOf(RateLimitedException.class);
        backend().clearSimulations();
        assertThat(backend().employeesWithEmail(candidate.email()))
                .as("nothing may be created")
                .isZero();
    }

    @Test
    void anOutageComesBackAsRemoteUnavailableException() {
        assumeTrue(backend().canSimulateOutage(), "the backend cannot simulate an outage");
        HrisConnection connection = workingConnection();
        EmployeeDraft draft = connection.draftFor(minimalHiredCandidate());
        backend().simulateOutage();

        assertThatThrownBy(() -> connection.findExisting(draft)).isInstanceOf(RemoteUnavailableException.class);
    }

    @Test
    void noSecretShowsInToStringsDetailsOrLogs() {
        ConnectionSettings settings = workingSettings();
        HrisConnection connection = workingConnection();
        ConnectedAccount account = connection.verify();
        EmployeeDraft draft = connection.draftFor(minimalHiredCandidate());

        assertNoSecretIn(settings, settings.toString(), "ConnectionSettings.toString()");
        assertNoSecretIn(settings, connection.toString(), "the connection's toString()");
        assertNoSecretIn(settings, connector().toString(), "the connector's toString()");
        assertNoSecretIn(settings, draft.toString(), "the draft");
        assertNoSecretIn(settings, account.toString(), "the connected account");
        for (ConnectionDetail detail : settingsPanel().connectionDetails(account, settings)) {
            assertNoSecretIn(settings, detail.value(), "connection detail '" + detail.label() + "'");
        }
        String logs = capturedLogs();
        if (logs != null) {
            assertNoSecretIn(settings, logs, "the captured logs");
        }
    }

    @Test
    void theMenuItemShowsOnlyForHiredCandidatesExportingRolesAndAWorkingConnection() {
        ExportMenuContribution menu = menuContribution();
        for (MenuPlacement placement : menu.menuItem().placements()) {
            for (UserRole role : UserRole.values()) {
                for (CandidateStatus status : CandidateStatus.values()) {
                    for (boolean connected : new boolean[] {true, false}) {
                        Candidate candidate = new Candidate(
                                "1", "Ana", "Ruiz", null, null, status, null, null, null, null, null, null, null, null,
                                Map.of());
                        boolean expected = status == CandidateStatus.HIRED && connected && role.mayExport();
                        assertThat(menu.isVisible(new MenuContext(placement, candidate, role, connected)))
                                .as(
                                        "visible at %s for %s, candidate %s, connected=%s",
                                        placement, role, status, connected)
                                .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void theSettingsPanelDeclaresItsSecretsAsSecret() {
        List<SettingField> fields = settingsPanel().connectForm().fields();
        for (SettingField field : fields) {
            if (SECRET_LOOKING.matcher(field.key()).matches()
                    || SECRET_LOOKING.matcher(field.label()).matches()) {
                assertThat(field.isSecret())
                        .as("field '%s' looks like a credential and must be SECRET", field.key())
                        .isTrue();
            }
        }
        assertThat(fields).as("a connect form needs a required field").anyMatch(SettingField::required);
    }

    private static void assertNoSecretIn(ConnectionSettings settings, String text, String where) {
        if (text == null) {
            return;
        }
        for (String key : settings.secretKeys()) {
            settings.value(key)
                    .filter(secret -> secret.length() >= 4)
                    .ifPresent(secret -> assertThat(text.toLowerCase(Locale.ROOT))
                            .as("%s must not contain secret '%s'", where, key)
                            .doesNotContain(secret.toLowerCase(Locale.ROOT)));
        }
    }
}
