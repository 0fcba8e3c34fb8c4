package com.hirerelay.factorial.connector;

import static com.hirerelay.factorial.settings.FactorialSettings.API_KEY;
import static com.hirerelay.factorial.settings.FactorialSettings.API_VERSION;
import static com.hirerelay.factorial.settings.FactorialSettings.ATS_INSTANCE;
import static com.hirerelay.factorial.settings.FactorialSettings.BASE_URL;
import static com.hirerelay.factorial.settings.FactorialSettings.CANDIDATE_EMAIL_TARGET;
import static com.hirerelay.factorial.settings.FactorialSettings.COMPANY_ID_ATTRIBUTE;
import static com.hirerelay.factorial.settings.FactorialSettings.CREATE_REFERENCE_FIELD;
import static com.hirerelay.factorial.settings.FactorialSettings.CUSTOM;
import static com.hirerelay.factorial.settings.FactorialSettings.DEFAULT_ATS_INSTANCE;
import static com.hirerelay.factorial.settings.FactorialSettings.DEFAULT_DOCUMENTS_FOLDER;
import static com.hirerelay.factorial.settings.FactorialSettings.DEFAULT_LEGAL_ENTITY_ID;
import static com.hirerelay.factorial.settings.FactorialSettings.DEFAULT_LOCATION_ID;
import static com.hirerelay.factorial.settings.FactorialSettings.DEFAULT_REFERENCE_FIELD_LABEL;
import static com.hirerelay.factorial.settings.FactorialSettings.DEFAULT_TEAM_ID;
import static com.hirerelay.factorial.settings.FactorialSettings.DOCUMENTS_AUTHOR_ACCESS_ID;
import static com.hirerelay.factorial.settings.FactorialSettings.DOCUMENTS_FOLDER;
import static com.hirerelay.factorial.settings.FactorialSettings.EMAIL_LOGIN;
import static com.hirerelay.factorial.settings.FactorialSettings.EMAIL_PERSONAL;
import static com.hirerelay.factorial.settings.FactorialSettings.READ_TIMEOUT_SECONDS;
import static com.hirerelay.factorial.settings.FactorialSettings.REFERENCE_FIELD_ATTRIBUTE;
import static com.hirerelay.factorial.settings.FactorialSettings.REFERENCE_FIELD_ID;
import static com.hirerelay.factorial.settings.FactorialSettings.REFERENCE_FIELD_LABEL;
import static com.hirerelay.factorial.settings.FactorialSettings.REFERENCE_STORE;
import static com.hirerelay.factorial.settings.FactorialSettings.SEND_INVITATION;
import static com.hirerelay.factorial.settings.FactorialSettings.STORE_COMPANY_IDENTIFIER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hirerelay.api.AccessDeniedException;
import com.hirerelay.api.ApiVersionUnavailableException;
import com.hirerelay.api.Capability;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.InvalidCredentialsException;
import com.hirerelay.api.RemoteRejectedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.SelectOption;
import com.hirerelay.api.ValidationFailedException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.CandidateDocument;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionContext;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.EmployeeDraft;
import com.hirerelay.api.hris.EmployeeMatch;
import com.hirerelay.api.hris.EmployeeValues;
import com.hirerelay.api.hris.ExistingEmployee;
import com.hirerelay.api.hris.ExportJournal;
import com.hirerelay.api.hris.ExportOutcome;
import com.hirerelay.api.hris.ExportResult;
import com.hirerelay.api.hris.ExportWarning;
import com.hirerelay.api.hris.FieldChange;
import com.hirerelay.api.hris.FollowUpStep;
import com.hirerelay.api.hris.HrisConnection;
import com.hirerelay.api.hris.HrisRequestListener;
import com.hirerelay.api.hris.MatchDecision;
import com.hirerelay.api.hris.PossibleMatchException;
import com.hirerelay.api.hris.RateBudget;
import com.hirerelay.api.hris.ReferenceData;
import com.hirerelay.api.hris.UpdateOptions;
import com.hirerelay.api.hris.UpdateResult;
import com.hirerelay.api.hris.UploadedDocument;
import com.hirerelay.factorial.client.ApiKey;
import com.hirerelay.factorial.client.FactorialApi;
import com.hirerelay.factorial.client.FactorialClient;
import com.hirerelay.factorial.client.FactorialClientConfig;
import com.hirerelay.factorial.client.FactorialCompany;
import com.hirerelay.factorial.client.FactorialEmployee;
import com.hirerelay.factorial.client.FactorialRecord;
import com.hirerelay.factorial.client.PostOutcomeUnknownException;
import com.hirerelay.factorial.client.RequestReports;
import com.hirerelay.factorial.client.UnprocessableEntityException;
import com.hirerelay.factorial.documents.DocumentUploader;
import com.hirerelay.factorial.identity.AtsReference;
import com.hirerelay.factorial.identity.MatchClassifier;
import com.hirerelay.factorial.mapping.DraftKeys;
import com.hirerelay.factorial.mapping.DraftValidator;
import com.hirerelay.factorial.mapping.EmployeeDraftFactory;
import com.hirerelay.factorial.mapping.EmployeeRequestBodies;
import com.hirerelay.factorial.mapping.FactorialFieldErrors;
import com.hirerelay.factorial.settings.FactorialEnvironment;
import com.hirerelay.factorial.update.EmployeeUpdater;
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
    private static final Duration REFERENCE_TTL = com.hirerelay.api.PluginTimeLimits.REFERENCE_DATA_MAX_AGE;
    /** The follow-up steps of an export: the first three side by side after the create, the invitation last. */
    static final FollowUpStep REFERENCE_STEP = new FollowUpStep("ats-reference", "Record the HireRelay reference");

    static final FollowUpStep PERSONAL_EMAIL_STEP = new FollowUpStep("personal-email", "Set the personal e-mail");
    static final FollowUpStep CONTRACT_STEP = new FollowUpStep("contract-version", "Set job title and salary");
    static final FollowUpStep INVITATION_STEP = new FollowUpStep("invitation", "Send the Factorial invitation");

    private final ConnectionSettings settings;
    private final RateBudget postBudget;
    private final FactorialEnvironment environment;
    private final ValidationFailedException settingsProblem;
    private final UnaryOperator<FactorialClientConfig> tuning;
    private final Duration lookAgainPause;
    private final Clock clock;
    private final ReferenceDataCache referenceCache;
    private final EmployeeDraftFactory draftFactory;
    private final DraftValidator validator = new DraftValidator();
    private final AtomicReference<String> companyId = new AtomicReference<>();
    private final AtomicReference<String> referenceFieldId = new AtomicReference<>();
    private final boolean referenceInCompanyIdentifier;
    private final ExecutorService lookups;
    private final DocumentUploader documents;
    private final EmployeeUpdater updater = new EmployeeUpdater();
    private final RequestReports reports;
    private FactorialApi api;
    private boolean closed;

    /**
     * A connection with the default client configuration.
     *
     * @param settings the connect form's values
     */
    public FactorialConnection(ConnectionSettings settings) {
        this(settings, RateBudget.inProcess(), HrisRequestListener.NONE);
    }

    /**
     * A connection with the default client configuration that spends the host's POST budget and reports its
     * requests.
     *
     * @param settings the connect form's values
     * @param postBudget the budget of POST requests the host shares between connections and instances
     * @param listener told about every request to Factorial and every wait for its rate limit
     */
    public FactorialConnection(ConnectionSettings settings, RateBudget postBudget, HrisRequestListener listener) {
        this(
                settings,
                UnaryOperator.identity(),
                Duration.ofSeconds(2),
                Clock.systemDefaultZone(),
                postBudget,
                listener);
    }

    /**
     * A connection as a host opens it: with the default client configuration, the host's POST budget, its
     * listener, and its clock, which dates validation and ages the reference-data cache.
     *
     * @param settings the connect form's values
     * @param context the host's budget, listener and clock
     */
    public FactorialConnection(ConnectionSettings settings, ConnectionContext context) {
        this(
                settings,
                UnaryOperator.identity(),
                Duration.ofSeconds(2),
                context.clock(),
                context.budget(),
                context.listener());
    }

    /**
     * A connection with a budget of its own, for tests.
     */
    FactorialConnection(
            ConnectionSettings settings,
            UnaryOperator<FactorialClientConfig> tuning,
            Duration lookAgainPause,
            Clock clock) {
        this(settings, tuning, lookAgainPause, clock, RateBudget.inProcess(), HrisRequestListener.NONE);
    }

    /**
     * @param settings the connect form's values
     * @param tuning adjusts the client configuration (time-outs, retries, POST limit)
     * @param lookAgainPause the pause before looking a second time for an employee whose create got no answer
     * @param clock today's date for validation
     * @param postBudget the budget of POST requests (Factorial's per-key limit)
     */
    FactorialConnection(
            ConnectionSettings settings,
            UnaryOperator<FactorialClientConfig> tuning,
            Duration lookAgainPause,
            Clock clock,
            RateBudget postBudget) {
        this(settings, tuning, lookAgainPause, clock, postBudget, HrisRequestListener.NONE);
    }

    /**
     * @param settings the connect form's values
     * @param tuning adjusts the client configuration (time-outs, retries, POST limit)
     * @param lookAgainPause the pause before looking a second time for an employee whose create got no answer
     * @param clock today's date for validation, and the age of cached reference data
     * @param postBudget the budget of POST requests the host shares between connections and instances
     * @param listener told about every request to Factorial and every wait for its rate limit
     */
    FactorialConnection(
            ConnectionSettings settings,
            UnaryOperator<FactorialClientConfig> tuning,
            Duration lookAgainPause,
            Clock clock,
            RateBudget postBudget,
            HrisRequestListener listener) {
        this.reports = new RequestReports(listener);
        this.settings = settings;
        this.postBudget = postBudget;
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
        this.referenceCache = new ReferenceDataCache(this::loadReferenceData, REFERENCE_TTL, clock);
        Map<String, String> defaults = new HashMap<>();
        settings.value(DEFAULT_LEGAL_ENTITY_ID).ifPresent(id -> defaults.put(DraftKeys.LEGAL_ENTITIES, id));
        settings.value(DEFAULT_LOCATION_ID).ifPresent(id -> defaults.put(DraftKeys.LOCATIONS, id));
        settings.value(DEFAULT_TEAM_ID).ifPresent(id -> defaults.put(DraftKeys.TEAMS, id));
        // The candidate's e-mail goes where the admin said; without a choice, to the login e-mail only when
        // Factorial's invitation (which goes to the login e-mail) is sent.
        boolean inviting = Boolean.parseBoolean(settings.valueOr(SEND_INVITATION, "false"));
        String emailTarget = settings.valueOr(CANDIDATE_EMAIL_TARGET, inviting ? EMAIL_LOGIN : EMAIL_PERSONAL);
        this.draftFactory = new EmployeeDraftFactory(defaults, EMAIL_LOGIN.equals(emailTarget));
        this.referenceInCompanyIdentifier = STORE_COMPANY_IDENTIFIER.equals(settings.valueOr(REFERENCE_STORE, ""));
        this.lookups = Executors.newCachedThreadPool(lookupThreads(settings.connectionId()));
        this.documents = new DocumentUploader(
                settings.value(DOCUMENTS_FOLDER)
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .orElse(DEFAULT_DOCUMENTS_FOLDER),
                settings.value(DOCUMENTS_AUTHOR_ACCESS_ID)
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .orElse(null),
                DOCUMENTS_AUTHOR_ACCESS_ID);
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
        } catch (ApiVersionUnavailableException gone) {
            List<FieldError> errors = new ArrayList<>();
            errors.add(new FieldError(
                    API_VERSION,
                    "Factorial does not serve API version " + environment.apiVersion()
                            + " at this address. Use one of "
                            + String.join(", ", com.hirerelay.factorial.settings.FactorialApiVersions.SUPPORTED)
                            + "."));
            if (CUSTOM.equals(environment.name())) {
                errors.add(new FieldError(BASE_URL, "Check that this is the address of Factorial's API."));
            }
            throw new ValidationFailedException(
                    "Factorial's API was not found with these settings (" + gone.getMessage() + ")", errors);
        }
        FactorialCompany found = company.orElseThrow(() -> new InvalidCredentialsException(
                "Factorial knows no company for this API key in the " + environment.describe() + ". A key works"
                        + " only in the environment it was created in: choose the environment the key comes from."));
        companyId.set(found.companyId());
        Map<String, String> attributes = new HashMap<>();
        attributes.put(COMPANY_ID_ATTRIBUTE, found.companyId());
        if (!referenceInCompanyIdentifier) {
            attributes.put(REFERENCE_FIELD_ATTRIBUTE, resolveReferenceField(factorial, found.companyId()));
        }
        LOG.info(
                "Verified Factorial connection {}: company {} ({}, API version {}, reference in {})",
                settings.connectionId(),
                found.companyId(),
                environment.describe(),
                environment.apiVersion(),
                referenceInCompanyIdentifier ? "company_identifier" : "custom field " + referenceFieldId.get());
        return new ConnectedAccount(found.name(), found.companyId(), attributes);
    }

    /**
     * The custom field that holds the ATS reference: the one the admin named by id, else the one with the
     * configured label, else (when the admin allowed it) a new text field with that label.
     */
    private String resolveReferenceField(FactorialApi factorial, String company) {
        Optional<String> chosen = settings.value(REFERENCE_FIELD_ID);
        String id;
        if (chosen.isPresent()) {
            id = factorial
                    .customField(chosen.get())
                    .orElseThrow(() -> new ValidationFailedException(
                            "Factorial has no custom field " + chosen.get(),
                            List.of(new FieldError(
                                    REFERENCE_FIELD_ID,
                                    "Factorial has no custom field with id " + chosen.get()
                                            + ". Enter the id of a text field, or leave it empty to use the label."))))
                    .id();
        } else {
            String label = settings.valueOr(REFERENCE_FIELD_LABEL, DEFAULT_REFERENCE_FIELD_LABEL);
            List<FactorialRecord> labelled = factorial.customFieldsLabelled(label);
            if (labelled.size() > 1) {
                throw new ValidationFailedException(
                        "Factorial has " + labelled.size() + " custom fields labelled '" + label + "'",
                        List.of(new FieldError(
                                REFERENCE_FIELD_ID,
                                "Factorial has " + labelled.size() + " custom fields labelled '" + label
                                        + "'. Enter the id of the one to use.")));
            }
            if (labelled.size() == 1) {
                id = labelled.get(0).id();
            } else if (Boolean.parseBoolean(settings.valueOr(CREATE_REFERENCE_FIELD, "false"))) {
                EmployeeRequestBodies bodies =
                        new EmployeeRequestBodies(factorial.client().config().sendsStringIds());
                id = factorial.createCustomField(bodies.referenceField(company, label));
                LOG.info(
                        "Created Factorial custom field {} '{}' for connection {}", id, label, settings.connectionId());
            } else {
                throw new ValidationFailedException(
                        "Factorial has no custom field labelled '" + label + "'",
                        List.of(new FieldError(
                                REFERENCE_FIELD_LABEL,
                                "Factorial has no custom field labelled '" + label + "'. Create a text field with"
                                        + " that label in Factorial, enter the label or id of another, or allow"
                                        + " HireRelay to create it.")));
            }
        }
        referenceFieldId.set(id);
        return id;
    }

    private String referenceFieldId() {
        String stored = settings.accountAttributes().get(REFERENCE_FIELD_ATTRIBUTE);
        if (stored != null && !stored.isBlank()) {
            return stored.strip();
        }
        String known = referenceFieldId.get();
        return known != null ? known : resolveReferenceField(api(), companyId());
    }

    private AtsReference reference(EmployeeDraft draft) {
        return AtsReference.of(settings.valueOr(ATS_INSTANCE, DEFAULT_ATS_INSTANCE), draft.candidateId());
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

    /** Only a same-person match: what an export links without asking. */
    @Override
    public Optional<ExistingEmployee> findExisting(EmployeeDraft draft) {
        return findMatch(draft).filter(EmployeeMatch::isSamePerson).map(EmployeeMatch::employee);
    }

    /**
     * Looks by the candidate's reference, by the draft's e-mails and by its name, the three side by side so
     * the check costs about one round trip, and classifies what it found ({@link MatchClassifier}). A
     * failed look-up fails the check unless the others prove the same person anyway.
     */
    @Override
    public Optional<EmployeeMatch> findMatch(EmployeeDraft draft) {
        FactorialApi factorial = api();
        AtsReference reference = reference(draft);
        String fieldId = referenceInCompanyIdentifier ? null : referenceFieldId();
        List<String> emails = java.util.stream.Stream.of(
                        draft.value(DraftKeys.EMAIL), draft.value(DraftKeys.PERSONAL_EMAIL))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        String first = draft.value(DraftKeys.FIRST_NAME).orElse("");
        String last = draft.value(DraftKeys.LAST_NAME).orElse("");
        // Sent from look-up threads: their requests are reported here, by the thread the host called.
        CompletableFuture<RequestReports.Held<List<FactorialEmployee>>> byReference;
        CompletableFuture<RequestReports.Held<List<FactorialEmployee>>> byName;
        try {
            byReference = CompletableFuture.supplyAsync(
                    () -> reports.holding(() -> byReference(factorial, reference, fieldId)), lookups);
            byName = CompletableFuture.supplyAsync(
                    () -> reports.holding(() -> first.isBlank() || last.isBlank()
                            ? List.<FactorialEmployee>of()
                            : factorial.employeesByName(first + " " + last)),
                    lookups);
        } catch (RejectedExecutionException closing) {
            throw new RemoteUnavailableException(
                    "The Factorial connection " + settings.connectionId() + " is closed", closing);
        }
        List<RuntimeException> failures = new ArrayList<>();
        List<FactorialEmployee> foundByEmail = List.of();
        try {
            foundByEmail = emails.isEmpty() ? List.of() : factorial.employeesByEmails(emails);
        } catch (RuntimeException failed) {
            failures.add(failed);
        }
        List<FactorialEmployee> foundByReference = awaitOrRecord(byReference, failures);
        List<FactorialEmployee> foundByName = awaitOrRecord(byName, failures);
        Optional<EmployeeMatch> match = new MatchClassifier(environment::employeeLink)
                .classify(first, last, emails, foundByReference, foundByEmail, foundByName, reference);
        if (!failures.isEmpty() && match.filter(EmployeeMatch::isSamePerson).isEmpty()) {
            RuntimeException first_ = failures.get(0);
            failures.subList(1, failures.size()).forEach(first_::addSuppressed);
            throw first_;
        }
        return match;
    }

    private List<FactorialEmployee> byReference(FactorialApi factorial, AtsReference reference, String fieldId) {
        if (fieldId == null) {
            return factorial.employeesByCompanyIdentifier(reference.value()).stream()
                    .filter(employee -> reference.value().equals(employee.companyIdentifier()))
                    .toList();
        }
        List<String> ids = factorial.employeeIdsWithValue(fieldId, reference.value());
        return ids.isEmpty() ? List.of() : factorial.employeesByIds(ids);
    }

    /** Waits for a look-up sent side by side; its failure is recorded for the caller to decide. */
    private static List<FactorialEmployee> awaitOrRecord(
            CompletableFuture<RequestReports.Held<List<FactorialEmployee>>> lookup, List<RuntimeException> failures) {
        try {
            return lookup.get().release();
        } catch (RuntimeException failed) {
            failures.add(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failures.add(new RemoteUnavailableException(
                    "Interrupted while looking for the employee in Factorial", interrupted));
        } catch (ExecutionException failed) {
            failures.add(
                    failed.getCause() instanceof RuntimeException cause
                            ? cause
                            : new RemoteUnavailableException(
                                    "Looking for the employee in Factorial failed", failed.getCause()));
        }
        return List.of();
    }

    @Override
    public ExportResult export(EmployeeDraft draft) {
        return export(draft, null);
    }

    @Override
    public ExportResult export(EmployeeDraft draft, MatchDecision decision) {
        return export(draft, decision, ExportJournal.NONE);
    }

    /**
     * The steps a create runs after it, as {@link #export(EmployeeDraft, MatchDecision, ExportJournal)} runs
     * them: the ATS reference in its custom field (unless the reference goes into the employee number with
     * the create), the personal e-mail when there is one, job title and salary when the draft has them, the
     * invitation when the connection sends one. No I/O.
     */
    @Override
    public List<FollowUpStep> followUpSteps(EmployeeDraft draft) {
        List<FollowUpStep> steps = new ArrayList<>();
        if (!referenceInCompanyIdentifier) {
            steps.add(REFERENCE_STEP);
        }
        if (draft.value(DraftKeys.PERSONAL_EMAIL).isPresent()) {
            steps.add(PERSONAL_EMAIL_STEP);
        }
        if (new EmployeeRequestBodies(true).needsContractVersion(draft)) {
            steps.add(CONTRACT_STEP);
        }
        if (Boolean.parseBoolean(settings.valueOr(SEND_INVITATION, "false"))) {
            steps.add(INVITATION_STEP);
        }
        return List.copyOf(steps);
    }

    /**
     * Links a same-person match; stops at a possible match unless the person decided on exactly that
     * employee; otherwise creates the employee and completes it: the ATS reference, the personal e-mail,
     * job title and salary on the contract version the create made, the invitation. The journal hears of
     * the create before the first step, and of each step before and after it.
     */
    @Override
    public ExportResult export(EmployeeDraft draft, MatchDecision decision, ExportJournal journal) {
        FactorialApi factorial = api();
        List<FieldError> problems = validate(draft);
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(
                    "The employee cannot be sent to Factorial yet: " + problems.size()
                            + (problems.size() == 1 ? " field needs" : " fields need") + " attention",
                    problems);
        }
        AtsReference reference = reference(draft);
        String fieldId = referenceInCompanyIdentifier ? null : referenceFieldId();
        EmployeeRequestBodies bodies =
                new EmployeeRequestBodies(factorial.client().config().sendsStringIds());
        Optional<EmployeeMatch> match = findMatch(draft);
        if (match.isPresent()) {
            EmployeeMatch found = match.get();
            if (found.isSamePerson()) {
                LOG.info(
                        "Candidate {} is already Factorial employee {} on connection {} ({}); nothing created",
                        draft.candidateId(),
                        found.employee().employeeId(),
                        settings.connectionId(),
                        found.reason());
                return ExportResult.alreadyExists(found.employee());
            }
            boolean decided = decision != null
                    && decision.employeeId().equals(found.employee().employeeId());
            if (!decided) {
                LOG.info(
                        "Candidate {} stopped on connection {}: possible match with Factorial employee {} ({})",
                        draft.candidateId(),
                        settings.connectionId(),
                        found.employee().employeeId(),
                        found.reason());
                throw new PossibleMatchException(
                        "Factorial may already have this person: "
                                + found.employee().fullName() + " (employee "
                                + found.employee().employeeId() + "). " + found.reason() + ". Nothing was created"
                                + " or linked: export the candidate on their own to compare and choose Link or"
                                + " Create new.",
                        found);
            }
            if (decision.choice() == MatchDecision.Choice.LINK) {
                return link(factorial, bodies, draft, found, reference, fieldId);
            }
            LOG.info(
                    "Creating candidate {} on connection {} although employee {} is a possible match: the user"
                            + " said it is someone else",
                    draft.candidateId(),
                    settings.connectionId(),
                    found.employee().employeeId());
        } else if (decision != null && decision.choice() == MatchDecision.Choice.LINK) {
            throw new ValidationFailedException(
                    "Factorial no longer shows employee " + decision.employeeId() + " as a match for this"
                            + " candidate; nothing was linked or created. Open the export again.",
                    List.of());
        }
        String company = companyId();
        ObjectNode body = bodies.createWithContract(draft, company, referenceInCompanyIdentifier ? reference : null);
        Created created = create(factorial, draft, body, false);
        String employeeId = created.employeeId();
        LOG.info(
                "Created Factorial employee {} for candidate {} on connection {}",
                employeeId,
                draft.candidateId(),
                settings.connectionId());
        journal.employeeCreated(employeeId);

        // The steps after the create need only the new employee's id, none another's answer: sent side by side,
        // they cost one round trip (the contract step two: it reads the version the create made, then fixes it).
        List<FollowUp> steps = new ArrayList<>();
        if (fieldId != null) {
            steps.add(new FollowUp(
                    REFERENCE_STEP,
                    "Enter " + reference.value() + " in the employee's custom field in Factorial, so that a later"
                            + " export recognises the employee.",
                    () -> factorial.createCustomFieldValue(bodies.referenceValue(fieldId, employeeId, reference))));
        }
        draft.value(DraftKeys.PERSONAL_EMAIL)
                .ifPresent(personal -> steps.add(new FollowUp(
                        PERSONAL_EMAIL_STEP,
                        "Enter it on the employee's profile in Factorial.",
                        () -> factorial.updateEmployee(employeeId, bodies.personalEmail(employeeId, personal)))));
        if (bodies.needsContractVersion(draft)) {
            steps.add(new FollowUp(
                    CONTRACT_STEP,
                    "Set them on the employee's contract in Factorial.",
                    () -> setContract(factorial, bodies, draft, employeeId)));
        }
        List<ExportWarning> warnings = new ArrayList<>(sideBySide(journal, steps, draft, employeeId));
        if (Boolean.parseBoolean(settings.valueOr(SEND_INVITATION, "false"))) {
            // After the other steps: the invitation e-mails a person, who should find the profile complete.
            followUp(
                    journal,
                    INVITATION_STEP,
                    "Invite the employee from their profile in Factorial.",
                    draft,
                    employeeId,
                    warnings,
                    () -> factorial.invite(bodies.invitation(employeeId, company)));
        }
        return new ExportResult(
                ExportOutcome.CREATED,
                employeeId,
                environment.employeeLink(employeeId),
                warnings,
                created.confirmedByLookup());
    }

    /** The employee a create made, and whether a look-up had to confirm it because the answer was unclear. */
    private record Created(String employeeId, boolean confirmedByLookup) {}

    /**
     * Links the employee a person confirmed, and records the candidate's reference on it so that the next
     * export recognises the same person without asking. An employee number the company already uses is
     * left alone.
     */
    private ExportResult link(
            FactorialApi factorial,
            EmployeeRequestBodies bodies,
            EmployeeDraft draft,
            EmployeeMatch match,
            AtsReference reference,
            String fieldId) {
        String employeeId = match.employee().employeeId();
        List<ExportWarning> warnings = new ArrayList<>();
        if (fieldId != null) {
            followUp(
                    ExportJournal.NONE,
                    REFERENCE_STEP,
                    "Enter " + reference.value() + " in the employee's custom field in Factorial.",
                    draft,
                    employeeId,
                    warnings,
                    () -> {
                        if (!factorial.hasCustomFieldValue(fieldId, employeeId)) {
                            factorial.createCustomFieldValue(bodies.referenceValue(fieldId, employeeId, reference));
                        }
                    });
        } else if (match.facts().stream().noneMatch(fact -> fact.label().equals("Employee number"))) {
            followUp(
                    ExportJournal.NONE,
                    REFERENCE_STEP,
                    "Enter " + reference.value() + " as the employee number in Factorial.",
                    draft,
                    employeeId,
                    warnings,
                    () -> factorial.updateEmployee(employeeId, bodies.companyIdentifier(employeeId, reference)));
        }
        LOG.info(
                "Linked candidate {} to Factorial employee {} on connection {}, as the user chose",
                draft.candidateId(),
                employeeId,
                settings.connectionId());
        return new ExportResult(
                ExportOutcome.ALREADY_EXISTS, employeeId, match.employee().link(), warnings);
    }

    /**
     * Sends the create once. When its outcome is unknown, looks for the employee before deciding: found
     * means created; confirmed absent after a 5xx allows exactly one more attempt; anything else is
     * reported as unknown, never retried.
     */
    private Created create(FactorialApi factorial, EmployeeDraft draft, ObjectNode body, boolean isSecondAttempt) {
        try {
            return new Created(factorial.createWithContract(body).id(), false);
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
                return new Created(found.get().employeeId(), true);
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
        // With the login e-mail left empty the personal e-mail was sent as Factorial's email: its complaints
        // about "email" belong beside the field the user typed it in.
        boolean emailCameFromPersonal = draft.value(DraftKeys.EMAIL).isEmpty();
        List<FieldError> errors = recognised.fieldErrors().stream()
                .map(error -> emailCameFromPersonal && error.field().equals(DraftKeys.EMAIL)
                        ? new FieldError(DraftKeys.PERSONAL_EMAIL, error.message())
                        : error)
                .toList();
        return new ValidationFailedException(summary, errors, refused);
    }

    /** A step after the create: the step, what the user can do when it fails, and its requests. */
    private record FollowUp(FollowUpStep step, String remedy, Runnable call) {}

    /**
     * Runs the steps side by side: the first on the calling thread, the others on look-up threads whose
     * requests are reported on the calling thread. Each step reports itself to the journal from the thread
     * that runs it, before and after it (the host's journal is thread-safe). A failed step becomes a
     * warning, as in {@link #followUp}.
     *
     * @return the warnings, in the steps' order
     */
    private List<ExportWarning> sideBySide(
            ExportJournal journal, List<FollowUp> steps, EmployeeDraft draft, String employeeId) {
        List<CompletableFuture<RequestReports.Held<List<ExportWarning>>>> others = new ArrayList<>();
        for (FollowUp step : steps.subList(Math.min(1, steps.size()), steps.size())) {
            Supplier<List<ExportWarning>> work = () -> warningsOf(journal, step, draft, employeeId);
            try {
                others.add(CompletableFuture.supplyAsync(() -> reports.holding(work), lookups));
            } catch (RejectedExecutionException closing) {
                // The connection is closing: the step runs here, and its requests fail like any other.
                others.add(CompletableFuture.completedFuture(reports.holding(work)));
            }
        }
        List<ExportWarning> warnings = new ArrayList<>();
        if (!steps.isEmpty()) {
            warnings.addAll(warningsOf(journal, steps.get(0), draft, employeeId));
        }
        for (int i = 0; i < others.size(); i++) {
            FollowUp step = steps.get(i + 1);
            try {
                warnings.addAll(others.get(i).get().release());
            } catch (InterruptedException interrupted) {
                // The step may still run: its own thread reports it to the journal; until then it stays running.
                Thread.currentThread().interrupt();
                warnings.add(new ExportWarning(
                        step.step().label(),
                        "The export was stopped before Factorial confirmed it. Check in Factorial; " + step.remedy()));
            } catch (ExecutionException | RuntimeException failed) {
                LOG.error(
                        "Step '{}' for Factorial employee {} failed unexpectedly",
                        step.step().label(),
                        employeeId,
                        failed);
                String message = "It failed unexpectedly. " + step.remedy();
                journal.stepFailed(step.step(), message);
                warnings.add(new ExportWarning(step.step().label(), message));
            }
        }
        return warnings;
    }

    private List<ExportWarning> warningsOf(
            ExportJournal journal, FollowUp step, EmployeeDraft draft, String employeeId) {
        List<ExportWarning> warnings = new ArrayList<>(1);
        followUp(journal, step.step(), step.remedy(), draft, employeeId, warnings, step.call());
        return warnings;
    }

    private void followUp(
            ExportJournal journal,
            FollowUpStep step,
            String remedy,
            EmployeeDraft draft,
            String employeeId,
            List<ExportWarning> warnings,
            Runnable call) {
        journal.stepStarted(step);
        String message = runStep(step, remedy, employeeId, call);
        if (message == null) {
            journal.stepDone(step);
            return;
        }
        LOG.warn(
                "Factorial employee {} for candidate {} was created, but step '{}' failed: {}",
                employeeId,
                draft.candidateId(),
                step.label(),
                message);
        journal.stepFailed(step, message);
        warnings.add(new ExportWarning(step.label(), message));
    }

    /** @return null when the step went through, else why not with what to do instead, for people */
    private static String runStep(FollowUpStep step, String remedy, String employeeId, Runnable call) {
        try {
            call.run();
            return null;
        } catch (UnprocessableEntityException refused) {
            return "Factorial refused it: " + refused.body().summary("no reason given") + ". " + remedy;
        } catch (PostOutcomeUnknownException lost) {
            return "Factorial did not confirm it (" + lost.getMessage() + "). Check in Factorial; " + remedy;
        } catch (HrisException failed) {
            return failed.getMessage() + ". " + remedy;
        } catch (RuntimeException bug) {
            LOG.error("Step '{}' for Factorial employee {} failed unexpectedly", step.label(), employeeId, bug);
            return "It failed unexpectedly. " + remedy;
        }
    }

    /** Job title and salary on the contract version the create made: an update, so doing it twice is harmless. */
    private static void setContract(
            FactorialApi factorial, EmployeeRequestBodies bodies, EmployeeDraft draft, String employeeId) {
        String versionId = factorial
                .referenceContractVersionId(employeeId)
                .orElseThrow(
                        () -> new RemoteRejectedException(404, "Factorial shows no contract for the new employee"));
        factorial.updateContractVersion(versionId, bodies.contractVersionUpdate(draft, versionId));
    }

    /**
     * Finishes a step of an export whose outcome the host did not learn. Each step looks before it writes
     * or writes what is idempotent: the reference only when the employee has none, the personal e-mail and
     * the contract as updates, and an invitation Factorial says was already sent counts as sent.
     */
    @Override
    public void resumeFollowUp(FollowUpStep step, String employeeId, EmployeeDraft draft) {
        FactorialApi factorial = api();
        EmployeeRequestBodies bodies =
                new EmployeeRequestBodies(factorial.client().config().sendsStringIds());
        String message = switch (step.id()) {
            case "ats-reference" ->
                runStep(
                        step,
                        "Enter " + reference(draft).value() + " in the employee's custom field in Factorial.",
                        employeeId,
                        () -> {
                            String fieldId = referenceFieldId();
                            if (!factorial.hasCustomFieldValue(fieldId, employeeId)) {
                                factorial.createCustomFieldValue(
                                        bodies.referenceValue(fieldId, employeeId, reference(draft)));
                            }
                        });
            case "personal-email" ->
                runStep(
                        step,
                        "Enter it on the employee's profile in Factorial.",
                        employeeId,
                        () -> draft.value(DraftKeys.PERSONAL_EMAIL)
                                .ifPresent(personal -> factorial.updateEmployee(
                                        employeeId, bodies.personalEmail(employeeId, personal))));
            case "contract-version" ->
                runStep(
                        step,
                        "Set them on the employee's contract in Factorial.",
                        employeeId,
                        () -> setContract(factorial, bodies, draft, employeeId));
            case "invitation" ->
                runStep(step, "Invite the employee from their profile in Factorial.", employeeId, () -> {
                    try {
                        factorial.invite(bodies.invitation(employeeId, companyId()));
                    } catch (UnprocessableEntityException refused) {
                        // sent before the host lost track of it: done, not to be sent twice
                        if (!refused.body()
                                .summary("")
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains("already")) {
                            throw refused;
                        }
                    }
                });
            default ->
                throw new UnsupportedOperationException("The Factorial connector has no step '" + step.id() + "'");
        };
        if (message != null) {
            throw new RemoteRejectedException(422, message);
        }
        LOG.info(
                "Finished step '{}' for Factorial employee {} (candidate {}) on connection {}",
                step.label(),
                employeeId,
                draft.candidateId(),
                settings.connectionId());
    }

    /**
     * Documents go into the employee's file (see {@link DocumentUploader}); exported employees are kept in step
     * (see {@link EmployeeUpdater}).
     */
    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.DOCUMENTS, Capability.UPDATE_EMPLOYEE);
    }

    @Override
    public EmployeeValues currentValues(String employeeId, EmployeeDraft draft) {
        return updater.read(api(), employeeId, draft);
    }

    /**
     * Checks the changed fields as an export would check them (only those: a field the user did not change is
     * not the update's business), then sends them by their routes.
     */
    @Override
    public UpdateResult update(
            String employeeId, EmployeeDraft draft, List<FieldChange> changes, UpdateOptions options) {
        FactorialApi factorial = api();
        Map<String, String> values = new LinkedHashMap<>();
        List<FieldError> problems = new ArrayList<>();
        for (FieldChange change : changes) {
            if (draft.field(change.key()).isEmpty()) {
                problems.add(new FieldError(change.key(), "Factorial's draft has no field '" + change.key() + "'."));
            } else if (values.put(change.key(), change.value()) != null) {
                problems.add(new FieldError(change.key(), "The field is named twice."));
            }
        }
        if (changes.isEmpty()) {
            problems.add(new FieldError("", "Choose at least one field to update."));
        }
        if (problems.isEmpty()) {
            EmployeeDraft changed = draft.withValues(values);
            validate(changed).stream()
                    .filter(error -> values.containsKey(error.field()))
                    .forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(
                    "Nothing was sent to Factorial: " + problems.size()
                            + (problems.size() == 1 ? " field needs" : " fields need") + " attention",
                    problems);
        }
        if (options == null) {
            options = UpdateOptions.correctCurrent();
        }
        LOG.info(
                "Updating Factorial employee {} for candidate {} on connection {}: {} ({})",
                employeeId,
                draft.candidateId(),
                settings.connectionId(),
                values.keySet(),
                options.contractChange());
        return updater.update(
                factorial,
                factorial.client().config().sendsStringIds(),
                employeeId,
                draft.withValues(values),
                changes,
                options);
    }

    @Override
    public UploadedDocument uploadDocument(String employeeId, CandidateDocument document) {
        FactorialApi factorial = api();
        return documents.upload(factorial, companyId(), employeeId, document);
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
            api = new FactorialApi(
                    new FactorialClient(config, ApiKey.of(key), postBudget, settings.connectionId(), reports));
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
