package com.hirerelay.host.automation;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.hirerelay.api.ExportOutcomeUnknownException;
import com.hirerelay.api.HrisException;
import com.hirerelay.api.RateLimitedException;
import com.hirerelay.api.RemoteUnavailableException;
import com.hirerelay.api.candidate.Candidate;
import com.hirerelay.host.auth.User;
import com.hirerelay.host.candidates.CandidateLookup;
import com.hirerelay.host.candidates.ExportSummaries;
import com.hirerelay.host.candidates.HiredListener;
import com.hirerelay.host.errors.ApiError;
import com.hirerelay.host.errors.HostException;
import com.hirerelay.host.errors.RequestRefusedException;
import com.hirerelay.host.errors.RequestRefusedException.Reason;
import com.hirerelay.host.export.ExportService;
import com.hirerelay.host.export.ExportViews;
import com.hirerelay.host.integrations.IntegrationService;
import com.hirerelay.host.plugins.PluginFailureException;
import com.hirerelay.host.storage.SqlDialect;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 */
public final class AutomationService implements HiredListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutomationService.class);
    /** How many times an automatic export runs before it lands in the failed list. */
    public static final int MAX_TRIES = 5;
    /** The wait before the first retry; doubled for each further one (1, 2, 4, 8 minutes). */
    public static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    /** How often the engine looks for due jobs. */
    static final Duration POLLING = Duration.ofSeconds(1);

    private static final String TASK = "export-on-hired";

    private final AutomationRepository repository;
    private final IntegrationService integrations;
    private final ExportService exports;
    private final CandidateLookup candidates;
    private final ExportSummaries exported;
    private final Clock clock;
    private final OneTimeTask<Long> exportOnHired;
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
            IntegrationService integrations,
            ExportService exports,
            CandidateLookup candidates,
            ExportSummaries exported,
            Clock clock) {
        this.repository = repository;
        this.integrations = integrations;
        this.exports = exports;
        this.candidates = candidates;
        this.exported = exported;
        this.clock = clock;
        this.exportOnHired =
                Tasks.oneTime(TASK, Long.class).onFailure(new RetryThenList()).execute(this::run);
        SchedulerBuilder builder = Scheduler.create(dataSource, List.of(exportOnHired));
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

    /** Sets what the integration does when a candidate is hired. */
    public OnHired setOnHired(String connectorId, OnHired onHired, User user) {
        integrations.requireUsable(connectorId);
        repository.setOnHired(connectorId, onHired, user.name(), clock.instant());
        LOG.info("Export on Hired of {} set to {} by user {}", connectorId, onHired, user.id());
        return onHired;
    }

    /** @return the automatic exports that stopped without an employee, newest first */
    public List<AutomationFailure> failures() {
        return repository.failures(500);
    }

    @Override
    public void hired(long candidateId, User movedBy) {
        for (String connectorId : repository.exportingOnHired()) {
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

    private void run(TaskInstance<Long> instance, ExecutionContext context) {
        String[] parts = instance.getId().split("/", 2);
        long candidateId = Long.parseLong(parts[0]);
        String connectorId = parts[1];
        Optional<Candidate> candidate = candidates.findForExport(candidateId);
        if (candidate.isEmpty() || !candidate.get().isHired()) {
            LOG.info("Automatic export of candidate {} to {} skipped: no longer hired", candidateId, connectorId);
            return;
        }
        boolean done = exported.latestFor(List.of(candidateId)).getOrDefault(candidateId, List.of()).stream()
                .anyMatch(summary -> summary.connectorId().equals(connectorId));
        if (done) {
            LOG.info("Automatic export of candidate {} to {} skipped: exported already", candidateId, connectorId);
            repository.clearFailure(candidateId, connectorId);
            return;
        }
        Optional<User> user = repository.user(instance.getData());
        if (user.isEmpty()) {
            stop(candidateId, connectorId, FailureKind.NEEDS_REVIEW, 1, "The user who hired the candidate is gone.");
            return;
        }
        int tries = context.getExecution().consecutiveFailures + 1;
        try {
            ExportViews.Outcome outcome = exports.export(candidateId, connectorId, Map.of(), user.get());
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
            stop(candidateId, connectorId, FailureKind.NEEDS_REVIEW, tries, describe(failure));
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

    private void stop(long candidateId, String connectorId, FailureKind kind, int tries, String message) {
        LOG.warn(
                "Automatic export of candidate {} to {} stopped after {} tries ({}): {}",
                candidateId,
                connectorId,
                tries,
                kind,
                message);
        repository.recordFailure(candidateId, connectorId, kind, tries, message, clock.instant());
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
            stop(
                    Long.parseLong(parts[0]),
                    parts[1],
                    FailureKind.FAILED,
                    tries,
                    (cause == null ? "Failed" : describe(cause)) + " Tried " + tries + " times.");
        }
    }
}
