package com.hirerelay.host.automation;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.FieldError;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.api.hris.DraftField;
import com.hirerelay.api.hris.DraftFieldType;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.CandidateEditListener;
import com.hirerelay.host.candidates.CandidateFacts;
import com.hirerelay.host.candidates.CandidateLookup;
import com.hirerelay.host.candidates.ExportBaselines;
import com.hirerelay.host.candidates.ExportSummaries;
import com.hirerelay.host.candidates.ExportSummary;
import com.hirerelay.host.candidates.HiredListener;
import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.export.EmployeeUpdateService;
import com.hirerelay.host.export.EmployeeUpdateState;
import com.hirerelay.host.export.ExportService;
import com.hirerelay.host.export.ExportViews;
import com.hirerelay.host.integrations.IntegrationService;
import com.hirerelay.host.limits.FieldChecks;
import com.hirerelay.host.limits.RequestLimits;
import com.hirerelay.host.notifications.NotificationKind;
import com.hirerelay.host.notifications.Notifications;
import com.hirerelay.host.plugins.PluginFailureException;
import com.hirerelay.host.storage.SqlDialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export on Hired, run by db-scheduler: moving a candidate into the Hired stage schedules one job per
 * integration set to {@link OnHired#AUTO}, stored in the host's database ({@code scheduled_tasks}), so it
 * survives a restart. The job's instance id is {@code candidate/connector}: while one is waiting, moving the
 * candidate out and back schedules nothing more; once it ran, the candidate's successful export makes a later
 * job stop without calling the HR system. The export itself goes through {@link ExportService}, whose
 * single-flight, attempt row and look-before-create keep a racing manual export from creating a second employee.
 *
 * <p>The same engine runs the other automations: {@link OnHired#REVIEW} queues the hire on the review list
 * ({@link ReviewQueueRepository}, one row per candidate and integration) and checks its draft in a job; a scheduled
 * export ({@link #schedule}, or {@link OnHired#AUTO} with days before the start date) is the automatic export run on
 * its day, as job {@code scheduled-export} with the same instance id, so it too survives restarts and retries. What
 * fails for good or needs a person notifies the admins and the user the export runs as.
 *
 * <p>Transient failures (the HR system unreachable or rate limiting, an unconfirmed outcome, a busy plugin) are
 * retried with exponential backoff, at most {@link #MAX_TRIES} runs in all; then, or at once for a failure a
 * person must resolve, the job ends in the failed list ({@link AutomationRepository#failures}).
 *
 * <p>Why db-scheduler: one small library (no server, no UI to host), jobs in one table of our own database,
 * optimistic locking that needs no {@code SELECT ... FOR UPDATE} (so SQLite works) and first-class PostgreSQL
 * support; JobRunr needs a storage provider per database and none exists for SQLite. On SQLite the library runs
 * through {@link SqliteJdbcCustomization}; on PostgreSQL through its own PostgreSQL support, which picks due jobs
 * with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so host instances sharing the database share the jobs and each
 * job runs on one of them.
 *
 * <p>Automatic updates run on it too: when an integration sends updates by itself ({@link
 * #setSendUpdatesAutomatically}) and a person edits a candidate exported to it so that its facts differ from those
 * sent, job {@code update-on-change} (instance {@code candidate/connector}, run as the editor) sends exactly what a
 * bulk update would ({@link EmployeeUpdateService#sendChanged}). A field changed in the HR system too is never sent:
 * the admins are told and the candidate stays "Changed since export". The update's single-flight (one running
 * update per candidate and connector) makes a racing single or bulk update a transient failure, tried again later.
 */
public final class AutomationService implements HiredListener, CandidateEditListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutomationService.class);
    /** How many times an automatic export runs before it lands in the failed list. */
    public static final int MAX_TRIES = 5;
    /** The wait before the first retry; doubled for each further one (1, 2, 4, 8 minutes). */
    public static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    /** How often the engine looks for due jobs. */
    static final Duration POLLING = Duration.ofSeconds(1);

    private static final String TASK = "export-on-hired";
    private static final String REVIEW_TASK = "review-on-hired";
    private static final String SCHEDULED_TASK = "scheduled-export";
    private static final String UPDATE_TASK = "update-on-change";
    /** How often one automatic update looks again for edits made while it ran. */
    private static final int UPDATE_ROUNDS = 3;
    /** The longest review list answered at once. */
    static final int MAX_REVIEW_ITEMS = 500;

    private final AutomationRepository repository;
    private final IntegrationService integrations;
    private final ExportService exports;
    private final CandidateLookup candidates;
    private final ExportSummaries exported;
    private final Clock clock;
    private final OneTimeTask<Long> exportOnHired;
    private final OneTimeTask<Long> checkReview;
    private final ReviewQueueRepository review;
    private final OneTimeTask<Long> scheduledExport;
    private final ScheduledExportRepository schedules;
    private final Notifications notifications;
    private final UnaryOperator<String> connectorNames;
    private final EmployeeUpdateService updates;
    private final ExportBaselines baselines;
    private final OneTimeTask<Long> sendUpdate;
    private final Scheduler scheduler;

    /**
     * @param dataSource the host's database, which holds the jobs ({@code scheduled_tasks})
     * @param dialect which database it is: SQLite through this package's adapter, PostgreSQL through the
     *     library's own support
     */
    public AutomationService(
            DataSource dataSource,
            SqlDialect dialect,
            AutomationRepository repository,
            ReviewQueueRepository review,
            ScheduledExportRepository schedules,
            Notifications notifications,
            IntegrationService integrations,
            ExportService exports,
            CandidateLookup candidates,
            ExportSummaries exported,
            EmployeeUpdateService updates,
            ExportBaselines baselines,
            UnaryOperator<String> connectorNames,
            Clock clock) {
        this.updates = updates;
        this.baselines = baselines;
        this.repository = repository;
        this.review = review;
        this.schedules = schedules;
        this.notifications = notifications;
        this.connectorNames = connectorNames;
        this.integrations = integrations;
        this.exports = exports;
        this.candidates = candidates;
        this.exported = exported;
        this.clock = clock;
        this.exportOnHired =
                Tasks.oneTime(TASK, Long.class).onFailure(new RetryThenList()).execute(this::run);
        // Checking a queued draft asks the HR system for reference data: done by the engine, not the request.
        this.checkReview = Tasks.oneTime(REVIEW_TASK, Long.class).execute(this::checkQueued);
        // A scheduled export is the automatic export run on its day: same checks, retries and failed list.
        this.scheduledExport = Tasks.oneTime(SCHEDULED_TASK, Long.class)
                .onFailure(new RetryThenList())
                .execute(this::runScheduled);
        // An automatic update: the same retries and failed list as an automatic export.
        this.sendUpdate = Tasks.oneTime(UPDATE_TASK, Long.class)
                .onFailure(new RetryThenList())
                .execute(this::runUpdate);
        SchedulerBuilder builder =
                Scheduler.create(dataSource, List.of(exportOnHired, checkReview, scheduledExport, sendUpdate));
        if (dialect == SqlDialect.POSTGRESQL) {
            // Timestamps with time zone stored in UTC; due jobs locked and fetched in one statement.
            builder.jdbcCustomization(new PostgreSqlJdbcCustomization(false, true))
                    .alwaysPersistTimestampInUTC()
                    .pollUsingLockAndFetch(0.5, 1.0);
        } else {
            builder.jdbcCustomization(new SqliteJdbcCustomization());
        }
        this.scheduler = builder.clock(clock::instant)
                .pollingInterval(POLLING)
                .threads(2)
                // Plugin calls are bounded by their time limits, so a stop need not wait the library's 30 minutes.
                .shutdownMaxWait(Duration.ofSeconds(30))
                .failureLogging(com.github.kagkarlsson.scheduler.logging.LogLevel.WARN, false)
                .build();
    }

    /** Starts running due jobs, including those left from before a restart. */
    public void start() {
        scheduler.start();
    }

    @Override
    public void close() {
        scheduler.stop();
    }

    /** @return what the integration does when a candidate is hired */
    public OnHired onHired(String connectorId) {
        integrations.requireUsable(connectorId);
        return repository.onHired(connectorId);
    }

    /** @return how many days before the start date an automatic export waits for, or null for at once */
    public Integer daysBeforeStart(String connectorId) {
        return repository.daysBeforeStart(connectorId);
    }

    /**
     * Sets what the integration does when a candidate is hired.
     *
     * @param daysBeforeStart with {@link OnHired#AUTO}: export that many days before the candidate's start date
     *     instead of at once (a hire without a start date, or one whose day has passed, is exported at once); null
     *     for at once
     */
    public OnHired setOnHired(String connectorId, OnHired onHired, Integer daysBeforeStart, User user) {
        integrations.requireUsable(connectorId);
        repository.setOnHired(connectorId, onHired, daysBeforeStart, user.name(), clock.instant());
        LOG.info(
                "Export on Hired of {} set to {} (days before start: {}) by user {}",
                connectorId,
                onHired,
                daysBeforeStart,
                user.id());
        return onHired;
    }

    /** @return whether changes made in the ATS after an export are sent to the integration by themselves */
    public boolean sendsUpdatesAutomatically(String connectorId) {
        integrations.requireUsable(connectorId);
        return repository.sendsUpdatesAutomatically(connectorId);
    }

    /** Turns automatic updates of the integration on or off; edits made before are not sent by turning it on. */
    public boolean setSendUpdatesAutomatically(String connectorId, boolean automatically, User user) {
        integrations.requireUsable(connectorId);
        repository.setSendUpdatesAutomatically(connectorId, automatically, user.name(), clock.instant());
        LOG.info("Automatic updates of {} turned {} by user {}", connectorId, automatically ? "on" : "off", user.id());
        return automatically;
    }

    @Override
    public void edited(long candidateId, User editedBy) {
        followStartDate(candidateId);
        List<String> connectors = repository.integrationsSendingUpdates();
        if (connectors.isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> sent =
                baselines.baselinesFor(List.of(candidateId)).getOrDefault(candidateId, Map.of());
        Optional<Map<String, String>> now =
                candidates.findForExport(candidateId).map(CandidateFacts::of);
        for (String connectorId : connectors) {
            Map<String, String> baseline = sent.get(connectorId);
            if (baseline == null
                    || now.isEmpty()
                    || CandidateFacts.changed(baseline, now.get()).isEmpty()) {
                continue; // never sent to it, or nothing it was sent differs now
            }
            // One job per candidate and integration: a waiting (or retrying) one reads the latest values when it
            // runs, and a running one looks again after its update, so a second edit schedules nothing more.
            boolean scheduled = scheduler.scheduleIfNotExists(
                    sendUpdate.instance(candidateId + "/" + connectorId, editedBy.id()), clock.instant());
            LOG.info(
                    "Candidate {} edited by user {}: automatic update to {} {}",
                    candidateId,
                    editedBy.id(),
                    connectorId,
                    scheduled ? "scheduled" : "already waiting");
        }
    }

    private void runUpdate(TaskInstance<Long> instance, ExecutionContext context) {
        String[] parts = instance.getId().split("/", 2);
        long candidateId = Long.parseLong(parts[0]);
        String connectorId = parts[1];
        if (!repository.sendsUpdatesAutomatically(connectorId)) {
            LOG.info("Automatic update of candidate {} to {} skipped: turned off since", candidateId, connectorId);
            return;
        }
        Optional<User> user = repository.user(instance.getData());
        if (user.isEmpty()) {
            stopUpdate(candidateId, connectorId, FailureKind.NEEDS_REVIEW, 1, "The user who edited it is gone.", null);
            return;
        }
        int tries = context.getExecution().consecutiveFailures + 1;
        boolean conflictTold = false;
        try {
            for (int round = 0; round < UPDATE_ROUNDS; round++) {
                EmployeeUpdateService.AutomaticUpdate sent = updates.sendChanged(candidateId, connectorId, user.get());
                if (sent.changed().hasConflicts() && !conflictTold) {
                    conflictTold = true;
                    tellConflict(candidateId, connectorId, sent.changed(), user.get());
                }
                if (sent.outcome() == null) {
                    return; // nothing (more) to send
                }
                LOG.info(
                        "Automatic update of candidate {} to {}: {} ({} field(s), update {})",
                        candidateId,
                        connectorId,
                        sent.outcome().state(),
                        sent.outcome().fields().size(),
                        sent.outcome().updateId());
                if (sent.outcome().state() != EmployeeUpdateState.UPDATED) {
                    stopUpdate(
                            candidateId,
                            connectorId,
                            FailureKind.FAILED,
                            tries,
                            refusedFields(sent.outcome()),
                            instance.getData());
                    return;
                }
                repository.clearFailure(candidateId, connectorId);
                // an edit made while this ran found this job waiting; look once more for it
            }
        } catch (RuntimeException failure) {
            if (transient_(failure)) {
                throw failure; // RetryThenList decides between another try and the failed list
            }
            stopUpdate(
                    candidateId, connectorId, FailureKind.NEEDS_REVIEW, tries, describe(failure), instance.getData());
        }
    }

    private static String refusedFields(EmployeeUpdateService.UpdateOutcome outcome) {
        return "Not all fields went through: "
                + String.join(
                        "; ",
                        outcome.fields().stream()
                                .filter(field -> !"UPDATED".equals(field.status()))
                                .map(field -> field.label() + " ("
                                        + (field.message() == null ? "refused" : field.message()) + ")")
                                .toList())
                + ". Open the candidate's update to send them.";
    }

    /** A field changed on both sides is never sent by itself: the admins and the editor are told. */
    private void tellConflict(
            long candidateId, String connectorId, EmployeeUpdateService.ChangedFields changed, User editedBy) {
        String name = connectorNames.apply(connectorId);
        List<String> labels = changed.leftOut().stream()
                .filter(EmployeeUpdateService.LeftOut::conflict)
                .map(EmployeeUpdateService.LeftOut::label)
                .toList();
        LOG.info(
                "Automatic update of candidate {} to {} left {} field(s) changed on both sides for a person",
                candidateId,
                connectorId,
                labels.size());
        notifications.notifyAdminsAnd(
                editedBy.id(),
                NotificationKind.NEEDS_REVIEW,
                candidateId,
                connectorId,
                "Changed in the ATS and in " + name + " since the export: " + String.join(", ", labels)
                        + ". Not sent automatically; open the candidate's update to choose the value to keep.",
                clock.instant());
    }

    /** Lists the automatic update as failed and tells the admins and the editor ({@code userId}, may be null). */
    private void stopUpdate(
            long candidateId, String connectorId, FailureKind kind, int tries, String message, Long userId) {
        LOG.warn(
                "Automatic update of candidate {} to {} stopped after {} tries ({}): {}",
                candidateId,
                connectorId,
                tries,
                kind,
                message);
        String text = "The automatic update in " + connectorNames.apply(connectorId)
                + (kind == FailureKind.FAILED ? " failed: " : " needs review: ") + message;
        repository.recordFailure(candidateId, connectorId, kind, tries, text, clock.instant());
        notifications.notifyAdminsAnd(
                userId,
                kind == FailureKind.FAILED ? NotificationKind.FAILED : NotificationKind.NEEDS_REVIEW,
                candidateId,
                connectorId,
                text,
                clock.instant());
    }

    /** @return the upcoming scheduled exports, of one candidate or (null) of all, soonest first */
    public List<ScheduledExport> upcoming(Long candidateId) {
        return schedules.upcoming(candidateId, MAX_REVIEW_ITEMS, connectorNames);
    }

    /**
     * Schedules the candidate's export to the integration at the start of that day in the host's time zone, run as
     * the user; a day chosen before is replaced.
     *
     * @throws RequestRefusedException when the day has passed (422), the candidate is unknown (404) or exported to
     *     the integration already (409)
     */
    public ScheduledExport schedule(long candidateId, String connectorId, LocalDate exportOn, User user) {
        return schedule(candidateId, connectorId, new ExportDay(exportOn, null, null), Map.of(), user);
    }

    /**
     * When a scheduled export runs: on {@code exportOn}, or {@code daysBefore} days before the date in the draft's
     * date field {@code beforeField} (the user's edited value when the user edited it, such as a changed start date).
     */
    public record ExportDay(LocalDate exportOn, Integer daysBefore, String beforeField) {}

    /**
     * Schedules the candidate's export with the fields the user edited in the export dialog. Only the fields whose
     * value differs from the draft (the ATS's values) are kept: on the day they are sent over the candidate's data of
     * that day, so the user's explicit edits win and every other field is fresh. The upcoming list names them.
     *
     * @param values the dialog's values by field key (all of them, or only the edited ones); empty for none
     * @throws RequestRefusedException 422 naming {@code values.<key>}, {@code daysBefore} or {@code beforeField} for
     *     an unknown field, a value too long, or a day that cannot be worked out or has passed; as
     *     {@link #schedule(long, String, LocalDate, User)} otherwise
     */
    public ScheduledExport schedule(
            long candidateId, String connectorId, ExportDay when, Map<String, String> values, User user) {
        integrations.requireUsable(connectorId);
        Candidate candidate = candidates
                .findForExport(candidateId)
                .orElseThrow(() ->
                        new RequestRefusedException(Reason.NOT_FOUND, "There is no candidate " + candidateId + "."));
        Map<String, String> edits = new LinkedHashMap<>();
        List<String> editedFields = new ArrayList<>();
        LocalDate exportOn = when.exportOn();
        if (!values.isEmpty() || when.daysBefore() != null) {
            exportOn = editsAndDay(candidateId, connectorId, when, values, user, edits, editedFields);
        }
        if (exportOn == null) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Choose the day to export on.",
                    List.of(new FieldError("exportOn", "Enter a day such as 2027-01-04.")));
        }
        if (exportOn.isBefore(LocalDate.now(clock))) {
            throw new RequestRefusedException(
                    Reason.VALIDATION_FAILED,
                    "Choose today or a later day.",
                    List.of(new FieldError("exportOn", "This day has passed; choose today or a later day.")));
        }
        if (exportedTo(exported.latestFor(List.of(candidateId)), candidateId, connectorId)) {
            throw new RequestRefusedException(
                    Reason.NOT_EXPORTABLE,
                    candidate.fullName() + " has been exported to " + connectorNames.apply(connectorId) + " already.");
        }
        if (review.isDismissed(candidateId, connectorId)) {
            throw new RequestRefusedException(
                    Reason.NOT_EXPORTABLE,
                    candidate.fullName() + " was dismissed from the review list of " + connectorNames.apply(connectorId)
                            + "; restore it there first.");
        }
        schedules.put(
                candidateId,
                connectorId,
                exportOn,
                ScheduleOrigin.CHOSEN,
                user.id(),
                clock.instant(),
                edits,
                editedFields);
        scheduler.schedule(
                scheduledExport.instance(candidateId + "/" + connectorId, user.id()),
                startOf(exportOn),
                SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        LOG.info(
                "Export of candidate {} to {} scheduled for {} by user {} with {} edited field(s)",
                candidateId,
                connectorId,
                exportOn,
                user.id(),
                edits.size());
        return schedules.upcoming(candidateId, MAX_REVIEW_ITEMS, connectorNames).stream()
                .filter(item -> item.connectorId().equals(connectorId))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Keeps the submitted values that differ from the ATS's draft (into {@code edits}, and as "Label: value" into
     * {@code editedFields}) and works out the day.
     *
     * @return the day to export on
     */
    private LocalDate editsAndDay(
            long candidateId,
            String connectorId,
            ExportDay when,
            Map<String, String> values,
            User user,
            Map<String, String> edits,
            List<String> editedFields) {
        ExportViews.Draft draft = exports.draft(candidateId, connectorId, user);
        // A draft restored from the user's failed attempt shows that attempt's values; the ATS's are the baseline.
        Map<String, String> ats = new LinkedHashMap<>();
        draft.fields().forEach(field -> ats.put(field.key(), field.value()));
        if (draft.atsValues() != null) {
            ats.putAll(draft.atsValues());
        }
        FieldChecks checks = new FieldChecks();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            Optional<DraftField> field =
                    draft.fields().stream().filter(f -> f.key().equals(key)).findFirst();
            if (field.isEmpty()) {
                checks.add("values." + key, "This export has no such field.");
                continue;
            }
            checks.text("values." + key, entry.getValue(), RequestLimits.MAX_TEXT_CHARS);
            String value = entry.getValue() == null ? "" : entry.getValue();
            String before = ats.get(key) == null ? "" : ats.get(key);
            if (!value.strip().equals(before.strip())) {
                edits.put(key, value);
                editedFields.add(field.get().label() + ": " + (value.isBlank() ? "(empty)" : value));
            }
        }
        LocalDate day = when.exportOn();
        if (when.daysBefore() != null) {
            String key = when.beforeField() == null ? "" : when.beforeField();
            Optional<DraftField> dateField = draft.fields().stream()
                    .filter(f -> f.key().equals(key) && f.type() == DraftFieldType.DATE)
                    .findFirst();
            if (when.daysBefore() < 0 || when.daysBefore() > 365) {
                checks.add("daysBefore", "Enter a number of days from 0 to 365.");
            } else if (dateField.isEmpty()) {
                checks.add("beforeField", "Choose one of the export's date fields.");
            } else {
                String date = values.containsKey(key) ? values.get(key) : ats.get(key);
                try {
                    day = LocalDate.parse(date == null ? "" : date.strip()).minusDays(when.daysBefore());
                    if (day.isBefore(LocalDate.now(clock))) {
                        checks.add(
                                "daysBefore",
                                when.daysBefore() + " days before "
                                        + dateField.get().label() + " " + date.strip() + " is " + day
                                        + ", which has passed; choose a day or export now.");
                    }
                } catch (DateTimeParseException noDate) {
                    checks.add(
                            "beforeField",
                            dateField.get().label() + " has no date to count back from; fill it or choose a day.");
                }
            }
        }
        checks.throwIfAny("The export cannot be scheduled like this; nothing was scheduled.");
        return day;
    }

    /**
     * Cancels the candidate's scheduled export to the integration.
     *
     * @throws RequestRefusedException when none is scheduled (404) or it is running right now (409)
     */
    public void cancelSchedule(long candidateId, String connectorId, User user) {
        TaskInstanceId job = TaskInstanceId.of(SCHEDULED_TASK, candidateId + "/" + connectorId);
        Optional<ScheduledExecution<Object>> waiting = scheduler.getScheduledExecution(job);
        if (waiting.isPresent() && waiting.get().isPicked()) {
            throw new RequestRefusedException(
                    Reason.EXPORT_IN_PROGRESS,
                    "The scheduled export is running right now; see its result in a moment.");
        }
        boolean listed = schedules.remove(candidateId, connectorId);
        if (waiting.isPresent()) {
            scheduler.cancel(job);
        }
        if (!listed && waiting.isEmpty()) {
            throw new RequestRefusedException(
                    Reason.NOT_FOUND,
                    "No export of candidate " + candidateId + " to " + connectorId + " is scheduled.");
        }
        LOG.info("Scheduled export of candidate {} to {} cancelled by user {}", candidateId, connectorId, user.id());
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    /** @return the automatic exports that stopped without an employee, newest first */
    public List<AutomationFailure> failures() {
        return repository.failures(500);
    }

    /**
     * @return the review list: hired candidates queued by integrations set to {@link OnHired#REVIEW} and not
     *     exported to them yet, oldest first; candidates exported meanwhile (by any path) leave the list here
     */
    public List<ReviewItem> reviewList() {
        return reviewList(false);
    }

    /**
     * @param dismissed whether to list the dismissed items (most recently dismissed first) instead
     * @return the review list, or its dismissed items; candidates exported meanwhile leave it here
     */
    public List<ReviewItem> reviewList(boolean dismissed) {
        List<ReviewItem> queued = review.hiredAndQueued(dismissed, MAX_REVIEW_ITEMS, connectorNames);
        Map<Long, List<ExportSummary>> done =
                exported.latestFor(queued.stream().map(ReviewItem::candidateId).toList());
        List<ReviewItem> waiting = new ArrayList<>();
        for (ReviewItem item : queued) {
            if (exportedTo(done, item.candidateId(), item.connectorId())) {
                if (!dismissed) { // a dismissal stays on record; an exported candidate is just not listed
                    review.remove(item.candidateId(), item.connectorId());
                }
            } else {
                waiting.add(item);
            }
        }
        return List.copyOf(waiting);
    }

    /** The longest reason a dismissal takes. */
    static final int MAX_REASON_CHARS = 500;

    /**
     * Takes a candidate off the integration's review list with the user's reason. A dismissed candidate is not
     * exported automatically (on Hired, or on a day chosen before) until restored: its waiting jobs are cancelled.
     *
     * @throws RequestRefusedException 422 (field {@code reason}) without a reason; 404 when the candidate is not on
     *     the list; 409 when it was dismissed already or an automatic export of it is running right now
     */
    public ReviewItem dismiss(long candidateId, String connectorId, String reason, User user) {
        String why = reason == null ? "" : reason.strip();
        new FieldChecks()
                .required("reason", why, MAX_REASON_CHARS, "A reason")
                .throwIfAny("Say why the candidate is dismissed.");
        ReviewItem item = onList(candidateId, connectorId);
        if (item.dismissedAt() != null) {
            throw new RequestRefusedException(
                    Reason.DUPLICATE, item.candidateName() + " was dismissed already by " + item.dismissedBy() + ".");
        }
        for (String task : List.of(TASK, SCHEDULED_TASK)) {
            Optional<ScheduledExecution<Object>> waiting =
                    scheduler.getScheduledExecution(TaskInstanceId.of(task, candidateId + "/" + connectorId));
            if (waiting.isPresent() && waiting.get().isPicked()) {
                throw new RequestRefusedException(
                        Reason.EXPORT_IN_PROGRESS,
                        "An automatic export of " + item.candidateName() + " is running right now; see its result"
                                + " in a moment.");
            }
        }
        if (!review.dismiss(candidateId, connectorId, user.id(), why, clock.instant())) {
            throw new RequestRefusedException(
                    Reason.DUPLICATE, item.candidateName() + " was dismissed already by someone else.");
        }
        for (String task : List.of(TASK, SCHEDULED_TASK)) {
            TaskInstanceId job = TaskInstanceId.of(task, candidateId + "/" + connectorId);
            if (scheduler.getScheduledExecution(job).isPresent()) {
                scheduler.cancel(job);
            }
        }
        schedules.remove(candidateId, connectorId);
        LOG.info("Candidate {} dismissed from the review list of {} by user {}", candidateId, connectorId, user.id());
        return onList(candidateId, connectorId);
    }

    /**
     * Puts a dismissed candidate back on the integration's review list; nothing is exported until a person sends it.
     *
     * @throws RequestRefusedException 404 when the candidate is not on the list; 409 when it is not dismissed
     */
    public ReviewItem restore(long candidateId, String connectorId, User user) {
        ReviewItem item = onList(candidateId, connectorId);
        if (!review.restore(candidateId, connectorId, user.id(), clock.instant())) {
            throw new RequestRefusedException(
                    Reason.NOT_EXPORTABLE, item.candidateName() + " is on the review list, not dismissed.");
        }
        LOG.info("Candidate {} restored to the review list of {} by user {}", candidateId, connectorId, user.id());
        return onList(candidateId, connectorId);
    }

    private ReviewItem onList(long candidateId, String connectorId) {
        return review.find(candidateId, connectorId, connectorNames)
                .orElseThrow(() -> new RequestRefusedException(
                        Reason.NOT_FOUND,
                        "Candidate " + candidateId + " is not on the review list of "
                                + connectorNames.apply(connectorId) + "."));
    }

    @Override
    public void hired(long candidateId, User movedBy) {
        for (String connectorId : repository.integrationsOnHired(OnHired.REVIEW)) {
            if (exportedTo(exported.latestFor(List.of(candidateId)), candidateId, connectorId)) {
                LOG.info(
                        "Candidate {} hired by user {}: exported to {} already",
                        candidateId,
                        movedBy.id(),
                        connectorId);
                continue;
            }
            boolean queued = review.queue(candidateId, connectorId, movedBy.id(), clock.instant());
            if (queued) {
                notifications.notifyAdminsAnd(
                        movedBy.id(),
                        NotificationKind.NEEDS_REVIEW,
                        candidateId,
                        connectorId,
                        "Hired: waits on the review list before it is exported to " + connectorNames.apply(connectorId)
                                + ".",
                        clock.instant());
                scheduler.scheduleIfNotExists(
                        checkReview.instance(candidateId + "/" + connectorId, movedBy.id()), clock.instant());
            }
            LOG.info(
                    "Candidate {} hired by user {}: {} the review list of {}",
                    candidateId,
                    movedBy.id(),
                    queued ? "put on" : "already on",
                    connectorId);
        }
        for (String connectorId : repository.integrationsOnHired(OnHired.AUTO)) {
            if (review.isDismissed(candidateId, connectorId)) {
                LOG.info(
                        "Candidate {} hired by user {}: not exported to {}, dismissed from its review list",
                        candidateId,
                        movedBy.id(),
                        connectorId);
                continue;
            }
            Optional<LocalDate> day = dayBeforeStart(candidateId, connectorId);
            if (day.isPresent()) {
                // Waits for its day: one job per candidate and integration, so a rehire schedules nothing more.
                TaskInstance<Long> later = scheduledExport.instance(candidateId + "/" + connectorId, movedBy.id());
                if (scheduler.scheduleIfNotExists(later, startOf(day.get()))) {
                    schedules.put(
                            candidateId,
                            connectorId,
                            day.get(),
                            ScheduleOrigin.BEFORE_START,
                            movedBy.id(),
                            clock.instant());
                }
                LOG.info(
                        "Candidate {} hired by user {}: export to {} on {}",
                        candidateId,
                        movedBy.id(),
                        connectorId,
                        day.get());
                continue;
            }
            TaskInstance<Long> instance = exportOnHired.instance(candidateId + "/" + connectorId, movedBy.id());
            boolean scheduled = scheduler.scheduleIfNotExists(instance, clock.instant());
            LOG.info(
                    "Candidate {} hired by user {}: automatic export to {} {}",
                    candidateId,
                    movedBy.id(),
                    connectorId,
                    scheduled ? "scheduled" : "already waiting");
        }
    }

    /**
     * A start date moved after hiring moves the export that waits for "N days before" it: exporting on the old
     * day would create the employee weeks early (billed) or after the new start. A day already passed exports at
     * once. A day a person chose is theirs and stays.
     */
    private void followStartDate(long candidateId) {
        for (ScheduledExport waiting : schedules.upcoming(candidateId, MAX_REVIEW_ITEMS, connectorNames)) {
            if (waiting.origin() != ScheduleOrigin.BEFORE_START) {
                continue;
            }
            Integer days = repository.daysBeforeStart(waiting.connectorId());
            Optional<LocalDate> start = candidates
                    .findForExport(candidateId)
                    .map(candidate -> candidate.offer().startDate());
            if (days == null || start.isEmpty()) {
                continue; // the integration stopped counting back, or the start date was cleared: keep the day
            }
            LocalDate day = start.get().minusDays(days);
            if (day.toString().equals(waiting.exportOn())) {
                continue;
            }
            Instant when = day.isAfter(LocalDate.now(clock)) ? startOf(day) : clock.instant();
            String id = candidateId + "/" + waiting.connectorId();
            boolean moved;
            try {
                moved = scheduler.reschedule(TaskInstanceId.of(SCHEDULED_TASK, id), when);
            } catch (RuntimeException runningOrGone) {
                moved = false;
            }
            if (!moved) {
                LOG.warn(
                        "Export of candidate {} to {} not moved to {}: it is running or has run",
                        candidateId,
                        waiting.connectorId(),
                        day);
                continue;
            }
            schedules.moveTo(candidateId, waiting.connectorId(), day);
            LOG.info(
                    "Export of candidate {} to {} moved from {} to {}: the start date moved",
                    candidateId,
                    waiting.connectorId(),
                    waiting.exportOn(),
                    day);
        }
    }

    /** @return the day to export on when the integration waits for the start date and that day is still ahead */
    private Optional<LocalDate> dayBeforeStart(long candidateId, String connectorId) {
        Integer days = repository.daysBeforeStart(connectorId);
        if (days == null) {
            return Optional.empty();
        }
        return candidates
                .findForExport(candidateId)
                .map(candidate -> candidate.offer().startDate())
                .map(start -> start.minusDays(days))
                .filter(day -> day.isAfter(LocalDate.now(clock)));
    }

    private void runScheduled(TaskInstance<Long> instance, ExecutionContext context) {
        String[] parts = instance.getId().split("/", 2);
        // The user's edits from the dialog win over the candidate's data of today; the other fields are fresh.
        Map<String, String> edits = schedules.edits(Long.parseLong(parts[0]), parts[1]);
        run(instance, context, edits); // a transient failure throws: the row stays until the last retry
        schedules.remove(Long.parseLong(parts[0]), parts[1]);
    }

    private static boolean exportedTo(Map<Long, List<ExportSummary>> done, long candidateId, String connectorId) {
        return done.getOrDefault(candidateId, List.of()).stream()
                .anyMatch(summary -> summary.connectorId().equals(connectorId));
    }

    /** Checks a queued candidate's draft once, so the list shows which required fields a person must fill. */
    private void checkQueued(TaskInstance<Long> instance, ExecutionContext context) {
        String[] parts = instance.getId().split("/", 2);
        long candidateId = Long.parseLong(parts[0]);
        String connectorId = parts[1];
        Optional<User> user = repository.user(instance.getData());
        if (user.isEmpty()) {
            review.recordCheck(candidateId, connectorId, null, "The user who hired the candidate is gone.");
            return;
        }
        try {
            List<String> missing = exports.draft(candidateId, connectorId, user.get()).fields().stream()
                    .filter(field -> field.required()
                            && (field.value() == null || field.value().isBlank()))
                    .map(field -> field.label())
                    .toList();
            review.recordCheck(candidateId, connectorId, missing, null);
        } catch (RuntimeException failure) {
            if (!(failure instanceof HostException) && !(failure instanceof HrisException)) {
                LOG.error("Checking the draft of queued candidate {} for {} failed", candidateId, connectorId, failure);
            }
            review.recordCheck(candidateId, connectorId, null, describe(failure));
        }
    }

    private void run(TaskInstance<Long> instance, ExecutionContext context) {
        run(instance, context, Map.of());
    }

    private void run(TaskInstance<Long> instance, ExecutionContext context, Map<String, String> edits) {
        String[] parts = instance.getId().split("/", 2);
        long candidateId = Long.parseLong(parts[0]);
        String connectorId = parts[1];
        Optional<Candidate> candidate = candidates.findForExport(candidateId);
        if (candidate.isEmpty() || !candidate.get().isHired()) {
            LOG.info("Automatic export of candidate {} to {} skipped: no longer hired", candidateId, connectorId);
            return;
        }
        if (exportedTo(exported.latestFor(List.of(candidateId)), candidateId, connectorId)) {
            LOG.info("Automatic export of candidate {} to {} skipped: exported already", candidateId, connectorId);
            repository.clearFailure(candidateId, connectorId);
            return;
        }
        if (review.isDismissed(candidateId, connectorId)) {
            LOG.info("Automatic export of candidate {} to {} skipped: dismissed from review", candidateId, connectorId);
            return;
        }
        Optional<User> user = repository.user(instance.getData());
        if (user.isEmpty()) {
            stop(
                    candidateId,
                    connectorId,
                    FailureKind.NEEDS_REVIEW,
                    1,
                    "The user who hired the candidate is gone.",
                    null);
            return;
        }
        int tries = context.getExecution().consecutiveFailures + 1;
        try {
            ExportViews.Outcome outcome = exports.export(candidateId, connectorId, edits, user.get());
            repository.clearFailure(candidateId, connectorId);
            LOG.info(
                    "Automatic export of candidate {} to {}: {} employee {}",
                    candidateId,
                    connectorId,
                    outcome.outcome(),
                    outcome.employeeId());
        } catch (RuntimeException failure) {
            if (transient_(failure)) {
                throw failure; // RetryThenList decides between another try and the failed list
            }
            stop(candidateId, connectorId, FailureKind.NEEDS_REVIEW, tries, describe(failure), instance.getData());
        }
    }

    /** Failures that may pass by themselves: worth another try later. */
    private static boolean transient_(Throwable failure) {
        if (failure instanceof RequestRefusedException refused) {
            return refused.reason() == Reason.BUSY || refused.reason() == Reason.EXPORT_IN_PROGRESS;
        }
        return failure instanceof RemoteUnavailableException
                || failure instanceof RateLimitedException
                || failure instanceof ExportOutcomeUnknownException
                || failure instanceof PluginFailureException;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof HrisException hris) {
            return ApiError.of(hris).message();
        }
        if (failure instanceof RequestRefusedException refused
                && !refused.fieldErrors().isEmpty()) {
            return refused.getMessage() + " ("
                    + String.join(
                            "; ",
                            refused.fieldErrors().stream()
                                    .map(error -> error.field() + ": " + error.message())
                                    .toList())
                    + ")";
        }
        return failure instanceof HostException ? failure.getMessage() : "Unexpected failure; it has been logged.";
    }

    /** Lists the export as failed and tells the admins and the user it ran as ({@code userId}, may be null). */
    private void stop(long candidateId, String connectorId, FailureKind kind, int tries, String message, Long userId) {
        LOG.warn(
                "Automatic export of candidate {} to {} stopped after {} tries ({}): {}",
                candidateId,
                connectorId,
                tries,
                kind,
                message);
        repository.recordFailure(candidateId, connectorId, kind, tries, message, clock.instant());
        notifications.notifyAdminsAnd(
                userId,
                kind == FailureKind.FAILED ? NotificationKind.FAILED : NotificationKind.NEEDS_REVIEW,
                candidateId,
                connectorId,
                "The export to "
                        + connectorNames.apply(connectorId)
                        + (kind == FailureKind.FAILED ? " failed: " : " needs review: ")
                        + message,
                clock.instant());
    }

    /** Reschedules a transient failure with exponential backoff; after {@link #MAX_TRIES} lists it as failed. */
    private final class RetryThenList implements FailureHandler<Long> {
        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Long> operations) {
            int tries = complete.getExecution().consecutiveFailures + 1;
            String[] parts = complete.getExecution().taskInstance.getId().split("/", 2);
            Throwable cause = complete.getCause().orElse(null);
            if (tries < MAX_TRIES && cause != null && transient_(cause)) {
                Instant next = clock.instant().plus(FIRST_RETRY.multipliedBy(1L << (tries - 1)));
                LOG.info(
                        "Automatic export {} failed (try {} of {}), next try at {}: {}",
                        complete.getExecution().taskInstance.getId(),
                        tries,
                        MAX_TRIES,
                        next,
                        cause.getMessage());
                operations.reschedule(complete, next);
                return;
            }
            if (cause != null && !transient_(cause)) {
                LOG.error(
                        "Automatic export {} failed unexpectedly",
                        complete.getExecution().taskInstance.getId(),
                        cause);
            }
            operations.remove();
            long candidateId = Long.parseLong(parts[0]);
            if (complete.getExecution().taskInstance.getTaskName().equals(SCHEDULED_TASK)) {
                schedules.remove(candidateId, parts[1]);
            }
            String message = (cause == null ? "Failed" : describe(cause)) + " Tried " + tries + " times.";
            Long user = complete.getExecution().taskInstance.getData() instanceof Long id ? id : null;
            if (complete.getExecution().taskInstance.getTaskName().equals(UPDATE_TASK)) {
                stopUpdate(candidateId, parts[1], FailureKind.FAILED, tries, message, user);
            } else {
                stop(candidateId, parts[1], FailureKind.FAILED, tries, message, user);
            }
        }
    }
}
