package com.hirerelay.host.app;

import com.hirerelay.host.demo.DemoEnvironment;
import com.hirerelay.host.demo.DemoFlags;
import com.hirerelay.host.demo.DemoSeed;
import com.hirerelay.host.storage.DatabaseServer;
import com.hirerelay.host.storage.DatabaseUnavailableException;
import com.hirerelay.host.storage.InstanceLease;
import com.hirerelay.host.storage.SchemaMigrationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code java -jar host-demo.jar [options]}: starts the ATS. By default the demo flags also start the
 * embedded Factorial sandbox on loopback and point the Factorial connect form at it, so the demo runs
 * offline. Invalid flags end with one line on standard error and exit code 2.
 */
@Command(
        name = "java -jar host-demo.jar",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Starts the HireRelay ATS. By default it also starts an embedded Factorial sandbox on loopback"
                + " and points the Factorial connect form at it, so the demo runs offline.%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:served until stopped, or the check passed",
            "1:the host could not start, or the check failed",
            "2:invalid flags"
        })
public final class HostMain implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8080",
            converter = PortConverter.class,
            description = "HTTP port (default: ${DEFAULT-VALUE}); 0 picks a free one.")
    private int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            defaultValue = "127.0.0.1",
            description = "Listen address (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "The SQLite file hirerelay.db and the master key master.key (default: ./${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(
            names = "--database-url",
            paramLabel = "URL",
            defaultValue = "${env:HIRERELAY_DATABASE_URL}",
            description =
                    "Keep the data in this PostgreSQL database instead of the SQLite file of --data-dir, so that"
                            + " several instances share it: jdbc:postgresql://HOST:PORT/DATABASE (default: the environment"
                            + " variable HIRERELAY_DATABASE_URL, else SQLite). The user and password are read from the"
                            + " environment variables HIRERELAY_DB_USER and HIRERELAY_DB_PASSWORD, never from the command line.")
    private String databaseUrl;

    @Option(
            names = "--instance-lease",
            paramLabel = "SECONDS",
            defaultValue = "120",
            converter = LeaseConverter.class,
            description = "With --database-url: how long an instance may go unseen before the others finish its"
                    + " exports and bulk exports (default: ${DEFAULT-VALUE}; at least 2). Give every instance the same;"
                    + " keep it well above the plugin calls' time-out.")
    private InstanceLease instanceLease;

    @Option(
            names = "--plugins-dir",
            paramLabel = "DIR",
            description = "Plugin jars loaded at start (default: the folder plugins next to the jar).")
    private Path pluginsDir;

    @Option(
            names = "--plugin-default",
            paramLabel = "CONNECTOR.KEY=VALUE",
            description = "A connect-form default: the value connector CONNECTOR's connect form shows in its field KEY,"
                    + " for example factorial.base_url=https://api.factorialhr.com. Repeatable; wins over"
                    + " --plugin-defaults and the demo. Never applied to secret fields.")
    private Map<String, String> pluginDefaults = new LinkedHashMap<>();

    @Option(
            names = "--plugin-defaults",
            paramLabel = "FILE",
            description = "A properties file of connect-form defaults, one CONNECTOR.KEY=VALUE a line; wins over the"
                    + " demo's.")
    private Path pluginDefaultsFile;

    @Option(
            names = "--management-port",
            paramLabel = "N",
            defaultValue = "9464",
            converter = ManagementPortConverter.class,
            description = "Port of /metrics (Prometheus) and /health (default: ${DEFAULT-VALUE}); 0 picks a free one,"
                    + " off serves neither.")
    private int managementPort;

    @Option(
            names = "--management-bind",
            paramLabel = "ADDR",
            defaultValue = "127.0.0.1",
            description = "Listen address of the management port (default: ${DEFAULT-VALUE}, whatever --bind is).")
    private String managementBind;

    @Mixin
    private DemoFlags demo;

    @Option(
            names = "--behind-https-proxy",
            description = "A reverse proxy that terminates HTTPS sits in front of the host: trust its"
                    + " X-Forwarded-Proto (Secure cookie, HSTS) and X-Forwarded-For (the client's address for sign-in"
                    + " throttling). Without it both headers are ignored, as any client can send them.")
    private boolean behindHttpsProxy;

    @Option(
            names = "--check",
            description =
                    "Instead of serving: walk the demo once on a temporary data folder and free ports (first page,"
                            + " sign-in, connect Factorial to the embedded sandbox, export one hire), print the result and exit"
                            + " 0 if it all worked. Reads only --plugins-dir.")
    private boolean check;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    private boolean help;

    public static void main(String[] args) {
        // Beside the command line's parsing (picocli's classes predate class-data sharing: about 0.2 s of CPU).
        StartupWarmUp.begin();
        int exitCode = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
        // A served host returns 0 only once its shutdown hook ran: exiting again then would block.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * The host's command line, writing help to {@code out} and errors to {@code err}.
     *
     * @return a command line whose {@code execute} returns the exit code
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return new CommandLine(new HostMain())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(HostMain::invalidFlags)
                .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
                    commandLine.getErr().println("HireRelay could not start: " + failure.getMessage());
                    // A folder or port that cannot be used, a database of another release: the message says it all.
                    if (!(failure instanceof IOException
                            || failure instanceof UncheckedIOException
                            || failure instanceof SchemaMigrationException
                            || failure instanceof DatabaseUnavailableException)) {
                        failure.printStackTrace(commandLine.getErr()); // a bug: the trace is for us
                    }
                    return 1;
                });
    }

    /** @return the PostgreSQL database of --database-url with the environment's credentials, or null for SQLite */
    private DatabaseServer databaseServer() {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return null;
        }
        try {
            return DatabaseServer.fromEnvironment(databaseUrl.strip(), System.getenv());
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(
                    command.commandLine(), "Invalid value for option '--database-url': " + invalid.getMessage());
        }
    }

    /** One line naming the problem instead of a stack trace or the whole usage text. */
    private static int invalidFlags(ParameterException invalid, String[] args) {
        CommandLine commandLine = invalid.getCommandLine();
        commandLine.getErr().println(invalid.getMessage() + " (--help lists the flags)");
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public Integer call() throws IOException, InterruptedException, URISyntaxException {
        // The demo sandbox and the host log from here on: not before logging is set up (see awaitLogging).
        StartupWarmUp.awaitLogging();
        Path plugins = pluginsDir == null ? besideJar() : pluginsDir;
        if (check) {
            try {
                command.commandLine().getOut().println(InstallationCheck.run(plugins));
                return 0;
            } catch (RuntimeException | IOException failed) {
                command.commandLine().getErr().println(failed.getMessage());
                return 1;
            }
        }
        DatabaseServer databaseServer = databaseServer();
        Map<String, String> explicitDefaults = explicitPluginDefaults();
        Files.createDirectories(plugins);
        DemoEnvironment demoEnvironment = demo.start();
        Map<String, String> defaults = new LinkedHashMap<>(demoEnvironment.settingDefaults());
        defaults.putAll(explicitDefaults);
        HireRelayHost host;
        try {
            host = HireRelayHost.start(new HostOptions(bind, port, dataDir, plugins, defaults, Map.of())
                    .withManagement(managementBind, managementPort)
                    .withBehindHttpsProxy(behindHttpsProxy)
                    .withDatabaseServer(databaseServer)
                    .withInstanceLease(instanceLease));
        } catch (RuntimeException failed) {
            demoEnvironment.close();
            throw failed;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            host.close();
                            demoEnvironment.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        command.commandLine().getOut().println(welcome(host, demoEnvironment));
        stopped.await();
        return 0;
    }

    /** The defaults file, then each {@code --plugin-default} over it; refuses malformed keys as bad flags. */
    Map<String, String> explicitPluginDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        if (pluginDefaultsFile != null) {
            try {
                defaults.putAll(PluginDefaults.read(pluginDefaultsFile));
            } catch (IOException | IllegalArgumentException unreadable) {
                throw new ParameterException(
                        command.commandLine(),
                        "Invalid value for option '--plugin-defaults': " + unreadable.getMessage());
            }
        }
        for (Map.Entry<String, String> flag : pluginDefaults.entrySet()) {
            try {
                PluginDefaults.checkKey(flag.getKey());
            } catch (IllegalArgumentException malformed) {
                throw new ParameterException(
                        command.commandLine(),
                        "Invalid value for option '--plugin-default': " + malformed.getMessage());
            }
            defaults.put(flag.getKey(), flag.getValue());
        }
        return defaults;
    }

    private static String welcome(HireRelayHost host, DemoEnvironment demo) {
        StringBuilder text = new StringBuilder("\nHireRelay ATS is running at ")
                .append(host.baseUri())
                .append('\n');
        if (!host.seededUsers().isEmpty()) {
            text.append("\nDemo users (passwords shown only now, at first start; keep them):\n");
            for (DemoSeed.SeededUser user : host.seededUsers()) {
                text.append(String.format("  %-16s %-36s %s%n", user.role(), user.email(), user.password()));
            }
        }
        text.append(demo.welcome()).append("\nStop with Ctrl+C.\n");
        return text.toString();
    }

    private static Path besideJar() throws URISyntaxException {
        // host-demo/app/target/host-demo.jar (or target/classes when run from an IDE) -> target/plugins
        Path location = Path.of(HostMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        return location.getParent().resolve("plugins");
    }

    /** A TCP port: a number from 0 (any free port) to 65535. */
    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port;
            try {
                port = Integer.parseInt(value.strip());
            } catch (NumberFormatException notANumber) {
                throw new TypeConversionException("'" + value + "' is not a port number (0 to 65535)");
            }
            if (port < 0 || port > 65_535) {
                throw new TypeConversionException("'" + value + "' is not a port number (0 to 65535)");
            }
            return port;
        }
    }

    /** A management port, or {@code off}. */
    static final class ManagementPortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            if (value.strip().equalsIgnoreCase("off")) {
                return HostOptions.NO_MANAGEMENT_PORT;
            }
            try {
                return new PortConverter().convert(value);
            } catch (TypeConversionException invalid) {
                throw new TypeConversionException("'" + value + "' is not a port number (0 to 65535) or off");
            }
        }
    }

    /** An instance lease in whole seconds. */
    static final class LeaseConverter implements ITypeConverter<InstanceLease> {
        @Override
        public InstanceLease convert(String value) {
            try {
                return new InstanceLease(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (IllegalArgumentException notALease) { // NumberFormatException included
                throw new TypeConversionException(
                        "'" + value + "' is not a number of seconds, at least " + InstanceLease.SHORTEST.toSeconds());
            }
        }
    }
}
