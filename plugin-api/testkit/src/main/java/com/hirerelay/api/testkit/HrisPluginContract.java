package com.hirerelay.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.ApiVersionUnavailableException;
import com.hirerelay.api.Capability;
import com.hirerelay.api.CapabilityNotSupportedException;
import com.hirerelay.api.EmailAddress;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.PluginTimeLimits;
import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.UserRole;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.candidate.CandidateStatus;
import com.hirerelay.api.candidate.Offer;
import com.hirerelay.api.candidate.PayPeriod;
import com.hirerelay.api.candidate.PostalAddress;
import com.hirerelay.api.candidate.Salary;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionContext;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.DocumentKind;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeValues;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.api.hris.FieldChange;
import com.hirerelay.api.hris.FieldUpdateStatus;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisConnector;
import com.hirerelay.api.hris.HrisRequestListener;
import com.hirerelay.api.hris.RateBudget;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.hris.UpdateOptions;
import com.hirerelay.api.hris.UpdateResult;
import com.hirerelay.api.hris.UpdateRoute;
import com.hirerelay.api.hris.UploadedDocument;
import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.menu.MenuContext;
import com.hirerelay.api.menu.MenuItem;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.api.settings.ConnectionDetail;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.settings.SettingField;
import com.hirerelay.api.testkit.internal.KitClock;
import com.hirerelay.api.testkit.internal.LogCapture;
import com.hirerelay.api.testkit.internal.Secrets;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compatibility test kit for HRIS plugins: extend this class in your plugin's test suite, supply your
 * three extensions, settings that reach your backend and a {@link ContractBackend} the kit can steer, and
 * JUnit runs one test per rule the plugin API's Javadoc states, for every operation it applies to. The
 * kit's README lists the rules and the test that checks each.
 *
 * <p>In every test the kit captures what the plugin logs (console, {@code java.util.logging}, SLF4J over
 * Logback, every level) and looks for the secret values of the settings it used in the logs, in every
 * exception message and cause, and in the {@code toString()} of everything the plugin handed back.
 *
 * <p>A test that needs a backend feature the backend lacks fails with "your backend does not support X:
 * implement Y". Only four rules can be declared inapplicable, by facts about the HR system, and the tests
 * that check them are then reported as aborted with that reason: credentials
 * ({@link #settingsWithWrongCredentials()} returns null), rate limits ({@link #hrSystemRateLimits()}
 * returns false), retired API versions ({@link #hrSystemHasApiVersions()} returns false) and refusals naming
 * a field ({@link #hrSystemNamesFieldsInRefusals()} returns false).
 *
 * <p>The kit opens every connection as a host does, with {@link HrisConnector#open(ConnectionSettings,
 * ConnectionContext)}, and hands it a clock that stands still until a test moves it on.
 *
 * <p>Tests create employees with unique e-mail addresses ({@code tck-<uuid>@example.com}); point the kit
 * at a sandbox or a fake, never at a production account. The kit calls {@link #connector()},
 * {@link #backend()} and the other suppliers once per test, after the subclass's fields are set up and
 * before its own {@code @BeforeEach} methods, so a backend that decorates the connector's storage can be
 * built in a field initialiser or a JUnit-managed field.
 */
public abstract class HrisPluginContract {

    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(api[ _-]?key|token|secret|password).*");
    private static final Duration ANNOUNCED_WAIT = Duration.ofSeconds(120);
    /** A wait no host limit covers: a plugin must report it at once rather than sleep through it. */
    private static final Duration WAIT_BEYOND_EVERY_LIMIT = Duration.ofHours(6);
    /** A field of the HR system no draft key stands for, named in a refusal. */
    private static final String UNKNOWN_HR_FIELD = "tck_badge_colour";

    private static final Duration LATENCY = Duration.ofMillis(60);
    private static final int CONCURRENT_EXPORTS = 4;
    private static final BackendOperation[] STEERED = {
        BackendOperation.VERIFY_CREDENTIALS,
        BackendOperation.READ_REFERENCE_DATA,
        BackendOperation.FIND_EMPLOYEE,
        BackendOperation.CREATE_EMPLOYEE
    };

    private final List<HrisConnection> opened = new ArrayList<>();
    private final List<Object> handedBack = Collections.synchronizedList(new ArrayList<>());
    private LogCapture logs;
    private Secrets secrets;
    private HrisConnector connector;
    private ContractBackend backend;
    private KitClock clock;

    /** @return the connector under test; called once per test */
    protected abstract HrisConnector connector();

    /** @return the plugin's menu contribution */
    protected abstract ExportMenuContribution menuContribution();

    /** @return the plugin's settings panel */
    protected abstract IntegrationSettingsPanel settingsPanel();

    /** @return settings with valid credentials that reach the backend */
    protected abstract ConnectionSettings workingSettings();

    /**
     * @return the same settings with a wrong secret, or null for an HR system that takes no credentials
     *         (the credential tests are then reported as aborted, with that reason)
     */
    protected abstract ConnectionSettings settingsWithWrongCredentials();

    /** @return the HR system behind the plugin, which the kit steers; called once per test */
    protected abstract ContractBackend backend();

    /**
     * Whether the HR system can refuse calls for load. Only an HR system that never does (a local folder)
     * returns false; the rate-limit tests are then reported as aborted, with that reason.
     *
     * @return true unless the HR system has no rate limits at all
     */
    protected boolean hrSystemRateLimits() {
        return true;
    }

    /**
     * Whether the HR system serves its API in versions it can retire (dated versions, {@code /v1/} paths). Only
     * an HR system without versions (a local folder, an unversioned API) returns false; the API-version test is
     * then reported as aborted, with that reason.
     *
     * @return true unless the HR system has no API versions
     */
    protected boolean hrSystemHasApiVersions() {
        return true;
    }

    /**
     * Whether the HR system names fields when it refuses a record. Only an HR system that never does (a folder,
     * which refuses a write with a reason but no field) returns false; the test that a field the connector cannot
     * translate goes into the message is then reported as aborted, with that reason.
     *
     * @return true unless the HR system's refusals never name a field
     */
    protected boolean hrSystemNamesFieldsInRefusals() {
        return true;
    }

    /**
     * Further log text the test class captured itself, checked for secrets like the kit's own capture.
     * Not needed: the kit captures logs in every test.
     *
     * @return extra captured text, or null
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

    /**
     * A hired candidate with everything a host may know: phone, job, accepted offer with a start date
     * a month ahead and a yearly salary, birthday, nationality and address.
     *
     * @return a new candidate
     */
    protected Candidate fullHiredCandidate() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new Candidate(
                "tck-" + unique,
                "Tck",
                "Complete " + unique,
                "tck-full-" + unique + "@example.com",
                "+34600000000",
                CandidateStatus.HIRED,
                "job-1",
                "Backend Engineer",
                "Hired",
                LocalDate.now().minusDays(1),
                new Offer(
                        "Backend Engineer",
                        LocalDate.now().plusDays(30),
                        new Salary(new BigDecimal("45000.00"), Currency.getInstance("EUR"), PayPeriod.YEARLY)),
                LocalDate.of(1990, 5, 17),
                "ES",
                new PostalAddress("Calle Mayor 1", null, "08001", "Barcelona", null, "ES"),
                Map.of());
    }

    // ---------------------------------------------------------------------------------------------
    // Set-up shared by every test: log capture, secrets, the backend, connections.

    @BeforeEach
    final void startKitTest() {
        logs = LogCapture.start();
        secrets = new Secrets().addAll(workingSettings()).addAll(settingsWithWrongCredentials());
        clock = new KitClock(Instant.now());
        connector = connector();
        backend = backend();
        backend.reset();
    }

    @AfterEach
    final void finishKitTest() {
        try {
            backend.reset();
            opened.forEach(connection -> {
                try {
                    connection.close();
                } catch (RuntimeException e) {
                    fail("HrisConnection.close() must not throw, but threw " + e);
                }
            });
        } finally {
            opened.clear();
            logs.close();
        }
        String captured =
                logs.text() + "\n" + Optional.ofNullable(capturedLogs()).orElse("");
        secrets.foundIn(captured)
                .ifPresent(key -> fail("the plugin logged the secret value of '" + key
                        + "'; log lines must never contain a secret. Captured logs:\n" + captured));
        List<Object> values;
        synchronized (handedBack) {
            values = List.copyOf(handedBack);
        }
        for (Object value : values) {
            secrets.foundIn(String.valueOf(value))
                    .ifPresent(key ->
                            fail("the toString() of a " + value.getClass().getSimpleName()
                                    + " the plugin handed back contains the secret value of '" + key + "'"));
        }
    }

    /** @return the backend of this test */
    protected final ContractBackend kitBackend() {
        return backend;
    }

    /**
     * Opens a connection with the working settings, verifies it, and opens the connection the host would
     * use from then on: the same settings with the account attributes the verification returned. Both are
     * closed after the test.
     *
     * @return a verified connection with no cached state
     */
    protected final HrisConnection workingConnection() {
        return verifiedConnection(workingSettings());
    }

    private HrisConnection verifiedConnection(ConnectionSettings settings) {
        HrisConnection first = open(settings);
        ConnectedAccount account = expectSuccess("verify() with the working settings", first::verify);
        return open(settings.withAccountAttributes(account.attributes()));
    }

    private HrisConnection open(ConnectionSettings settings) {
        // Opened as a host opens it, with the kit's clock, which stands still until a test moves it on.
        ConnectionContext context = new ConnectionContext(RateBudget.inProcess(), HrisRequestListener.NONE, clock);
        HrisConnection connection = expectSuccess("open(settings, context)", () -> connector.open(settings, context));
        assertThat(connection).as("HrisConnector.open must never return null").isNotNull();
        opened.add(connection);
        return connection;
    }

    // ---------------------------------------------------------------------------------------------
    // Identity and the in-process extension methods.

    @Test
    void theThreeExtensionsAgreeOnTheConnectorId() {
        String id = connector.info().id();
        assertThat(menuContribution().menuItem().connectorId())
                .as("menu item's connector id")
                .isEqualTo(id);
        assertThat(settingsPanel().connectorId())
                .as("settings panel's connector id")
                .isEqualTo(id);
    }

    @Test
    void constructingTheConnectorAndAskingItsInfoDoNoIoAndInfoIsConstant() {
        int mark = mark();
        assertThat(connector()).as("connector()").isNotNull();
        assertNoCallsSince(mark, "the connector's constructor");
        Object first = connector.info();
        Object second = connector.info();
        handedBack.add(first);
        assertThat(second).as("info() must return equal values on every call").isEqualTo(first);
        assertNoCallsSince(mark, "HrisConnector.info()");
    }

    @Test
    void openingAConnectionDoesNoIoAndLeavesBadSettingsToVerify() {
        int mark = mark();
        open(workingSettings());
        ConnectionSettings empty = new ConnectionSettings(
                "kit-empty-settings", Map.of(), settingsPanel().connectForm().secretKeys(), Map.of());
        HrisConnection withNothing = open(empty);
        assertNoCallsSince(mark, "HrisConnector.open(settings)");

        Throwable failure = outcomeOf("verify() with empty settings", withNothing::verify);
        assertThat(failure)
                .as("verify() with every setting empty must fail with a typed HrisException, " + "since open() may not")
                .isInstanceOf(HrisException.class);
        if (failure instanceof ValidationFailedException invalid) {
            assertFieldsAreSettingKeys(invalid.fieldErrors(), "verify() with empty settings");
        }
    }

    @Test
    void theMenuAndTheSettingsPanelDoNoIo() {
        HrisConnection connection = open(workingSettings());
        ConnectedAccount account = expectSuccess("verify()", connection::verify);
        int mark = mark();
        ExportMenuContribution menu = menuContribution();
        MenuItem item = menu.menuItem();
        menu.isVisible(
                new MenuContext(item.placements().iterator().next(), minimalHiredCandidate(), UserRole.ADMIN, true));
        IntegrationSettingsPanel panel = settingsPanel();
        panel.category();
        panel.connectForm();
        panel.validate(presentValues(workingSettings()));
        handedBack.addAll(panel.connectionDetails(account, workingSettings()));
        panel.apiVersionStatus(workingSettings(), LocalDate.now()).ifPresent(handedBack::add);
        assertNoCallsSince(mark, "the menu contribution and the settings panel");
    }

    @Test
    void theMenuItemIsConstant() {
        ExportMenuContribution menu = menuContribution();
        assertThat(menu.menuItem()).as("menuItem() must be constant").isEqualTo(menu.menuItem());
    }

    @Test
    void theMenuItemIsVisibleOnlyWhereTheStandardRuleAllowsIt() {
        ExportMenuContribution menu = menuContribution();
        MenuItem item = menu.menuItem();
        boolean shownSomewhere = false;
        for (MenuPlacement placement : MenuPlacement.values()) {
            for (UserRole role : UserRole.values()) {
                for (CandidateStatus status : CandidateStatus.values()) {
                    for (boolean connected : new boolean[] {true, false}) {
                        Candidate candidate = new Candidate(
                                "1", "Ana", "Ruiz", null, null, status, null, null, null, null, null, null, null, null,
                                Map.of());
                        MenuContext context = new MenuContext(placement, candidate, role, connected);
                        boolean visible = menu.isVisible(context);
                        shownSomewhere |= visible;
                        if (visible) {
                            assertThat(item.allows(context))
                                    .as(
                                            "isVisible may only narrow MenuItem.allows, but shows the item at %s"
                                                    + " for %s, candidate %s, connected=%s",
                                            placement, role, status, connected)
                                    .isTrue();
                        }
                    }
                }
            }
        }
        assertThat(shownSomewhere)
                .as("the menu item must be visible for some hired candidate and exporting role")
                .isTrue();
    }

    @Test
    void theSettingsPanelDeclaresCredentialsAsSecretAndAConstantForm() {
        IntegrationSettingsPanel panel = settingsPanel();
        assertThat(panel.connectForm()).as("connectForm() must be constant").isEqualTo(panel.connectForm());
        List<SettingField> fields = panel.connectForm().fields();
        for (SettingField field : fields) {
            if (SECRET_LOOKING.matcher(field.key()).matches()
                    || SECRET_LOOKING.matcher(field.label()).matches()) {
                assertThat(field.isSecret())
                        .as("field '%s' looks like a credential and must be SECRET", field.key())
                        .isTrue();
            }
        }
        assertThat(fields).as("a connect form needs a required field").anyMatch(SettingField::required);
        assertThat(panel.connectForm().secretKeys())
                .as("every form field the working settings treat as secret must be declared SECRET in the form")
                .containsAll(workingSettings().secretKeys().stream()
                        .filter(key -> panel.connectForm().fields().stream()
                                .anyMatch(field -> field.key().equals(key)))
                        .toList());
    }

    @Test
    void theSettingsPanelAcceptsWorkingSettingsAndNamesFormKeysInItsErrors() {
        IntegrationSettingsPanel panel = settingsPanel();
        assertThat(panel.validate(presentValues(workingSettings())))
                .as("the settings panel must accept the settings that connect")
                .isEmpty();
        Map<String, String> garbage = new HashMap<>();
        for (SettingField field : panel.connectForm().fields()) {
            garbage.put(field.key(), field.isSecret() ? "x" : "%% not a value %%");
        }
        List<FieldError> errors = panel.validate(garbage);
        handedBack.addAll(errors);
        assertFieldsAreSettingKeys(errors, "IntegrationSettingsPanel.validate");
    }

    @Test
    void connectionDetailsNeverShowASecret() {
        ConnectionSettings settings = workingSettings();
        HrisConnection connection = open(settings);
        ConnectedAccount account = expectSuccess("verify()", connection::verify);
        for (ConnectionDetail detail : settingsPanel().connectionDetails(account, settings)) {
            secrets.foundIn(detail.label() + " " + detail.value())
                    .ifPresent(
                            key -> fail("connection detail '" + detail.label() + "' shows the secret '" + key + "'"));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // verify()

    @Test
    void verifyingWorkingCredentialsNamesTheAccountWithOneReadAndNoEmployeeCalls() {
        HrisConnection connection = open(workingSettings());
        int mark = mark();
        ConnectedAccount account = expectSuccess("verify()", connection::verify);
        assertThat(account.accountName())
                .as("the account name shown in Connection Details")
                .isNotBlank();
        List<BackendCall> calls = callsSince(mark);
        assertThat(calls)
                .as("verify() checks the credentials with a call (VERIFY_CREDENTIALS)")
                .anyMatch(call -> call.operation() == BackendOperation.VERIFY_CREDENTIALS);
        assertThat(calls)
                .as("verify() must look up and create no employee")
                .noneMatch(call -> call.operation() == BackendOperation.FIND_EMPLOYEE
                        || call.operation() == BackendOperation.CREATE_EMPLOYEE);
    }

    @Test
    void verifyingWrongCredentialsFailsWithInvalidCredentials() {
        ConnectionSettings wrong = settingsWithWrongCredentials();
        assumeTrue(wrong != null, "the plugin declares that its HR system takes no credentials");
        HrisConnection connection = open(wrong);
        Throwable failure = outcomeOf("verify() with wrong credentials", connection::verify);
        assertThat(failure)
                .as("wrong credentials must fail with the SPI's typed exception")
                .isInstanceOf(InvalidCredentialsException.class);
    }

    // ---------------------------------------------------------------------------------------------
    // Failures of the HR system, on every method that calls it.

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemoteMethod.class)
    void anOutageIsRemoteUnavailable(RemoteMethod method) {
        expectTypedFailureEverywhere(method, BackendFault.unavailable(), RemoteUnavailableException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemoteMethod.class)
    void anUnreadableAnswerIsRemoteUnavailable(RemoteMethod method) {
        expectTypedFailureEverywhere(method, BackendFault.unreadableAnswer(), RemoteUnavailableException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemoteMethod.class)
    void refusedCredentialsAreInvalidCredentials(RemoteMethod method) {
        assumeTrue(
                settingsWithWrongCredentials() != null, "the plugin declares that its HR system takes no credentials");
        expectTypedFailureEverywhere(method, BackendFault.credentialsRefused(), InvalidCredentialsException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemoteMethod.class)
    void aRateLimitIsRateLimitedWithTheAnnouncedWait(RemoteMethod method) {
        assumeTrue(hrSystemRateLimits(), "the plugin declares that its HR system never rate limits");
        Throwable failure = expectTypedFailureEverywhere(
                method, BackendFault.rateLimited(ANNOUNCED_WAIT), RateLimitedException.class);
        if (failure instanceof RateLimitedException limited) {
            assertThat(limited.retryAfter())
                    .as("RateLimitedException.retryAfter() must be the wait the HR system announced")
                    .contains(ANNOUNCED_WAIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemoteMethod.class)
    void aRateLimitWithoutAnAnnouncedWaitInventsNone(RemoteMethod method) {
        assumeTrue(hrSystemRateLimits(), "the plugin declares that its HR system never rate limits");
        Throwable failure =
                expectTypedFailureEverywhere(method, BackendFault.rateLimitedWithoutWait(), RateLimitedException.class);
        if (failure instanceof RateLimitedException limited) {
            assertThat(limited.retryAfter())
                    .as("the HR system announced no wait, so RateLimitedException.retryAfter() must be empty, not"
                            + " a wait the plugin invented")
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = RemoteMethod.class,
            names = {"VERIFY", "FIND_EXISTING", "EXPORT"})
    void aRefusedPermissionIsAccessDenied(RemoteMethod method) {
        expectTypedFailureEverywhere(method, BackendFault.accessDenied(), AccessDeniedException.class);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = RemoteMethod.class,
            names = {"VERIFY", "FIND_EXISTING", "EXPORT"})
    void aRefusalForAnotherReasonIsRemoteRejected(RemoteMethod method) {
        Throwable failure =
                expectTypedFailureEverywhere(method, BackendFault.rejected(), RemoteRejectedException.class);
        assertRejectionStatus(failure);
    }

    /**
     * A wait the host's limit for the call cannot cover must come back as {@code RateLimitedException} carrying
     * it, not be slept through: the call runs as a host runs it, abandoned at the host's limit for the method
     * ({@link PluginTimeLimits}), so a plugin that waits out the announced six hours fails here, however fast
     * the machine.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RemoteMethod.class)
    void aRateLimitAskingForAWaitBeyondTheHostsLimitIsReportedAtOnce(RemoteMethod method) {
        assumeTrue(hrSystemRateLimits(), "the plugin declares that its HR system never rate limits");
        Throwable failure = expectTypedFailureEverywhere(
                method,
                BackendFault.rateLimited(WAIT_BEYOND_EVERY_LIMIT),
                RateLimitedException.class,
                method == RemoteMethod.EXPORT ? PluginTimeLimits.EXPORT : PluginTimeLimits.REMOTE_READ);
        if (failure instanceof RateLimitedException limited) {
            assertThat(limited.retryAfter())
                    .as("RateLimitedException.retryAfter() must be the wait the HR system announced, however long")
                    .contains(WAIT_BEYOND_EVERY_LIMIT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RemoteMethod.class)
    void aRetiredApiVersionIsApiVersionUnavailable(RemoteMethod method) {
        assumeTrue(hrSystemHasApiVersions(), "the plugin declares that its HR system has no API versions");
        Throwable failure = method == RemoteMethod.VERIFY
                ? expectTypedFailureEverywhere(method, BackendFault.apiVersionRetired(), HrisException.class)
                : expectTypedFailureEverywhere(
                        method, BackendFault.apiVersionRetired(), ApiVersionUnavailableException.class);
        if (failure instanceof ApiVersionUnavailableException gone) {
            assertThat(gone.apiVersion())
                    .as("ApiVersionUnavailableException.apiVersion() names the version the connection uses")
                    .isNotBlank();
        } else if (failure != null) {
            // verify() may instead point the admin at the setting that chooses the version.
            assertThat(failure)
                    .as(
                            "%s when the HR system no longer serves the API version: ApiVersionUnavailableException,"
                                    + " or a ValidationFailedException naming the setting that chooses the version",
                            method)
                    .isInstanceOf(ValidationFailedException.class);
            List<FieldError> errors = ((ValidationFailedException) failure).fieldErrors();
            assertThat(errors)
                    .as("verify()'s field errors for a retired API version name the setting to change")
                    .isNotEmpty();
            assertFieldsAreSettingKeys(errors, "verify() on a retired API version");
        }
    }

    private Throwable expectTypedFailureEverywhere(
            RemoteMethod method, BackendFault fault, Class<? extends HrisException> expected) {
        return expectTypedFailureEverywhere(method, fault, expected, null);
    }

    /**
     * Injects the fault on every operation for every call, then runs the method on a fresh verified
     * connection: it must fail with the expected type, or (for a method that may work without the HR
     * system) succeed having made no call at all. An export must create nothing. With a limit, the method
     * runs as a host runs it: abandoned, and the test failed, when it has not returned by then.
     */
    private Throwable expectTypedFailureEverywhere(
            RemoteMethod method, BackendFault fault, Class<? extends HrisException> expected, Duration hostLimit) {
        HrisConnection preparing = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = expectSuccess("draftFor(candidate)", () -> preparing.draftFor(candidate));
        HrisConnection connection = open(workingSettingsVerified());
        for (BackendOperation operation : STEERED) {
            backend.inject(operation, fault, ContractBackend.EVERY_CALL);
        }
        int mark = mark();
        Supplier<Object> call = () -> method.invoke(connection, candidate, draft);
        Throwable failure = hostLimit == null
                ? outcomeOf(method.toString(), call)
                : outcomeWithin(hostLimit, method + " answered with " + fault, call);
        List<BackendCall> calls = callsSince(mark);
        if (failure == null) {
            assertThat(!method.alwaysCallsTheHrSystem() && calls.isEmpty())
                    .as(
                            "%s succeeded although the HR system answered every call with %s; it must throw %s"
                                    + " (calls that arrived: %s)",
                            method, fault, expected.getSimpleName(), calls)
                    .isTrue();
        } else {
            assertThat(failure)
                    .as("%s when the HR system answers with %s", method, fault)
                    .isInstanceOf(expected);
        }
        if (method == RemoteMethod.EXPORT) {
            backend.reset();
            assertThat(backend.employeesWithEmail(candidate.email()))
                    .as("an export that failed with %s must create nothing", fault)
                    .isZero();
        }
        return failure;
    }

    private ConnectionSettings workingSettingsVerified() {
        HrisConnection probe = open(workingSettings());
        return workingSettings()
                .withAccountAttributes(expectSuccess("verify()", probe::verify).attributes());
    }

    // ---------------------------------------------------------------------------------------------
    // Reference data and drafts.

    @Test
    void referenceDataFollowsEveryPage() {
        ReferenceData whole =
                expectSuccess("referenceData()", () -> workingConnection().referenceData());
        backend.usePageSize(1);
        HrisConnection paged = workingConnection();
        ReferenceData pageByPage = expectSuccess("referenceData() with one entry per page", paged::referenceData);
        assertThat(pageByPage.lists())
                .as("referenceData() must follow every page to the end: read with pages of one entry, the"
                        + " lists must equal those read whole")
                .isEqualTo(whole.lists());
    }

    @Test
    void aDraftFromAMinimalHiredCandidateCarriesEveryRequiredField() {
        Candidate candidate = minimalHiredCandidate();
        HrisConnection connection = workingConnection();
        EmployeeDraft draft = expectSuccess("draftFor(candidate)", () -> connection.draftFor(candidate));
        assertThat(draft.candidateId()).as("the draft's candidate id").isEqualTo(candidate.id());
        List<String> missing = draft.fields().stream()
                .filter(DraftField::required)
                .filter(field -> !field.hasValue())
                .map(DraftField::key)
                .toList();
        assertThat(missing)
                .as("required fields the connector left empty for a minimal hired candidate")
                .isEmpty();
        assertThat(connection.validate(draft))
                .as("the default draft must validate")
                .isEmpty();
    }

    @Test
    void aDraftFromAFullCandidateHasWellFormedValuesAndKnownChoices() {
        Candidate candidate = fullHiredCandidate();
        HrisConnection connection = workingConnection();
        int mark = mark();
        EmployeeDraft draft = expectSuccess("draftFor(candidate)", () -> connection.draftFor(candidate));
        assertThat(callsSince(mark))
                .as("draftFor() must look up and create no employee")
                .noneMatch(call -> call.operation() == BackendOperation.FIND_EMPLOYEE
                        || call.operation() == BackendOperation.CREATE_EMPLOYEE);
        ReferenceData reference = expectSuccess("referenceData()", connection::referenceData);
        assertThat(draft.candidateId()).as("the draft's candidate id").isEqualTo(candidate.id());
        for (DraftField field : draft.fields()) {
            assertWellFormed(field, reference);
        }
        assertThat(connection.validate(draft))
                .as("the draft built from a complete candidate must validate")
                .isEmpty();
    }

    @Test
    void everyDraftHasAnEmailFieldAndAMalformedAddressIsAnErrorOnIt() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        DraftField email = emailField(draft);

        EmployeeDraft malformed = draft.withValues(Map.of(email.key(), "not an e-mail"));
        assertThat(connection.validate(malformed))
                .extracting(FieldError::field)
                .as("errors for a malformed e-mail")
                .contains(email.key());
        int mark = mark();
        Throwable failure = outcomeOf("export(draft with a malformed e-mail)", () -> connection.export(malformed));
        assertThat(failure).as("exporting a malformed e-mail").isInstanceOf(ValidationFailedException.class);
        assertNoCreateSince(mark, "an invalid draft must be refused before anything is sent");
    }

    @Test
    void anEmptyDraftIsRefusedWithFieldErrorsNamingDraftFieldsBeforeAnythingIsSent() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        Map<String, String> blanks = new HashMap<>();
        draft.fields().stream().filter(DraftField::required).forEach(field -> blanks.put(field.key(), ""));
        EmployeeDraft empty = draft.withValues(blanks);

        int mark = mark();
        List<FieldError> errors = connection.validate(empty);
        assertThat(errors)
                .as("validate() of a draft without its required values")
                .isNotEmpty();
        assertFieldsAreDraftKeys(errors, draft, "validate()");
        assertThat(errors.stream().map(FieldError::field).distinct().count())
                .as("validate() reports at most one error per field")
                .isEqualTo(errors.size());
        assertThat(callsSince(mark))
                .as("validate() must look up and create no employee")
                .noneMatch(call -> call.operation() == BackendOperation.FIND_EMPLOYEE
                        || call.operation() == BackendOperation.CREATE_EMPLOYEE);

        Throwable failure = outcomeOf("export(empty draft)", () -> connection.export(empty));
        assertThat(failure).as("exporting an empty draft").isInstanceOf(ValidationFailedException.class);
        assertThat(((ValidationFailedException) failure).fieldErrors())
                .as("export's field errors")
                .isNotEmpty();
        assertFieldsAreDraftKeys(((ValidationFailedException) failure).fieldErrors(), draft, "export()");
        assertNoCreateSince(mark, "an invalid draft must be refused before anything is sent");
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("nothing may be created")
                .isZero();
    }

    @Test
    void validatingDoesNotFailWhenReferenceDataCannotBeRead() {
        HrisConnection preparing = workingConnection();
        EmployeeDraft draft = preparing.draftFor(minimalHiredCandidate());
        HrisConnection connection = open(workingSettingsVerified());
        backend.inject(BackendOperation.READ_REFERENCE_DATA, BackendFault.unavailable(), ContractBackend.EVERY_CALL);
        expectSuccess("validate(draft) while reference data cannot be read", () -> connection.validate(draft));
    }

    @Test
    void aConnectionOpenedLaterReadsReferenceDataAfreshFromTheHrSystem() {
        ConnectionSettings verified = workingSettingsVerified();
        // A connection id no earlier test used, opened twice as a host does when settings change.
        ConnectionSettings settings = new ConnectionSettings(
                "kit-reference-" + UUID.randomUUID(),
                verified.values(),
                verified.secretKeys(),
                verified.accountAttributes());
        ReferenceData first = null;
        for (String which : List.of("the first connection", "a connection opened after the first was closed")) {
            HrisConnection connection = open(settings);
            int mark = mark();
            ReferenceData read = expectSuccess("referenceData() on " + which, connection::referenceData);
            List<BackendCall> calls = callsSince(mark);
            if (read.lists().values().stream().anyMatch(options -> !options.isEmpty())) {
                assertThat(calls)
                        .as(
                                "referenceData() on %s served lists without asking the HR system: a cache belongs to"
                                        + " its connection and dies with it (constant choices are a field's options,"
                                        + " not reference data)",
                                which)
                        .anyMatch(call -> call.operation() == BackendOperation.READ_REFERENCE_DATA);
            }
            if (first == null) {
                first = read;
            } else {
                assertThat(read.lists())
                        .as("the lists read again by a new connection")
                        .isEqualTo(first.lists());
            }
            closeNow(connection);
        }
    }

    @Test
    void aFailedReferenceDataReadIsNotCached() {
        ReferenceData healthy =
                expectSuccess("referenceData()", () -> workingConnection().referenceData());
        HrisConnection connection = open(workingSettingsVerified());
        backend.inject(BackendOperation.READ_REFERENCE_DATA, BackendFault.unavailable(), ContractBackend.EVERY_CALL);
        outcomeOf("referenceData() while the lists cannot be read", connection::referenceData);
        backend.reset();

        ReferenceData after =
                expectSuccess("referenceData() once the HR system answers again", connection::referenceData);

        assertThat(after.lists())
                .as("a failed read must not be cached: once the HR system answers, the same connection serves the"
                        + " complete lists")
                .isEqualTo(healthy.lists());
    }

    @Test
    void cachedReferenceDataIsReadAgainOnceOlderThanTheMaxAge() {
        HrisConnection connection = open(workingSettingsVerified());
        ReferenceData first = expectSuccess("referenceData()", connection::referenceData);
        clock.advance(PluginTimeLimits.REFERENCE_DATA_MAX_AGE.plusSeconds(1));
        int mark = mark();

        ReferenceData later = expectSuccess(
                "referenceData() once the lists are older than REFERENCE_DATA_MAX_AGE", connection::referenceData);

        if (first.lists().values().stream().anyMatch(options -> !options.isEmpty())) {
            assertThat(callsSince(mark))
                    .as(
                            "referenceData() served lists read %s ago (by the host's clock, which the kit handed over"
                                    + " in open(settings, ConnectionContext)) without asking the HR system again:"
                                    + " cached lists are served for at most PluginTimeLimits.REFERENCE_DATA_MAX_AGE;"
                                    + " a connector that caches measures their age with ConnectionContext.clock()",
                            PluginTimeLimits.REFERENCE_DATA_MAX_AGE.plusSeconds(1))
                    .anyMatch(call -> call.operation() == BackendOperation.READ_REFERENCE_DATA);
        }
        assertThat(later.lists()).as("the lists read again").isEqualTo(first.lists());
    }

    @Test
    void aSelectWithASingleChoiceIsNotPreselected() {
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft usual =
                expectSuccess("draftFor(candidate)", () -> workingConnection().draftFor(candidate));
        backend.offerOnlyOneChoicePerList();
        HrisConnection connection = workingConnection();
        ReferenceData reference = expectSuccess("referenceData() with one choice per list", connection::referenceData);
        EmployeeDraft draft =
                expectSuccess("draftFor(candidate) with one choice per list", () -> connection.draftFor(candidate));

        for (DraftField field : draft.fields()) {
            if (field.type() != DraftFieldType.SELECT || field.referenceList() == null) {
                continue;
            }
            List<SelectOption> choices = reference.options(field.referenceList());
            assertThat(choices)
                    .as(
                            "the backend was asked to offer one choice per list, but list '%s' has %s",
                            field.referenceList(), choices)
                    .hasSizeLessThanOrEqualTo(1);
            boolean emptyWithSeveralChoices = usual.field(field.key())
                    .map(usualField -> !usualField.hasValue())
                    .orElse(true);
            if (emptyWithSeveralChoices) {
                assertThat(field.value())
                        .as(
                                "draftFor() left select '%s' empty while its list had several choices, and filled it"
                                        + " with '%s' once the list had only that one: a choice is preselected only"
                                        + " from the candidate, an admin's default or a mapping rule, never because it"
                                        + " is the only option",
                                field.key(), field.value())
                        .isNullOrEmpty();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // findExisting() and export().

    @Test
    void findingAnUnknownPersonFindsNothingAndCreatesNothing() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        int mark = mark();
        Optional<ExistingEmployee> found = expectSuccess("findExisting(draft)", () -> connection.findExisting(draft));
        assertThat(found).as("findExisting for a new person").isEmpty();
        assertNoCreateSince(mark, "findExisting must create nothing");
    }

    @Test
    void exportingTwiceCreatesOneEmployeeAndLinksItTheSecondTime() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);

        ExportResult first = expectSuccess("export(draft)", () -> connection.export(draft));
        ExportResult second = expectSuccess("export(draft) again", () -> connection.export(draft));

        assertThat(first.outcome()).as("the first export's outcome").isEqualTo(ExportOutcome.CREATED);
        assertThat(first.confirmedByLookup())
                .as("an export the HR system answered is not confirmed by a look-up")
                .isFalse();
        assertThat(second.outcome())
                .as("a second export must link the employee, not create another")
                .isEqualTo(ExportOutcome.ALREADY_EXISTS);
        assertThat(second.employeeId()).as("the linked employee").isEqualTo(first.employeeId());
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("employees with the candidate's e-mail")
                .isEqualTo(1);
        Optional<ExistingEmployee> found = expectSuccess("findExisting(draft)", () -> connection.findExisting(draft));
        assertThat(found)
                .as("findExisting after the export")
                .hasValueSatisfying(
                        existing -> assertThat(existing.employeeId()).isEqualTo(first.employeeId()));
    }

    @Test
    void findExistingMatchesTheEmailCaseInsensitively() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        ExportResult created = expectSuccess("export(draft)", () -> connection.export(draft));
        DraftField email = emailField(draft);
        EmployeeDraft shouted =
                draft.withValues(Map.of(email.key(), candidate.email().toUpperCase(Locale.ROOT)));

        Optional<ExistingEmployee> found =
                expectSuccess("findExisting(upper-cased e-mail)", () -> connection.findExisting(shouted));

        assertThat(found)
                .as("findExisting compares e-mail addresses case-insensitively")
                .hasValueSatisfying(existing -> {
                    assertThat(existing.employeeId()).as("the employee found").isEqualTo(created.employeeId());
                    if (existing.email() != null) {
                        assertThat(existing.email())
                                .as("ExistingEmployee.email() is the address that matched")
                                .isEqualToIgnoringCase(candidate.email());
                    }
                });
    }

    @Test
    void anExportLooksForTheEmployeeBeforeCreatingIt() {
        HrisConnection connection = workingConnection();
        EmployeeDraft draft = connection.draftFor(minimalHiredCandidate());
        int mark = mark();
        expectSuccess("export(draft)", () -> connection.export(draft));
        List<BackendOperation> operations =
                callsSince(mark).stream().map(BackendCall::operation).toList();
        int firstCreate = operations.indexOf(BackendOperation.CREATE_EMPLOYEE);
        assertThat(firstCreate)
                .as("the export created the employee (calls: %s)", operations)
                .isNotNegative();
        assertThat(operations.subList(0, firstCreate))
                .as("the connector's own look-up must come before any create (calls: %s)", operations)
                .contains(BackendOperation.FIND_EMPLOYEE);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsNeverRepeatedBlindly() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        backend.inject(BackendOperation.CREATE_EMPLOYEE, BackendFault.lostAnswerAfterCommit(), 1);
        int mark = mark();
        ExportResult[] result = new ExportResult[1];
        Throwable failure =
                outcomeOf("export(draft) whose create answer is lost", () -> result[0] = connection.export(draft));
        List<BackendCall> calls = callsSince(mark);

        assertCreatesAreSeparatedByLookUps(calls);
        assertThat(calls.stream().filter(call -> call.operation() == BackendOperation.CREATE_EMPLOYEE))
                .as("the lost create did create the employee; sending it again is a blind retry (calls: %s)", calls)
                .hasSize(1);
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("employees after a create whose answer was lost")
                .isEqualTo(1);
        if (failure == null) {
            assertThat(result[0].outcome())
                    .as("the look-up after the lost answer finds the employee this export created")
                    .isEqualTo(ExportOutcome.CREATED);
            assertThat(result[0].confirmedByLookup())
                    .as("an outcome settled by a look-up says so (ExportResult.createdConfirmedByLookup)")
                    .isTrue();
        } else {
            assertThat(failure)
                    .as("a connector that cannot settle the lost answer reports the outcome as unknown")
                    .isInstanceOf(ExportOutcomeUnknownException.class);
        }
    }

    @Test
    void aCreateThatMayHaveWorkedButCannotBeConfirmedIsOutcomeUnknown() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        backend.inject(BackendOperation.CREATE_EMPLOYEE, BackendFault.outageAfterCommit(), 1);
        int mark = mark();
        Throwable failure = outcomeOf(
                "export(draft) when the HR system goes down after the create", () -> connection.export(draft));
        List<BackendCall> calls = callsSince(mark);
        backend.reset();

        assertThat(failure)
                .as("the employee may exist and nobody can tell: the outcome is unknown, not a failure")
                .isInstanceOf(ExportOutcomeUnknownException.class);
        assertThat(calls.stream().filter(call -> call.operation() == BackendOperation.CREATE_EMPLOYEE))
                .as("a create whose outcome is unknown is never sent again (calls: %s)", calls)
                .hasSize(1);
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("employees once the HR system is back")
                .isEqualTo(1);
    }

    @Test
    void aCreateRefusedByAnOutageCreatesNothingAndIsRemoteUnavailable() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        backend.inject(BackendOperation.CREATE_EMPLOYEE, BackendFault.unavailable(), ContractBackend.EVERY_CALL);
        int mark = mark();
        Throwable failure = outcomeOf("export(draft) while creates fail", () -> connection.export(draft));
        List<BackendCall> calls = callsSince(mark);

        assertThat(failure).as("an export whose creates all fail").isInstanceOf(RemoteUnavailableException.class);
        assertCreatesAreSeparatedByLookUps(calls);
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("nothing may be created")
                .isZero();
    }

    @Test
    void aRefusalByTheHrSystemNamesTheDraftKeys() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        DraftField email = emailField(draft);
        backend.inject(BackendOperation.CREATE_EMPLOYEE, BackendFault.refusedField(email.key()), 1);

        Throwable failure = outcomeOf("export(draft) refused by the HR system", () -> connection.export(draft));

        assertThat(failure)
                .as("an export the HR system refused for a field's value")
                .isInstanceOf(ValidationFailedException.class);
        List<FieldError> errors = ((ValidationFailedException) failure).fieldErrors();
        assertFieldsAreDraftKeys(errors, draft, "export() refused by the HR system");
        assertThat(errors)
                .extracting(FieldError::field)
                .as("the HR system refused the value of '%s', in its own field name", email.key())
                .contains(email.key());
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("nothing may be created")
                .isZero();
    }

    @Test
    void aRefusalNamingAFieldTheConnectorCannotTranslateKeepsTheFieldInTheMessage() {
        assumeTrue(
                hrSystemNamesFieldsInRefusals(), "the plugin declares that its HR system never names a refused field");
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        backend.inject(BackendOperation.CREATE_EMPLOYEE, BackendFault.refusedUnknownField(UNKNOWN_HR_FIELD), 1);

        Throwable failure =
                outcomeOf("export(draft) refused for a field no draft key stands for", () -> connection.export(draft));

        assertThat(failure)
                .as("an export the HR system refused for a field the draft does not have")
                .isInstanceOf(ValidationFailedException.class);
        assertFieldsAreDraftKeys(
                ((ValidationFailedException) failure).fieldErrors(), draft, "export() refused for an unknown field");
        // The name may be written out for people ("Tck badge colour"), as long as nobody loses which field it was.
        assertThat(wordsOf(failure.getMessage()))
                .as(
                        "the HR system refused its field '%s', which no draft key stands for: the refusal goes into"
                                + " the message naming that field, never dropped; the message was: %s",
                        UNKNOWN_HR_FIELD, failure.getMessage())
                .contains(wordsOf(UNKNOWN_HR_FIELD));
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("nothing may be created")
                .isZero();
    }

    @Test
    void aRefusedPermissionToCreateIsAccessDeniedAndCreatesNothing() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        backend.inject(BackendOperation.CREATE_EMPLOYEE, BackendFault.accessDenied(), ContractBackend.EVERY_CALL);

        Throwable failure = outcomeOf("export(draft) without permission to create", () -> connection.export(draft));

        assertThat(failure).as("an export refused for permission").isInstanceOf(AccessDeniedException.class);
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("nothing may be created")
                .isZero();
    }

    @Test
    void aRateLimitedCreateIsRateLimitedWithTheAnnouncedWaitAndCreatesNothing() {
        assumeTrue(hrSystemRateLimits(), "the plugin declares that its HR system never rate limits");
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        backend.inject(
                BackendOperation.CREATE_EMPLOYEE, BackendFault.rateLimited(ANNOUNCED_WAIT), ContractBackend.EVERY_CALL);

        Throwable failure = outcomeOf("export(draft) while creates are rate limited", () -> connection.export(draft));

        assertThat(failure).as("an export refused for load").isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) failure).retryAfter())
                .as("RateLimitedException.retryAfter() must be the wait the HR system announced")
                .contains(ANNOUNCED_WAIT);
        backend.reset();
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("nothing may be created")
                .isZero();
    }

    @Test
    void aCreateRefusedForAnotherReasonIsRemoteRejectedAndCreatesNothing() {
        HrisConnection connection = workingConnection();
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        backend.inject(BackendOperation.CREATE_EMPLOYEE, BackendFault.rejected(), ContractBackend.EVERY_CALL);
        int mark = mark();

        Throwable failure =
                outcomeOf("export(draft) whose create the HR system refuses (409)", () -> connection.export(draft));
        List<BackendCall> calls = callsSince(mark);

        assertThat(failure)
                .as("a create refused for a reason that names no field is neither an outage nor a validation error")
                .isInstanceOf(RemoteRejectedException.class);
        assertRejectionStatus(failure);
        assertCreatesAreSeparatedByLookUps(calls);
        backend.reset();
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("nothing may be created")
                .isZero();
    }

    @Test
    void aFollowUpStepThatFailsIsAWarningOnTheCreatedEmployee() {
        HrisConnection connection = workingConnection();
        EmployeeDraft complete = connection.draftFor(fullHiredCandidate());
        int mark = mark();
        ExportResult clean = expectSuccess("export(draft) of a complete candidate", () -> connection.export(complete));
        List<BackendCall> calls = callsSince(mark);
        assertThat(clean.warnings())
                .as("an export whose every step went through has no warnings")
                .isEmpty();
        List<BackendOperation> operations =
                calls.stream().map(BackendCall::operation).toList();
        List<BackendOperation> afterCreate = operations.subList(
                Math.max(0, operations.indexOf(BackendOperation.CREATE_EMPLOYEE)), operations.size());
        assertThat(afterCreate)
                .as(
                        "calls after the create that the backend sorts as OTHER; a backend sorts follow-up steps as"
                                + " FOLLOW_UP (calls: %s)",
                        calls)
                .doesNotContain(BackendOperation.OTHER);
        assumeTrue(
                afterCreate.contains(BackendOperation.FOLLOW_UP),
                "the connector made no follow-up call after creating a complete candidate, so the rule on follow-up"
                        + " warnings does not apply");

        Candidate candidate = fullHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        backend.inject(BackendOperation.FOLLOW_UP, BackendFault.unavailable(), ContractBackend.EVERY_CALL);
        ExportResult partial = expectSuccess(
                "export(draft) whose follow-up steps fail after the create (the employee exists, so the export must"
                        + " not throw)",
                () -> connection.export(draft));
        backend.reset();

        assertThat(partial.outcome()).as("the employee was created").isEqualTo(ExportOutcome.CREATED);
        assertThat(partial.warnings())
                .extracting(ExportWarning::step)
                .as("a follow-up step that failed must be a warning naming the step, not a full success")
                .isNotEmpty();
        assertThat(backend.employeesWithEmail(candidate.email()))
                .as("employees with the candidate's e-mail")
                .isEqualTo(1);
        assertThat(expectSuccess("findExisting(draft)", () -> connection.findExisting(draft)))
                .as("the employee a partial export created is found again")
                .hasValueSatisfying(found -> assertThat(found.employeeId()).isEqualTo(partial.employeeId()));
    }

    @Test
    void concurrentExportsOfDifferentCandidatesEachCreateTheirOwnEmployee() throws Exception {
        HrisConnection connection = workingConnection();
        List<Candidate> candidates = new ArrayList<>();
        List<EmployeeDraft> drafts = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_EXPORTS; i++) {
            Candidate candidate = minimalHiredCandidate();
            candidates.add(candidate);
            drafts.add(connection.draftFor(candidate));
        }
        backend.inject(BackendOperation.FIND_EMPLOYEE, BackendFault.latency(LATENCY), ContractBackend.EVERY_CALL);
        backend.inject(BackendOperation.CREATE_EMPLOYEE, BackendFault.latency(LATENCY), ContractBackend.EVERY_CALL);
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT_EXPORTS);
        List<ExportResult> results = new ArrayList<>();
        try {
            List<Future<ExportResult>> running = new ArrayList<>();
            for (EmployeeDraft draft : drafts) {
                running.add(threads.submit(() -> connection.export(draft)));
            }
            for (Future<ExportResult> export : running) {
                results.add(export.get(2, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }
        handedBack.addAll(results);
        backend.reset();
        assertThat(results.stream().map(ExportResult::employeeId).distinct().count())
                .as("concurrent exports of different people must create different employees")
                .isEqualTo(CONCURRENT_EXPORTS);
        for (int i = 0; i < CONCURRENT_EXPORTS; i++) {
            String expected = results.get(i).employeeId();
            assertThat(results.get(i).outcome()).as("outcome of export %d", i).isEqualTo(ExportOutcome.CREATED);
            assertThat(backend.employeesWithEmail(candidates.get(i).email()))
                    .as("employees for candidate %d", i)
                    .isEqualTo(1);
            assertThat(connection.findExisting(drafts.get(i)))
                    .as("the employee export %d returned belongs to its own candidate", i)
                    .hasValueSatisfying(found -> assertThat(found.employeeId()).isEqualTo(expected));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Several accounts, closing, secrets.

    @Test
    void severalConnectionsOfOneConnectorWorkSideBySideAndCloseIndependently() {
        ConnectionSettings working = workingSettings();
        ConnectionSettings first =
                new ConnectionSettings("kit-account-a", working.values(), working.secretKeys(), Map.of());
        ConnectionSettings second =
                new ConnectionSettings("kit-account-b", working.values(), working.secretKeys(), Map.of());
        HrisConnection a = verifiedConnection(first);
        HrisConnection b = verifiedConnection(second);
        Candidate onA = minimalHiredCandidate();
        EmployeeDraft draftOnA = a.draftFor(onA);
        ExportResult exportedOnA = expectSuccess("export on the first connection", () -> a.export(draftOnA));

        a.close();

        Optional<ExistingEmployee> seenFromB =
                expectSuccess("findExisting on the second connection", () -> b.findExisting(draftOnA));
        assertThat(seenFromB)
                .as("the second connection (another connection id, same account) sees the employee")
                .hasValueSatisfying(found -> assertThat(found.employeeId()).isEqualTo(exportedOnA.employeeId()));
        Candidate onB = minimalHiredCandidate();
        ExportResult exportedOnB = expectSuccess(
                "export on the second connection after the first was closed", () -> b.export(b.draftFor(onB)));
        assertThat(exportedOnB.outcome())
                .as("closing one connection leaves the others working")
                .isEqualTo(ExportOutcome.CREATED);
    }

    @Test
    void noSecretShowsInToStringsOfWhatThePluginHandsBack() {
        ConnectionSettings settings = workingSettings();
        HrisConnection connection = workingConnection();
        ConnectedAccount account = connection.verify();
        EmployeeDraft draft = connection.draftFor(minimalHiredCandidate());
        ExportResult result = connection.export(draft);
        Supplier<List<Object>> everything = () -> List.of(
                settings,
                connection,
                connector,
                draft,
                account,
                result,
                connection.referenceData(),
                connection.findExisting(draft),
                menuContribution(),
                settingsPanel());
        for (Object value : everything.get()) {
            secrets.foundIn(String.valueOf(value))
                    .ifPresent(key -> fail("the toString() of "
                            + value.getClass().getSimpleName() + " contains the secret value of '" + key + "'"));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Capabilities: each declared one works, each undeclared one is refused with the hierarchy's type.

    @Test
    void theDeclaredCapabilitiesAreConstantAndNeedNoIo() {
        HrisConnection connection = workingConnection();
        int mark = mark();
        Set<Capability> first = expectSuccess("capabilities()", connection::capabilities);
        Set<Capability> second = expectSuccess("capabilities() again", connection::capabilities);
        assertThat(first).as("capabilities() must never return null").isNotNull();
        assertThat(second)
                .as("capabilities() must not change while the connection is open")
                .isEqualTo(first);
        assertNoCallsSince(mark, "capabilities()");
    }

    @Test
    void theDocumentsCapabilityUploadsADocumentOnceOrIsRefusedWhenUndeclared() {
        HrisConnection connection = workingConnection();
        CandidateDocument cv = kitDocument();
        if (!connection.capabilities().contains(Capability.DOCUMENTS)) {
            int mark = mark();
            Throwable refused = outcomeOf(
                    "uploadDocument(employeeId, document) on a connection without DOCUMENTS",
                    () -> connection.uploadDocument("1", cv));
            assertThat(refused)
                    .as("a connection that does not declare DOCUMENTS must refuse uploadDocument with"
                            + " CapabilityNotSupportedException (the default method does)")
                    .isInstanceOf(CapabilityNotSupportedException.class);
            assertNoCallsSince(mark, "refusing an undeclared capability");
            return;
        }
        Candidate candidate = minimalHiredCandidate();
        EmployeeDraft draft = connection.draftFor(candidate);
        ExportResult exported = expectSuccess("export(draft)", () -> connection.export(draft));

        UploadedDocument first = expectSuccess(
                "uploadDocument(employeeId, document)", () -> connection.uploadDocument(exported.employeeId(), cv));
        UploadedDocument second = expectSuccess(
                "uploadDocument(employeeId, document) again",
                () -> connection.uploadDocument(exported.employeeId(), cv));

        assertThat(first.alreadyPresent())
                .as("the first upload of a document must send it, not report it as already present")
                .isFalse();
        assertThat(second.alreadyPresent())
                .as("uploading the same document again must find the first upload (alreadyPresent)")
                .isTrue();
        assertThat(second.remoteId()).as("the document found the second time").isEqualTo(first.remoteId());
        assertThat(backend.documentsOf(exported.employeeId()))
                .as("documents in the employee's file after uploading the same document twice")
                .isEqualTo(1);
    }

    @Test
    void theUpdateCapabilityChangesExactlyTheChosenFieldOrIsRefusedWhenUndeclared() {
        HrisConnection connection = workingConnection();
        EmployeeDraft draft = connection.draftFor(minimalHiredCandidate());
        String firstKey = draft.fields().get(0).key();
        if (!connection.capabilities().contains(Capability.UPDATE_EMPLOYEE)) {
            int mark = mark();
            Throwable readRefused = outcomeOf(
                    "currentValues(employeeId, draft) on a connection without UPDATE_EMPLOYEE",
                    () -> connection.currentValues("1", draft));
            Throwable updateRefused = outcomeOf(
                    "update(employeeId, draft, changes, options) on a connection without UPDATE_EMPLOYEE",
                    () -> connection.update(
                            "1", draft, List.of(new FieldChange(firstKey, "x")), UpdateOptions.correctCurrent()));
            assertThat(readRefused)
                    .as("a connection that does not declare UPDATE_EMPLOYEE must refuse currentValues with"
                            + " CapabilityNotSupportedException (the default method does)")
                    .isInstanceOf(CapabilityNotSupportedException.class);
            assertThat(updateRefused)
                    .as("a connection that does not declare UPDATE_EMPLOYEE must refuse update with"
                            + " CapabilityNotSupportedException (the default method does)")
                    .isInstanceOf(CapabilityNotSupportedException.class);
            assertNoCallsSince(mark, "refusing an undeclared capability");
            return;
        }
        ExportResult exported = expectSuccess("export(draft)", () -> connection.export(draft));
        String employeeId = exported.employeeId();
        EmployeeValues before =
                expectSuccess("currentValues(employeeId, draft)", () -> connection.currentValues(employeeId, draft));
        assertThat(before.employeeId())
                .as("currentValues names the employee it read")
                .isEqualTo(employeeId);
        DraftField target = draft.fields().stream()
                .filter(field -> field.type() == DraftFieldType.TEXT)
                .filter(field -> before.route(field.key()).route() == UpdateRoute.EMPLOYEE_FIELD)
                .findFirst()
                .orElseThrow(() -> new AssertionError("a connection that declares UPDATE_EMPLOYEE must route at"
                        + " least one TEXT field of its draft as EMPLOYEE_FIELD, so that the kit can change it"));
        String newValue = "Kit" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        UpdateResult result = expectSuccess(
                "update(employeeId, draft, [" + target.key() + "], correctCurrent())",
                () -> connection.update(
                        employeeId,
                        draft.withValues(Map.of(target.key(), newValue)),
                        List.of(new FieldChange(target.key(), newValue)),
                        UpdateOptions.correctCurrent()));
        assertThat(result.fields())
                .as("update returns one outcome per change")
                .singleElement()
                .satisfies(outcome -> assertThat(outcome.status())
                        .as("the outcome of '%s' (%s)", target.key(), outcome.message())
                        .isEqualTo(FieldUpdateStatus.UPDATED));
        EmployeeValues after = expectSuccess(
                "currentValues(employeeId, draft) after the update", () -> connection.currentValues(employeeId, draft));
        assertThat(after.value(target.key()))
                .as("the HR system holds the value the update reported as UPDATED for '%s'", target.key())
                .hasValue(newValue);
        Map<String, String> othersBefore = new HashMap<>(before.values());
        Map<String, String> othersAfter = new HashMap<>(after.values());
        othersBefore.remove(target.key());
        othersAfter.remove(target.key());
        assertThat(othersAfter)
                .as("fields not named in the changes must keep their values")
                .isEqualTo(othersBefore);
    }

    /** A small PDF, unique per call so that a backend kept between runs never holds it already. */
    private static CandidateDocument kitDocument() {
        byte[] bytes =
                ("%PDF-1.4\n% kit document " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        String sha256;
        try {
            sha256 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        return new CandidateDocument(
                "kit-" + UUID.randomUUID(),
                "tck-cv.pdf",
                "application/pdf",
                DocumentKind.CV,
                bytes.length,
                sha256,
                () -> new ByteArrayInputStream(bytes));
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers.

    /**
     * Runs a plugin call that must succeed; a failure is reported with the rule that broke, after checking
     * it for secrets.
     */
    private <T> T expectSuccess(String what, Supplier<T> call) {
        T value;
        try {
            value = call.get();
        } catch (AssertionError kitOrBackend) {
            throw kitOrBackend;
        } catch (Throwable failure) {
            checkFailure(what, failure);
            throw new AssertionError(what + " failed: " + failure, failure);
        }
        if (value != null) {
            handedBack.add(value);
        }
        return value;
    }

    /** @return what a plugin call threw, checked for secrets and for its type, or null when it succeeded */
    private Throwable outcomeOf(String what, Supplier<?> call) {
        try {
            Object value = call.get();
            if (value != null) {
                handedBack.add(value);
            }
            return null;
        } catch (AssertionError kitOrBackend) {
            throw kitOrBackend;
        } catch (Throwable failure) {
            checkFailure(what, failure);
            return failure;
        }
    }

    /** @return the text lower-cased, with underscores and hyphens as spaces: a field name as people read it */
    private static String wordsOf(String text) {
        return text == null
                ? ""
                : text.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }

    /**
     * {@link #outcomeOf}, run as a host runs a plugin call: on another thread, abandoned (interrupted) when it
     * has not returned within the host's limit, which fails the test.
     */
    private Throwable outcomeWithin(Duration hostLimit, String what, Supplier<?> call) {
        ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "kit-bounded-call");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Throwable> outcome = worker.submit(() -> outcomeOf(what, call));
            return outcome.get(hostLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            throw new AssertionError(what + " had not returned after the host's limit of " + hostLimit.toSeconds()
                    + " s (PluginTimeLimits), so a host would have abandoned it: a plugin never waits longer by"
                    + " itself than that limit, and reports a wait it cannot cover as RateLimitedException at once");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new AssertionError(what + " failed inside the kit: " + failed.getCause(), failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, interrupted);
        } finally {
            worker.shutdownNow();
        }
    }

    private void checkFailure(String what, Throwable failure) {
        secrets.foundIn(failure)
                .ifPresent(key -> fail(
                        what + " threw an exception whose message (or a cause's) contains the" + " secret value of '"
                                + key + "': " + failure.getClass().getName()));
        if (!(failure instanceof HrisException)) {
            throw new AssertionError(
                    what + " threw " + failure + "; a plugin reports failures only as HrisException subclasses"
                            + " (anything else is a defect of the plugin)",
                    failure);
        }
    }

    /** A refusal carries the status the HR system answered: the backend's 409, or 0 for a protocol without one. */
    private static void assertRejectionStatus(Throwable failure) {
        if (failure instanceof RemoteRejectedException rejected) {
            assertThat(rejected.status())
                    .as("RemoteRejectedException.status() is the status the HR system answered (409), or 0 when its"
                            + " protocol has none")
                    .isIn(409, 0);
        }
    }

    /** Closes a connection in the middle of a test, once: the kit does not close it again afterwards. */
    private void closeNow(HrisConnection connection) {
        opened.remove(connection);
        try {
            connection.close();
        } catch (RuntimeException e) {
            fail("HrisConnection.close() must not throw, but threw " + e);
        }
    }

    private int mark() {
        return backend.calls().size();
    }

    private List<BackendCall> callsSince(int mark) {
        List<BackendCall> calls = backend.calls();
        return List.copyOf(calls.subList(Math.min(mark, calls.size()), calls.size()));
    }

    private void assertNoCallsSince(int mark, String what) {
        assertThat(callsSince(mark))
                .as("%s must not do I/O, but the HR system received calls", what)
                .isEmpty();
    }

    private void assertNoCreateSince(int mark, String why) {
        assertThat(callsSince(mark)).as(why).noneMatch(call -> call.operation() == BackendOperation.CREATE_EMPLOYEE);
    }

    private static void assertCreatesAreSeparatedByLookUps(List<BackendCall> calls) {
        boolean created = false;
        boolean lookedSince = false;
        for (BackendCall call : calls) {
            if (call.operation() == BackendOperation.CREATE_EMPLOYEE) {
                assertThat(!created || lookedSince)
                        .as("a create was sent again without a look-up in between, a blind retry (calls: %s)", calls)
                        .isTrue();
                created = true;
                lookedSince = false;
            } else if (call.operation() == BackendOperation.FIND_EMPLOYEE) {
                lookedSince = true;
            }
        }
    }

    /**
     * The e-mail field that carries the candidate's address: a draft may offer several (a login and a personal
     * e-mail), and only the one holding a value is what the HR system would judge.
     */
    private static DraftField emailField(EmployeeDraft draft) {
        List<DraftField> emails = draft.fields().stream()
                .filter(field -> field.type() == DraftFieldType.EMAIL)
                .toList();
        return emails.stream()
                .filter(field -> field.value() != null && !field.value().isBlank())
                .findFirst()
                .or(() -> emails.stream().findFirst())
                .orElseThrow(() -> new AssertionError("an HRIS draft needs an EMAIL field"));
    }

    private void assertFieldsAreDraftKeys(List<FieldError> errors, EmployeeDraft draft, String where) {
        Set<String> keys = draft.fields().stream().map(DraftField::key).collect(Collectors.toSet());
        assertThat(errors)
                .extracting(FieldError::field)
                .as("the field errors of %s must name keys of the draft %s", where, keys)
                .allMatch(keys::contains);
        errors.forEach(error -> secrets.foundIn(error.message())
                .ifPresent(key -> fail("a field error quotes the secret value of '" + key + "'")));
    }

    private void assertFieldsAreSettingKeys(List<FieldError> errors, String where) {
        Set<String> keys = settingsPanel().connectForm().fields().stream()
                .map(SettingField::key)
                .collect(Collectors.toSet());
        assertThat(errors)
                .extracting(FieldError::field)
                .as("the field errors of %s must name keys of the connect form %s", where, keys)
                .allMatch(keys::contains);
        errors.forEach(error -> secrets.foundIn(error.message())
                .ifPresent(key -> fail("a field error quotes the secret value of '" + key + "'")));
    }

    private static Map<String, String> presentValues(ConnectionSettings settings) {
        Map<String, String> present = new HashMap<>();
        settings.values().forEach((key, value) -> {
            if (!value.isBlank()) {
                present.put(key, value);
            }
        });
        return present;
    }

    private static void assertWellFormed(DraftField field, ReferenceData reference) {
        if (field.referenceList() != null) {
            assertThat(reference.lists())
                    .as(
                            "field '%s' draws its choices from reference list '%s', which referenceData() lacks",
                            field.key(), field.referenceList())
                    .containsKey(field.referenceList());
        }
        if (!field.hasValue()) {
            return;
        }
        String value = field.value().strip();
        if (field.maxLength() > 0) {
            assertThat(value.length())
                    .as("the value of '%s' is longer than its own maxLength", field.key())
                    .isLessThanOrEqualTo(field.maxLength());
        }
        switch (field.type()) {
            case DATE -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    fail("DATE field '" + field.key() + "' holds '" + value + "', not an ISO date such as 2026-09-01");
                }
            }
            case DECIMAL ->
                assertThat(value)
                        .as("DECIMAL field '%s' must hold a dot decimal", field.key())
                        .matches("-?\\d+(\\.\\d+)?");
            case BOOLEAN ->
                assertThat(value)
                        .as("BOOLEAN field '%s' must hold true or false", field.key())
                        .isIn("true", "false");
            case EMAIL ->
                assertThat(EmailAddress.isWellFormed(value))
                        .as("EMAIL field '%s' holds '%s'", field.key(), value)
                        .isTrue();
            case SELECT -> {
                List<SelectOption> choices =
                        field.referenceList() != null ? reference.options(field.referenceList()) : field.options();
                assertThat(choices)
                        .extracting(SelectOption::value)
                        .as("SELECT field '%s' holds '%s', which is not among its choices", field.key(), value)
                        .contains(value);
            }
            case COUNTRY ->
                assertThat(java.util.Locale.getISOCountries())
                        .as("COUNTRY field '%s' must hold an upper-case ISO 3166-1 alpha-2 code", field.key())
                        .contains(value);
            default -> {
                // TEXT and PHONE take any text.
            }
        }
    }
}
