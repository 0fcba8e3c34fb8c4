package com.hirerelay.host.app;

import com.hirerelay.api.hris.RateBudget;
import com.hirerelay.api.settings.SettingField;
import com.hirerelay.host.auth.SessionAdminResource;
import com.hirerelay.host.auth.SessionFilter;
import com.hirerelay.host.auth.SessionResource;
import com.hirerelay.host.auth.SessionStore;
import com.hirerelay.host.auth.SignInThrottle;
import com.hirerelay.host.automation.AutomaticUpdateResource;
import com.hirerelay.host.automation.AutomationFailureResource;
import com.hirerelay.host.automation.AutomationRepository;
import com.hirerelay.host.automation.AutomationResource;
import com.hirerelay.host.automation.AutomationService;
import com.hirerelay.host.automation.ReviewQueueRepository;
import com.hirerelay.host.automation.ReviewResource;
import com.hirerelay.host.automation.ScheduledExportRepository;
import com.hirerelay.host.automation.ScheduledExportResource;
import com.hirerelay.host.automation.UpcomingExportResource;
import com.hirerelay.host.candidates.CandidateRepository;
import com.hirerelay.host.candidates.CandidateResource;
import com.hirerelay.host.candidates.CandidateViews;
import com.hirerelay.host.demo.DemoSeed;
import com.hirerelay.host.documents.DocumentRepository;
import com.hirerelay.host.documents.DocumentResource;
import com.hirerelay.host.documents.DocumentService;
import com.hirerelay.host.export.BulkExportRepository;
import com.hirerelay.host.export.BulkExportService;
import com.hirerelay.host.export.BulkUpdateService;
import com.hirerelay.host.export.CandidateExportResource;
import com.hirerelay.host.export.DocumentSteps;
import com.hirerelay.host.export.DocumentUploadRepository;
import com.hirerelay.host.export.EmployeeUpdateRepository;
import com.hirerelay.host.export.EmployeeUpdateService;
import com.hirerelay.host.export.ExportAttemptRepository;
import com.hirerelay.host.export.ExportBaselineRepository;
import com.hirerelay.host.export.ExportPolicy;
import com.hirerelay.host.export.ExportResource;
import com.hirerelay.host.export.ExportService;
import com.hirerelay.host.export.ExportStepRepository;
import com.hirerelay.host.export.FollowUpService;
import com.hirerelay.host.integrations.IntegrationRepository;
import com.hirerelay.host.integrations.IntegrationResource;
import com.hirerelay.host.integrations.IntegrationService;
import com.hirerelay.host.jobs.JobRepository;
import com.hirerelay.host.jobs.JobResource;
import com.hirerelay.host.mapping.MappingResource;
import com.hirerelay.host.mapping.MappingRuleRepository;
import com.hirerelay.host.mapping.MappingService;
import com.hirerelay.host.metrics.HealthCheck;
import com.hirerelay.host.metrics.HostMetrics;
import com.hirerelay.host.metrics.ManagementServer;
import com.hirerelay.host.metrics.RequestArrivalProbe;
import com.hirerelay.host.metrics.ServerTimingFilter;
import com.hirerelay.host.notifications.NotificationResource;
import com.hirerelay.host.notifications.Notifications;
import com.hirerelay.host.plugins.DatabaseRateBudget;
import com.hirerelay.host.plugins.InstalledPlugin;
import com.hirerelay.host.plugins.PluginHost;
import com.hirerelay.host.plugins.PluginJarStore;
import com.hirerelay.host.plugins.PluginResource;
import com.hirerelay.host.plugins.PluginStatus;
import com.hirerelay.host.plugins.SettingsPanelHandle;
import com.hirerelay.host.storage.Database;
import com.hirerelay.host.storage.HostInstance;
import com.hirerelay.host.storage.SqlDialect;
import com.hirerelay.host.vault.CredentialVault;
import com.hirerelay.host.web.AnswerFilter;
import com.hirerelay.host.web.ApiExceptionMapper;
import com.hirerelay.host.web.ClientOriginFilter;
import com.hirerelay.host.web.CorrelationAnswerFilter;
import com.hirerelay.host.web.HostHttpServer;
import com.hirerelay.host.web.JsonMapperProvider;
import com.hirerelay.host.web.RequestBodyLimitFilter;
import com.hirerelay.host.web.StaticFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running host: database, vault, plugins, services and the HTTP server, wired by hand in
 * {@link #start}. Closing it stops the server first, then the plugins.
 */
public final class HireRelayHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HireRelayHost.class);
    /**
     * Request threads at most. An export holds its request thread while the HR system answers (about 100 ms over
     * the internet), so Grizzly's default of two per core would let only four exports run at once on two cores;
     * threads beyond the first few are started only when requests wait, and stop after a minute idle.
     */
    static final int REQUEST_THREADS = 200;

    private final HostHttpServer server;
    private final ManagementServer management;
    private final PluginHost plugins;
    private final IntegrationService integrations;
    private final BulkExportService bulk;
    private final AutomationService automation;
    private final Database database;
    private final HostInstance instance;
    private final java.util.concurrent.CompletableFuture<List<DemoSeed.SeededUser>> seeding;
    private final URI baseUri;

    private HireRelayHost(
            HostHttpServer server,
            ManagementServer management,
            PluginHost plugins,
            IntegrationService integrations,
            BulkExportService bulk,
            AutomationService automation,
            Database database,
            HostInstance instance,
            java.util.concurrent.CompletableFuture<List<DemoSeed.SeededUser>> seeding,
            URI baseUri) {
        this.server = server;
        this.management = management;
        this.plugins = plugins;
        this.integrations = integrations;
        this.bulk = bulk;
        this.automation = automation;
        this.database = database;
        this.instance = instance;
        this.seeding = seeding;
        this.baseUri = baseUri;
    }

    /**
     * Starts listening (the web UI's files are served at once, API requests wait), then opens the data folder,
     * loads the plugins and serves the API. Returns once all of it is ready; a start that fails closes what it
     * opened, the listener included, and throws the reason.
     *
     * @param options how to start
     * @return the running host
     */
    public static HireRelayHost start(HostOptions options) {
        // Begun by main already; tests and other callers that start a host directly begin it here.
        java.util.concurrent.CompletableFuture<String> warmUp = StartupWarmUp.begin();
        StartupWarmUp.awaitLogging();
        StartupSteps steps = new StartupSteps(LOG.isDebugEnabled());
        StartupWarmUp.routeJulToSlf4j();
        Clock clock = options.clock();
        HostMetrics metrics = HostMetrics.create();
        // Plugin loading (jar inspection, class loading) does not need the database: overlap the two.
        java.util.concurrent.CompletableFuture<PluginHost> loading =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> steps.timed(
                        "plugins",
                        () -> PluginHost.start(options.pluginsDir(), options.pluginLimits(), metrics, clock)));
        steps.lap("set-up");
        // Listening first: the first page (the web UI's files) needs none of what follows, and the port is
        // checked before anything else. API requests wait until the application below is in (a clear 503 if it
        // never is); /health/ready, on the management port, answers only once everything is.
        URI apiUri = URI.create("http://" + options.bindAddress() + ":" + options.port() + "/api/");
        HostHttpServer server =
                HostHttpServer.create(apiUri, new StaticFiles(), REQUEST_THREADS, new RequestArrivalProbe());
        try {
            server.start();
        } catch (IOException e) {
            server.close();
            loading.thenAccept(PluginHost::close);
            throw new UncheckedIOException(
                    "Cannot listen on " + options.bindAddress() + ":" + options.port()
                            + " (is another program using the port? choose another with --port)",
                    e);
        }
        steps.lap("HTTP server (the web UI)");
        try {
            return start(options, steps, metrics, warmUp, loading, server);
        } catch (RuntimeException | Error failed) {
            server.close();
            throw failed;
        }
    }

    /** The rest of a start, with the server listening: the database, the services and the API. */
    private static HireRelayHost start(
            HostOptions options,
            StartupSteps steps,
            HostMetrics metrics,
            java.util.concurrent.CompletableFuture<String> warmUp,
            java.util.concurrent.CompletableFuture<PluginHost> loading,
            HostHttpServer server) {
        Clock clock = options.clock();
        Database database;
        CredentialVault vault;
        java.util.concurrent.CompletableFuture<List<DemoSeed.SeededUser>> seeding;
        boolean alreadySeeded;
        try {
            database = options.databaseServer() != null
                    ? Database.connect(options.databaseServer())
                    : Database.open(options.dataDir().resolve("hirerelay.db"));
            steps.lap("database and migrations");
            vault = CredentialVault.open(options.dataDir());
            // A first start seeds the demo data (and hashes the demo passwords, slow on purpose) once the
            // server is up, so the first page does not wait for it; sign-in does, so nobody sees a
            // half-seeded ATS.
            seeding = new java.util.concurrent.CompletableFuture<>();
            // A restart has nothing to seed: known now, with one query, readiness and sign-in need not wait
            // for a background task (which shares the common pool with Jersey's warm-up, one thread on two
            // cores, and took a few round trips on PostgreSQL: /health/ready said DOWN after every restart).
            alreadySeeded = DemoSeed.hasUsers(database.jdbi());
            steps.lap("vault and users");
        } catch (RuntimeException failed) {
            loading.thenAccept(PluginHost::close);
            throw failed;
        }
        // Leases are about real time, whatever clock a test gives the host. One host per SQLite file.
        HostInstance instance = database.dialect() == SqlDialect.POSTGRESQL
                ? HostInstance.register(database.jdbi(), Clock.systemUTC(), options.instanceLease())
                : HostInstance.alone();
        ExportAttemptRepository attempts = new ExportAttemptRepository(database.jdbi(), instance.id());
        if (database.dialect() == SqlDialect.SQLITE) {
            // One host per SQLite file: whatever is in progress at start was left by a stopped host.
            int interrupted = attempts.markInterruptedAsUnfinished(clock.instant());
            if (interrupted > 0) {
                LOG.warn(
                        "{} export(s) were running when the host stopped; they are marked unfinished in the export"
                                + " history",
                        interrupted);
            }
        } else {
            // Other instances may be exporting right now: only the work of instances that stopped is settled.
            sweepAbandoned(attempts, instance, clock);
        }
        EmployeeUpdateRepository employeeUpdates = new EmployeeUpdateRepository(database.jdbi(), instance.id());
        if (database.dialect() == SqlDialect.SQLITE) {
            // Likewise an update in progress at start was left by a stopped host; on PostgreSQL another instance
            // may be running it, so only those of instances that stopped are settled (below, and on each heartbeat).
            int interruptedUpdates = employeeUpdates.markInterruptedAsFailed(clock.instant());
            if (interruptedUpdates > 0) {
                LOG.warn(
                        "{} employee update(s) were running when the host stopped; they are marked failed in the"
                                + " candidates' update history",
                        interruptedUpdates);
            }
        }
        steps.lap("interrupted work settled");
        PluginHost plugins;
        try {
            plugins = loading.join();
            steps.lap("waiting for plugins");
        } catch (java.util.concurrent.CompletionException failed) {
            instance.close();
            database.close();
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
        if (database.dialect() == SqlDialect.POSTGRESQL) {
            // Several instances, one set of plugins: the jars and their enabled state live in the database.
            try {
                plugins.share(new PluginJarStore(database.jdbi(), Clock.systemUTC()));
            } catch (RuntimeException failed) {
                plugins.close();
                instance.close();
                database.close();
                throw failed;
            }
        }
        IntegrationService integrations = new IntegrationService(
                plugins,
                new IntegrationRepository(database.jdbi(), database.dialect()),
                vault,
                options.settingDefaults(),
                clock,
                // Factorial's 200 POSTs a minute are per key: counted by this host alone on SQLite, by all
                // instances together on PostgreSQL.
                database.dialect() == SqlDialect.POSTGRESQL
                        ? new DatabaseRateBudget(database.jdbi())
                        : RateBudget.inProcess());
        CandidateRepository candidates = new CandidateRepository(database.jdbi(), database.dialect());
        ExportPolicy policy = new ExportPolicy(plugins, integrations);
        ExportBaselineRepository baselines = new ExportBaselineRepository(database.jdbi());
        CandidateViews views = new CandidateViews(policy::menusFor, attempts, baselines);
        DocumentService documents = new DocumentService(new DocumentRepository(database.jdbi()), candidates, clock);
        ExportStepRepository exportSteps = new ExportStepRepository(database.jdbi());
        DocumentSteps documentSteps =
                new DocumentSteps(new DocumentUploadRepository(database.jdbi()), exportSteps, documents, clock);
        JobRepository jobs = new JobRepository(database.jdbi());
        MappingService mapping =
                new MappingService(new MappingRuleRepository(database.jdbi()), integrations, jobs, clock);
        ExportService exports = new ExportService(
                candidates,
                plugins,
                integrations,
                policy,
                attempts,
                documents,
                documentSteps,
                new FollowUpService(attempts, exportSteps, documentSteps, clock),
                clock,
                mapping,
                metrics,
                baselines);
        BulkExportService bulk = new BulkExportService(
                exports,
                policy,
                candidates,
                new BulkExportRepository(database.jdbi(), database.dialect()),
                options.bulkLimits(),
                clock,
                instance.id(),
                // Alone on a SQLite file, every bulk export another run left unfinished is this host's to finish.
                database.dialect() == SqlDialect.POSTGRESQL ? instance::staleBefore : () -> Long.MAX_VALUE);
        EmployeeUpdateService updates = new EmployeeUpdateService(exports, attempts, employeeUpdates, baselines, clock);
        if (database.dialect() == SqlDialect.POSTGRESQL) {
            // An instance that stops later leaves its exports to the others: settled on their next heartbeat,
            // and the follow-up steps of those that had created the employee finished off the heartbeat thread.
            // Its bulk exports are taken over after its attempts were settled, so their candidates are linked,
            // never created twice.
            sweepAbandonedUpdates(employeeUpdates, instance, clock);
            instance.onHeartbeat(() -> {
                // An update left running by a stopped instance would block its candidate for good: settled here.
                sweepAbandonedUpdates(employeeUpdates, instance, clock);
                if (sweepAbandoned(attempts, instance, clock) > 0) {
                    java.util.concurrent.CompletableFuture.runAsync(() -> finishFollowUps(exports));
                }
                bulk.resumeAbandoned();
                // Last: a plugin that is slow to load never delays the take-over of stopped instances' work.
                plugins.reconcile();
            });
        }
        metrics.gauge(
                "hirerelay.bulk.exports.running",
                "Bulk exports this instance runs that have not finished",
                bulk::running);
        metrics.gauge(
                "hirerelay.bulk.candidates.queued",
                "Candidates of bulk exports waiting for a bulk thread",
                bulk::queuedCandidates);
        Notifications notifications = new Notifications(database.jdbi());
        AutomationService automation = new AutomationService(
                database.dataSource(),
                database.dialect(),
                new AutomationRepository(database.jdbi()),
                new ReviewQueueRepository(database.jdbi()),
                new ScheduledExportRepository(database.jdbi()),
                notifications,
                integrations,
                exports,
                candidates,
                attempts,
                updates,
                baselines,
                connectorId -> plugins.connector(connectorId)
                        .map(handle -> handle.info().displayName())
                        .orElse(connectorId),
                clock);
        SessionStore sessions = new SessionStore(database.jdbi(), clock, seeding);
        steps.lap("services");

        ResourceConfig api = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new JsonMapperProvider())
                .register(new ApiExceptionMapper())
                .register(new ServerTimingFilter())
                .register(new CorrelationAnswerFilter())
                .register(new RequestBodyLimitFilter())
                .register(new ClientOriginFilter(options.behindHttpsProxy()))
                .register(new SessionFilter(sessions))
                .register(new AnswerFilter(ServerTimingFilter::answered))
                .register(new SessionResource(sessions, new SignInThrottle(SignInThrottle.Policy.DEFAULTS, clock)))
                .register(new SessionAdminResource(sessions))
                .register(new CandidateResource(candidates, views, automation, automation))
                .register(new JobResource(jobs, candidates, views))
                .register(new IntegrationResource(integrations))
                .register(new DocumentResource(documents))
                .register(new MappingResource(mapping))
                .register(new AutomationResource(automation))
                .register(new AutomaticUpdateResource(automation))
                .register(new AutomationFailureResource(automation))
                .register(new ReviewResource(automation))
                .register(new ScheduledExportResource(automation))
                .register(new UpcomingExportResource(automation))
                .register(new NotificationResource(notifications, clock))
                .register(new CandidateExportResource(exports, updates))
                .register(new ExportResource(
                        bulk,
                        new BulkUpdateService(
                                updates,
                                policy,
                                candidates,
                                options.bulkLimits().bulkUpdateBudget()),
                        attempts,
                        employeeUpdates))
                .register(new PluginResource(plugins));
        steps.lap("API resources");
        String warmedUp = warmUp.join();
        steps.lap("waiting for the warm-up");
        try {
            server.serveApi(api);
        } catch (RuntimeException failed) {
            plugins.close();
            instance.close();
            database.close();
            throw failed;
        }
        steps.lap("API application");
        // The meters' classes load while the first pages are served.
        metrics.buildInBackground();
        ManagementServer management = null;
        if (options.managementPort() != HostOptions.NO_MANAGEMENT_PORT) {
            try {
                management = ManagementServer.start(
                        options.managementBind(),
                        options.managementPort(),
                        metrics,
                        healthChecks(database, seeding, plugins));
            } catch (RuntimeException failed) {
                server.close();
                plugins.close();
                instance.close();
                database.close();
                throw failed;
            }
        }
        automation.start();
        steps.lap("management port and job scheduler");
        Database seeded = database;
        if (alreadySeeded) {
            seeding.complete(List.of());
        } else {
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    seeding.complete(DemoSeed.seedIfEmpty(seeded.jdbi(), options.demoPasswords()));
                } catch (RuntimeException failed) {
                    seeding.completeExceptionally(failed);
                }
            });
        }
        // Follow-up steps of exports the last run left half done: finished once the host serves.
        seeding.thenRunAsync(() -> finishFollowUps(exports));
        // Bulk exports a stopped run or instance left unfinished: their remaining candidates, once users exist.
        seeding.thenRunAsync(() -> resumeBulkExports(bulk));
        unusedDefaults(plugins, options.settingDefaults()).forEach(LOG::warn);
        int port = server.port();
        URI baseUri = URI.create("http://" + options.bindAddress() + ":" + port + "/");
        LOG.info(
                "HireRelay ATS serving {} ({} plugin(s), {} connector(s)) after {} ms",
                baseUri,
                plugins.plugins().size(),
                plugins.connectors().size(),
                steps.elapsedMillis());
        LOG.debug("Start-up steps: {}; {}", steps, warmedUp);
        return new HireRelayHost(
                server, management, plugins, integrations, bulk, automation, database, instance, seeding, baseUri);
    }

    private static void resumeBulkExports(BulkExportService bulk) {
        try {
            int resumed = bulk.resumeAbandoned();
            if (resumed > 0) {
                LOG.warn("{} bulk export(s) left unfinished by a stopped host are being finished", resumed);
            }
        } catch (RuntimeException failed) {
            LOG.warn("Resuming unfinished bulk exports failed: {}", failed.getMessage());
        }
    }

    /**
     * Settles the export attempts that host instances which stopped left in progress (PostgreSQL, where several
     * instances share the attempts): never those of a live instance.
     *
     * @return how many attempts were settled
     */
    private static int sweepAbandoned(ExportAttemptRepository attempts, HostInstance instance, Clock clock) {
        int abandoned = attempts.markAbandonedAsUnfinished(clock.instant(), instance.staleBefore());
        if (abandoned > 0) {
            LOG.warn(
                    "{} export(s) were left running by a host instance that stopped; they are settled in the export"
                            + " history",
                    abandoned);
        }
        return abandoned;
    }

    private static void sweepAbandonedUpdates(EmployeeUpdateRepository updates, HostInstance instance, Clock clock) {
        int abandoned = updates.markAbandonedAsFailed(clock.instant(), instance.staleBefore());
        if (abandoned > 0) {
            LOG.warn(
                    "{} employee update(s) were left running by a host instance that stopped; they are marked failed"
                            + " in the candidates' update history",
                    abandoned);
        }
    }

    /** Finishes the follow-up steps of exports whose host stopped after the employee was created. */
    private static void finishFollowUps(ExportService exports) {
        try {
            int finished = exports.finishInterruptedFollowUps();
            if (finished > 0) {
                LOG.info("Finished {} follow-up step(s) of exports a stopped host left", finished);
            }
        } catch (RuntimeException failed) {
            LOG.warn("Could not finish the follow-up steps of interrupted exports: {}", failed.toString());
        }
    }

    /**
     * Readiness: the database answers (and a first start has written its demo data, which sign-in waits for),
     * and every plugin that is not switched off is running.
     */
    private static Map<String, HealthCheck> healthChecks(
            Database database,
            java.util.concurrent.CompletableFuture<List<DemoSeed.SeededUser>> seeding,
            PluginHost plugins) {
        Map<String, HealthCheck> checks = new LinkedHashMap<>();
        checks.put("database", () -> {
            if (!seeding.isDone()) {
                return HealthCheck.Health.down("writing the demo data of a first start");
            }
            if (seeding.isCompletedExceptionally()) {
                return HealthCheck.Health.down("writing the demo data of a first start failed; see the log");
            }
            try {
                database.jdbi()
                        .withHandle(handle -> handle.createQuery("SELECT 1")
                                .mapTo(Integer.class)
                                .one());
                return HealthCheck.Health.up(
                        (database.dialect() == SqlDialect.POSTGRESQL ? "PostgreSQL" : "SQLite") + " answers");
            } catch (RuntimeException unreachable) {
                LOG.warn("Readiness: the database does not answer: {}", unreachable.toString());
                return HealthCheck.Health.down("the database does not answer");
            }
        });
        checks.put("plugins", () -> {
            List<String> broken = plugins.plugins().stream()
                    .filter(plugin -> plugin.status() == PluginStatus.FAILED || plugin.status() == PluginStatus.STOPPED)
                    .map(InstalledPlugin::id)
                    .toList();
            long started = plugins.plugins().stream()
                    .filter(plugin -> plugin.status() == PluginStatus.STARTED)
                    .count();
            return broken.isEmpty()
                    ? HealthCheck.Health.up(started + " plugin(s) started")
                    : HealthCheck.Health.down(
                            "not running: " + String.join(", ", broken) + " (see Settings > Plugins)");
        });
        return checks;
    }

    /**
     * A connect-form default that names no field of an installed connector's form, or a secret field (never
     * prefilled), does nothing: the host says so at start, so that a typo in a flag does not go unnoticed.
     *
     * @return one sentence per default that has no effect now, naming its key (never its value)
     */
    static List<String> unusedDefaults(PluginHost plugins, Map<String, String> settingDefaults) {
        List<String> unused = new ArrayList<>();
        for (String key : settingDefaults.keySet()) {
            String connectorId = key.substring(0, Math.max(0, key.indexOf('.')));
            String fieldKey = key.substring(key.indexOf('.') + 1);
            Optional<SettingsPanelHandle> panel = plugins.settingsPanel(connectorId);
            Optional<SettingField> field = panel.flatMap(found -> found.form().fields().stream()
                    .filter(candidate -> candidate.key().equals(fieldKey))
                    .findFirst());
            if (panel.isEmpty()) {
                unused.add("Connect-form default " + key + " is unused for now: no installed plugin offers connector '"
                        + connectorId + "'");
            } else if (field.isEmpty()) {
                unused.add("Connect-form default " + key + " is ignored: the connect form of '" + connectorId
                        + "' has no field '" + fieldKey + "'");
            } else if (field.get().isSecret()) {
                unused.add("Connect-form default " + key + " is ignored: '" + fieldKey
                        + "' is a secret field, which is never prefilled");
            }
        }
        return unused;
    }

    /** @return where the host serves, such as {@code http://127.0.0.1:8080/} */
    public URI baseUri() {
        return baseUri;
    }

    /** @return where {@code /metrics} and {@code /health} are served, such as {@code http://127.0.0.1:9464/} */
    public Optional<URI> managementUri() {
        return Optional.ofNullable(management).map(ManagementServer::uri);
    }

    /**
     * @return the users seeded at this start with their passwords (waiting for the seeding); empty unless
     *         the database was new
     */
    public List<DemoSeed.SeededUser> seededUsers() {
        return seeding.join();
    }

    /** @return the plugin host */
    public PluginHost plugins() {
        return plugins;
    }

    /** @return the database, once the first start's seeding is done */
    public Database database() {
        seeding.join();
        return database;
    }

    @Override
    public void close() {
        if (management != null) {
            management.close();
        }
        server.close();
        try {
            seeding.join();
        } catch (RuntimeException seedingFailed) {
            LOG.error("Seeding the demo data failed", seedingFailed);
        }
        automation.close();
        bulk.close();
        integrations.close();
        plugins.close();
        instance.close();
        database.close();
    }
}
