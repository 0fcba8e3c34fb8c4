package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.settings.FactorialSettings.API_KEY;
import static com.hirerelay.factorial.settings.FactorialSettings.API_VERSION;
import static com.hirerelay.factorial.settings.FactorialSettings.BASE_URL;
import static com.hirerelay.factorial.settings.FactorialSettings.COMPANY_ID_ATTRIBUTE;
import static com.hirerelay.factorial.settings.FactorialSettings.CUSTOM;
import static com.hirerelay.factorial.settings.FactorialSettings.DEFAULT_LEGAL_ENTITY_ID;
import static com.hirerelay.factorial.settings.FactorialSettings.DEFAULT_LOCATION_ID;
import static com.hirerelay.factorial.settings.FactorialSettings.DEFAULT_TEAM_ID;
import static com.hirerelay.factorial.settings.FactorialSettings.READ_TIMEOUT_SECONDS;
import static com.hirerelay.factorial.settings.FactorialSettings.SEND_INVITATION;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisRequestListener;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.factorial.client.ApiKey;
import com.hirerelay.factorial.client.FactorialApi;
import com.hirerelay.factorial.client.FactorialClient;
import com.hirerelay.factorial.client.FactorialClientConfig;
import com.hirerelay.factorial.client.FactorialCompany;
import com.hirerelay.factorial.client.FactorialEmployee;
import com.hirerelay.factorial.client.FactorialRecord;
import com.hirerelay.factorial.client.PostOutcomeUnknownException;
import com.hirerelay.factorial.client.PostRateLimiter;
import com.hirerelay.factorial.client.RequestReports;
import com.hirerelay.factorial.client.UnprocessableEntityException;
import com.hirerelay.factorial.mapping.DraftKeys;
import com.hirerelay.factorial.mapping.DraftValidator;
import com.hirerelay.factorial.mapping.EmployeeDraftFactory;
import com.hirerelay.factorial.mapping.EmployeeRequestBodies;
import com.hirerelay.factorial.mapping.FactorialFieldErrors;
import com.hirerelay.factorial.settings.FactorialEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected Factorial account. Owns the HTTP client, the POST limiter shared by all exports of the
 * account, a one-minute cache of reference data and the company id.
 *
 * <p>Remote calls of one export, with the reference data cached (the export dialog just read it) and
 * the company id stored by the host from {@link #verify()}: the duplicate check (one GET by e-mail and
 * one GET by {@code company_identifier}, sent side by side), the create (one POST), and the optional
 * contract-version and invitation POSTs.
 *
 * <p>Thread-safe. Opening does no I/O; malformed settings are reported by {@link #verify()} and every
 * other call.
 */
public final class FactorialConnection implements HrisConnection {

    private static final Logger LOG = LoggerFactory.getLogger(FactorialConnection.class);
    private static final Duration REFERENCE_TTL = Duration.ofSeconds(60);
    private static final String CONTRACT_STEP = "Set job title and salary";
    private static final String INVITATION_STEP = "Send the Factorial invitation";

    private final ConnectionSettings settings;
    private final FactorialEnvironment environment;
    private final ValidationFailedException settingsProblem;
    private final UnaryOperator<FactorialClientConfig> tuning;
    private final Duration lookAgainPause;
    private final Clock clock;
    private final ReferenceDataCache referenceCache;
    private final EmployeeDraftFactory draftFactory;
    private final DraftValidator validator = new DraftValidator();
    private final AtomicReference<String> companyId = new AtomicReference<>();
    private final ExecutorService lookups;
    private final RequestReports reports;
    private FactorialApi api;
    private boolean closed;

    /**
     * A connection with the default client configuration.
     *
     * @param settings the connect form's values
     */
    public FactorialConnection(ConnectionSettings settings) {
        this(settings, HrisRequestListener.NONE);
    }

    /**
     * A connection with the default client configuration that reports its requests.
     *
     * @param settings the connect form's values
     * @param listener told about every request to Factorial and every wait for its rate limit
     */
    public FactorialConnection(ConnectionSettings settings, HrisRequestListener listener) {
        this(settings, UnaryOperator.identity(), Duration.ofSeconds(2), Clock.systemDefaultZone(), listener);
    }

    /**
     * @param settings the connect form's values
     * @param tuning adjusts the client configuration (time-outs, retries, POST limit)
     * @param lookAgainPause the pause before looking a second time for an employee whose create got no answer
     * @param clock today's date for validation
     */
    FactorialConnection(
            ConnectionSettings settings,
            UnaryOperator<FactorialClientConfig> tuning,
            Duration lookAgainPause,
            Clock clock) {
        this(settings, tuning, lookAgainPause, clock, HrisRequestListener.NONE);
    }

    /**
     * @param settings the connect form's values
     * @param tuning adjusts the client configuration (time-outs, retries, POST limit)
     * @param lookAgainPause the pause before looking a second time for an employee whose create got no answer
     * @param clock today's date for validation
     * @param listener told about every request to Factorial and every wait for its rate limit
     */
    FactorialConnection(
            ConnectionSettings settings,
            UnaryOperator<FactorialClientConfig> tuning,
            Duration lookAgainPause,
            Clock clock,
            HrisRequestListener listener) {
        this.reports = new RequestReports(listener);
        this.settings = settings;
        this.tuning = tuning;
        this.lookAgainPause = lookAgainPause;
        this.clock = clock;
        FactorialEnvironment resolved = null;
        ValidationFailedException problem = null;
        try {
            resolved = FactorialEnvironment.from(settings);
        } catch (ValidationFailedException invalid) {
            problem = invalid;
        }
        this.environment = resolved;
        this.settingsProblem = problem;
        this.referenceCache = new ReferenceDataCache(this::loadReferenceData, REFERENCE_TTL, System::nanoTime);
        Map<String, String> defaults = new HashMap<>();
        settings.value(DEFAULT_LEGAL_ENTITY_ID).ifPresent(id -> defaults.put(DraftKeys.LEGAL_ENTITIES, id));
        settings.value(DEFAULT_LOCATION_ID).ifPresent(id -> defaults.put(DraftKeys.LOCATIONS, id));
        settings.value(DEFAULT_TEAM_ID).ifPresent(id -> defaults.put(DraftKeys.TEAMS, id));
        this.draftFactory = new EmployeeDraftFactory(defaults);
        this.lookups = Executors.newCachedThreadPool(lookupThreads(settings.connectionId()));
    }

    /** Daemon threads with the plugin's class loader as context loader, which Jersey looks its parts up through. */
    private static java.util.concurrent.ThreadFactory lookupThreads(String connectionId) {
        ClassLoader pluginLoader = FactorialConnection.class.getClassLoader();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "factorial-lookup-" + connectionId + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(pluginLoader);
            return thread;
        };
    }

    @Override
    public ConnectedAccount verify() {
        FactorialApi factorial = api();
        Optional<FactorialCompany> company;
        try {
            company = factorial.company();
        } catch (InvalidCredentialsException refused) {
            throw new InvalidCredentialsException("Factorial did not accept this API key in the "
                    + environment.describe() + ". Check that the whole key was pasted and that it was created"
                    + " in this environment.");
        } catch (RemoteRejectedException notFound) {
            if (notFound.status() != 404) {
                throw notFound;
            }
            List<FieldError> errors = new ArrayList<>();
            errors.add(new FieldError(
                    API_VERSION,
                    "Factorial does not know API version " + environment.apiVersion()
                            + " at this address. Use a version such as 2026-04-01."));
            if (CUSTOM.equals(environment.name())) {
                errors.add(new FieldError(BASE_URL, "Check that this is the address of Factorial's API."));
            }
            throw new ValidationFailedException("Factorial's API was not found with these settings (HTTP 404)", errors);
        }
        FactorialCompany found = company.orElseThrow(() -> new InvalidCredentialsException(
                "Factorial knows no company for this API key in the " + environment.describe() + ". A key works"
                        + " only in the environment it was created in: choose the environment the key comes from."));
        companyId.set(found.companyId());
        LOG.info(
                "Verified Factorial connection {}: company {} ({})",
                settings.connectionId(),
                found.companyId(),
                environment.describe());
        return new ConnectedAccount(found.name(), found.companyId(), Map.of(COMPANY_ID_ATTRIBUTE, found.companyId()));
    }

    @Override
    public ReferenceData referenceData() {
        api();
        return referenceCache.get();
    }

    private ReferenceData loadReferenceData() {
        FactorialApi factorial = api();
        Map<String, List<SelectOption>> lists = new LinkedHashMap<>();
        lists.put(DraftKeys.LEGAL_ENTITIES, options(factorial::legalEntities, "legal entities"));
        lists.put(DraftKeys.LOCATIONS, options(factorial::locations, "locations"));
        lists.put(DraftKeys.TEAMS, options(factorial::teams, "teams"));
        lists.put(DraftKeys.MANAGERS, options(factorial::managers, "managers"));
        return new ReferenceData(lists);
    }

    /** A list the key may not read (403) or the account does not have (404) is offered empty, not failed. */
    private List<SelectOption> options(Supplier<List<FactorialRecord>> read, String what) {
        try {
            return read.get().stream()
                    .map(record -> new SelectOption(record.id(), record.label()))
                    .toList();
        } catch (AccessDeniedException | RemoteRejectedException unavailable) {
            LOG.warn(
                    "Factorial connection {} cannot read its {}; offering none: {}",
                    settings.connectionId(),
                    what,
                    unavailable.getMessage());
            return List.of();
        }
    }

    @Override
    public EmployeeDraft draftFor(Candidate candidate) {
        return draftFactory.draftFor(candidate, referenceData());
    }

    @Override
    public List<FieldError> validate(EmployeeDraft draft) {
        ReferenceData reference;
        try {
            reference = referenceData();
        } catch (HrisException unreadable) {
            // Factorial checks the ids itself; a draft is not refused because the lists are unreadable now.
            LOG.warn(
                    "Validating a draft for connection {} without Factorial's reference data: {}",
                    settings.connectionId(),
                    unreadable.getMessage());
            reference = null;
        }
        return validator.validate(draft, reference, LocalDate.now(clock));
    }

    /**
     * Looks by e-mail and by {@code company_identifier}. Factorial's list filters combine with AND, so
     * these are two requests; they are independent, so they are sent side by side and the check costs one
     * round trip. A match by e-mail wins (it names the e-mail that matched); a failed look-up fails the
     * check unless the other one found the employee.
     */
    @Override
    public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
        FactorialApi factorial = api();
        Optional<String> email = draft.value(DraftKeys.EMAIL);
        Optional<String> identifier = draft.value(DraftKeys.COMPANY_IDENTIFIER);
        if (email.isEmpty() || identifier.isEmpty()) {
            return email.isPresent()
                    ? byEmail(factorial, email.get())
                    : identifier.flatMap(value -> byCompanyIdentifier(factorial, value));
        }
        // Sent from a look-up thread: its request is reported here, by the thread the host called.
        CompletableFuture<RequestReports.Held<Optional<ExistingEmployee>>> byIdentifier;
        try {
            byIdentifier = CompletableFuture.supplyAsync(
                    () -> reports.holding(() -> byCompanyIdentifier(factorial, identifier.get())), lookups);
        } catch (RejectedExecutionException closing) {
            throw new RemoteUnavailableException(
                    "The Factorial connection " + settings.connectionId() + " is closed", closing);
        }
        Optional<ExistingEmployee> byEmail;
        try {
            byEmail = byEmail(factorial, email.get());
        } catch (RuntimeException failed) {
            try {
                Optional<ExistingEmployee> found = await(byIdentifier);
                if (found.isPresent()) {
                    return found;
                }
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
        if (byEmail.isPresent()) {
            // Nobody waits for the other look-up: its request is still counted when it ends.
            byIdentifier.thenAccept(RequestReports.Held::reportOnly);
            return byEmail;
        }
        return await(byIdentifier);
    }

    private Optional<ExistingEmployee> byEmail(FactorialApi factorial, String email) {
        for (FactorialEmployee employee : factorial.employeesByEmail(email)) {
            Optional<String> matched = employee.emailMatching(email);
            if (matched.isPresent()) {
                return Optional.of(existing(employee, matched.get()));
            }
        }
        return Optional.empty();
    }

    private Optional<ExistingEmployee> byCompanyIdentifier(FactorialApi factorial, String identifier) {
        for (FactorialEmployee employee : factorial.employeesByCompanyIdentifier(identifier)) {
            if (identifier.equals(employee.companyIdentifier())) {
                return Optional.of(existing(employee, null));
            }
        }
        return Optional.empty();
    }

    /** Waits for a look-up sent side by side; its failure becomes the caller's. */
    private Optional<ExistingEmployee> await(
            CompletableFuture<RequestReports.Held<Optional<ExistingEmployee>>> lookup) {
        try {
            return lookup.get().release();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RemoteUnavailableException(
                    "Interrupted while looking for the employee in Factorial", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new RemoteUnavailableException("Looking for the employee in Factorial failed", failed.getCause());
        }
    }

    private ExistingEmployee existing(FactorialEmployee employee, String matchedEmail) {
        return new ExistingEmployee(
                employee.id(), employee.fullName(), matchedEmail, environment.employeeLink(employee.id()));
    }

    @Override
    public ExportResult export(EmployeeDraft draft) {
        FactorialApi factorial = api();
        List<FieldError> problems = validate(draft);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(
                    "The employee cannot be sent to Factorial yet: " + problems.size()
                            + (problems.size() == 1 ? " field needs" : " fields need") + " attention",
                    problems);
        }
        Optional<ExistingEmployee> existing = findExisting(draft);
        if (existing.isPresent()) {
            LOG.info(
                    "Candidate {} is already Factorial employee {} on connection {}; nothing created",
                    draft.candidateId(),
                    existing.get().employeeId(),
                    settings.connectionId());
            return ExportResult.alreadyExists(existing.get());
        }
        String company = companyId();
        EmployeeRequestBodies bodies =
                new EmployeeRequestBodies(factorial.client().config().sendsStringIds());
        String employeeId = create(factorial, draft, bodies.createWithContract(draft, company), false);
        LOG.info(
                "Created Factorial employee {} for candidate {} on connection {}",
                employeeId,
                draft.candidateId(),
                settings.connectionId());

        List<ExportWarning> warnings = new ArrayList<>();
        if (bodies.needsContractVersion(draft)) {
            followUp(
                    CONTRACT_STEP,
                    "Set them on the employee's contract in Factorial.",
                    draft,
                    employeeId,
                    warnings,
                    () -> factorial.createContractVersion(bodies.contractVersion(draft, employeeId)));
        }
        if (Boolean.parseBoolean(settings.valueOr(SEND_INVITATION, "false"))) {
            followUp(
                    INVITATION_STEP,
                    "Invite the employee from their profile in Factorial.",
                    draft,
                    employeeId,
                    warnings,
                    () -> factorial.invite(bodies.invitation(employeeId, company)));
        }
        return new ExportResult(ExportOutcome.CREATED, employeeId, environment.employeeLink(employeeId), warnings);
    }

    /**
     * Sends the create once. When its outcome is unknown, looks for the employee before deciding: found
     * means created; confirmed absent after a 5xx allows exactly one more attempt; anything else is
     * reported as unknown, never retried.
     */
    private String create(FactorialApi factorial, EmployeeDraft draft, ObjectNode body, boolean isSecondAttempt) {
        try {
            return factorial.createWithContract(body).id();
        } catch (UnprocessableEntityException refused) {
            throw refusal(draft, refused);
        } catch (PostOutcomeUnknownException lost) {
            LOG.warn(
                    "Creating candidate {} on Factorial connection {} ended without a clear answer ({}); looking"
                            + " the employee up before deciding",
                    draft.candidateId(),
                    settings.connectionId(),
                    lost.getMessage());
            Optional<ExistingEmployee> found = lookAgain(draft, lost);
            if (found.isPresent()) {
                LOG.info(
                        "Found Factorial employee {} for candidate {} after the unclear create; not sending it again",
                        found.get().employeeId(),
                        draft.candidateId());
                return found.get().employeeId();
            }
            if (lost.reason() == PostOutcomeUnknownException.Reason.SERVER_ERROR) {
                if (!isSecondAttempt) {
                    LOG.info(
                            "No Factorial employee exists for candidate {} after HTTP {}; sending the create once more",
                            draft.candidateId(),
                            lost.status());
                    return create(factorial, draft, body, true);
                }
                throw new RemoteUnavailableException(
                        "Factorial failed twice while creating the employee (" + lost.getMessage()
                                + "). No employee was created; try again later.",
                        lost);
            }
            throw new ExportOutcomeUnknownException(
                    "Factorial did not confirm whether the employee was created ("
                            + lost.getMessage()
                            + ") and does not list one yet. Do not create the employee by hand: export"
                            + " again in a few minutes; the export looks for the employee first.",
                    lost);
        }
    }

    private Optional<ExistingEmployee> lookAgain(EmployeeDraft draft, PostOutcomeUnknownException lost) {
        int looks = lost.reason() == PostOutcomeUnknownException.Reason.SERVER_ERROR ? 1 : 2;
        for (int look = 1; look <= looks; look++) {
            if (look > 1) {
                pause(lookAgainPause, lost);
            }
            try {
                Optional<ExistingEmployee> found = findExisting(draft);
                if (found.isPresent()) {
                    return found;
                }
            } catch (HrisException lookupFailed) {
                throw new ExportOutcomeUnknownException(
                        "Factorial did not confirm whether the employee was created ("
                                + lost.getMessage() + "), and looking it up failed too (" + lookupFailed.getMessage()
                                + "). Do not create the employee by hand: export again later; the export looks for the"
                                + " employee first.",
                        lost);
            }
        }
        return Optional.empty();
    }

    private void pause(Duration pause, PostOutcomeUnknownException lost) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ExportOutcomeUnknownException(
                    "Interrupted while checking whether Factorial created the"
                            + " employee (" + lost.getMessage()
                            + "). Export again later; the export looks for the employee"
                            + " first.",
                    lost);
        }
    }

    private ValidationFailedException refusal(EmployeeDraft draft, UnprocessableEntityException refused) {
        Set<String> keys = draft.fields().stream().map(DraftField::key).collect(Collectors.toUnmodifiableSet());
        FactorialFieldErrors.Recognised recognised = FactorialFieldErrors.recognise(refused.body(), keys);
        // The summary stands alone (bulk results, the export history); the field errors go beside the inputs.
        List<String> reasons = new java.util.ArrayList<>(recognised.general());
        recognised.fieldErrors().forEach(error -> reasons.add(error.message()));
        String summary = reasons.isEmpty()
                ? "Factorial refused the employee without giving a reason"
                : "Factorial refused the employee: " + String.join("; ", reasons);
        LOG.info(
                "Factorial refused candidate {} on connection {} (HTTP {}): {}",
                draft.candidateId(),
                settings.connectionId(),
                refused.status(),
                refused.body().summary("no reason given"));
        return new ValidationFailedException(summary, recognised.fieldErrors());
    }

    private void followUp(
            String step,
            String remedy,
            EmployeeDraft draft,
            String employeeId,
            List<ExportWarning> warnings,
            Runnable call) {
        String message;
        try {
            call.run();
            return;
        } catch (UnprocessableEntityException refused) {
            message = "Factorial refused it: " + refused.body().summary("no reason given") + ". " + remedy;
        } catch (PostOutcomeUnknownException lost) {
            message = "Factorial did not confirm it (" + lost.getMessage() + "). Check in Factorial; " + remedy;
        } catch (HrisException failed) {
            message = failed.getMessage() + ". " + remedy;
        } catch (RuntimeException bug) {
            LOG.error("Step '{}' for Factorial employee {} failed unexpectedly", step, employeeId, bug);
            message = "It failed unexpectedly. " + remedy;
        }
        LOG.warn(
                "Factorial employee {} for candidate {} was created, but step '{}' failed: {}",
                employeeId,
                draft.candidateId(),
                step,
                message);
        warnings.add(new ExportWarning(step, message));
    }

    private String companyId() {
        String stored = settings.accountAttributes().get(COMPANY_ID_ATTRIBUTE);
        if (stored != null && !stored.isBlank()) {
            return stored.strip();
        }
        String known = companyId.get();
        if (known != null) {
            return known;
        }
        FactorialCompany company = api().company()
                .orElseThrow(() -> new InvalidCredentialsException("Factorial knows no company for this API key in the "
                        + environment.describe() + ". An admin must reconnect Factorial."));
        companyId.set(company.companyId());
        return company.companyId();
    }

    private synchronized FactorialApi api() {
        if (closed) {
            throw new RemoteUnavailableException(
                    "The Factorial connection " + settings.connectionId() + " is closed", null);
        }
        if (settingsProblem != null) {
            throw new ValidationFailedException(settingsProblem.getMessage(), settingsProblem.fieldErrors());
        }
        if (api == null) {
            String key = settings.value(API_KEY)
                    .orElseThrow(() -> new ValidationFailedException(
                            "The Factorial connection has no API key",
                            List.of(new FieldError(API_KEY, "Enter the API key."))));
            FactorialClientConfig defaults =
                    FactorialClientConfig.defaults(environment.apiBase(), environment.apiVersion());
            FactorialClientConfig config =
                    tuning.apply(defaults.withReadTimeout(seconds(READ_TIMEOUT_SECONDS, defaults.readTimeout())));
            PostRateLimiter limiter = new PostRateLimiter(config.postsPerWindow(), config.postWindow());
            api = new FactorialApi(
                    new FactorialClient(config, ApiKey.of(key), limiter, settings.connectionId(), reports));
        }
        return api;
    }

    private java.time.Duration seconds(String key, java.time.Duration fallback) {
        return settings.value(key)
                .filter(value -> value.strip().matches("\\d{1,3}"))
                .map(value -> java.time.Duration.ofSeconds(Integer.parseInt(value.strip())))
                .orElse(fallback);
    }

    @Override
    public synchronized void close() {
        closed = true;
        lookups.shutdownNow();
        if (api != null) {
            api.client().close();
            api = null;
        }
    }

    @Override
    public String toString() {
        return "FactorialConnection[" + settings.connectionId() + ", "
                + (environment == null
                        ? "invalid settings"
                        : environment.describe() + ", version " + environment.apiVersion())
                + "]";
    }
}
