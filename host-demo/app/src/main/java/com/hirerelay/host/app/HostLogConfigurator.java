package com.hirerelay.host.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The host's logging, set up in code (found by logback through {@code META-INF/services}): one console line per
 * event, INFO and up ({@code -Dhirerelay.log.level=WARN} quiets the start-up lines; the build's installation
 * check uses it), and the libraries' chatter kept to warnings. This was a {@code logback.xml}; reading it took
 * about 80 ms of CPU at every start (the XML parser and logback's configuration model), on a start that is
 * CPU-bound. An operator's own file still wins: with {@code -Dlogback.configurationFile=...} (or a
 * {@code logback-test.xml} on the class path, as in the tests) this steps aside and logback reads that file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class HostLogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n";

    /** Libraries whose INFO lines repeat ours or say nothing an operator needs. */
    private static final Map<String, Level> QUIETER = Map.of(
            "org.pf4j", Level.WARN,
            "org.glassfish", Level.WARN,
            // Jersey warns about resources registered as instances, which is how the host wires them.
            "org.glassfish.jersey.internal.inject.Providers", Level.ERROR,
            "org.jdbi", Level.WARN,
            // SchemaMigrator logs each migration applied; Flyway's own lines repeat them at length.
            "org.flywaydb", Level.WARN,
            "org.sqlite", Level.INFO,
            "com.zaxxer.hikari", Level.WARN,
            // Apache HttpClient (the Factorial plugin's HTTP stack) writes request lines, whose queries hold
            // candidates' e-mail addresses, at DEBUG: pinned to warnings even when the root level is DEBUG.
            "org.apache.hc", Level.WARN);

    /** For logback's service loader. */
    public HostLogConfigurator() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || getClass().getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets up the console appender and the levels on {@code context}. */
    static void apply(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel());
        root.addAppender(console);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    /** @return {@code hirerelay.log.level} (a system property, else an environment variable), INFO by default */
    static Level rootLevel() {
        String level = System.getProperty("hirerelay.log.level", System.getenv("hirerelay.log.level"));
        return Level.toLevel(level == null ? null : level.strip(), Level.INFO);
    }
}
