package com.hirerelay.host.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

class HostLogConfiguratorTest {

    @Test
    void writesOneConsoleLinePerEventAtInfoWithTheLibrariesQuietedAsTheXmlFileDid() {
        LoggerContext context = new LoggerContext();

        HostLogConfigurator.apply(context);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel())
                .as("root level without -Dhirerelay.log.level")
                .isEqualTo(Level.INFO);
        assertThat(root.getAppender("CONSOLE"))
                .as("the one appender")
                .isInstanceOfSatisfying(ConsoleAppender.class, console -> {
                    assertThat(console.isStarted())
                            .as("console appender started")
                            .isTrue();
                    assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
                            .as("the line operators and the benchmark's log readers know")
                            .isEqualTo("%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n");
                });
        assertThat(context.getLogger("com.hirerelay.host.app.HireRelayHost").getEffectiveLevel())
                .as("the host's own start-up lines")
                .isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel())
                .as("Flyway repeats SchemaMigrator's lines")
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.glassfish.grizzly.http.server.HttpServer")
                        .getEffectiveLevel())
                .as("Grizzly and Jersey")
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.glassfish.jersey.internal.inject.Providers")
                        .getEffectiveLevel())
                .as("Jersey's warning about resources registered as instances")
                .isEqualTo(Level.ERROR);
        assertThat(context.getLogger("com.zaxxer.hikari.pool.HikariPool").getEffectiveLevel())
                .as("the connection pool")
                .isEqualTo(Level.WARN);
    }

    @Test
    void keepsThePluginsHttpStackAtWarningsEvenWhenTheRootIsAtDebug() {
        withLogLevel("DEBUG", () -> {
            LoggerContext context = new LoggerContext();

            HostLogConfigurator.apply(context);

            assertThat(context.getLogger("com.hirerelay.host.export.ExportService")
                            .getEffectiveLevel())
                    .as("the host's own lines follow -Dhirerelay.log.level")
                    .isEqualTo(Level.DEBUG);
            assertThat(context.getLogger("org.apache.hc.client5.http.impl.classic.InternalHttpClient")
                            .getEffectiveLevel())
                    .as("Apache HttpClient's request lines carry candidates' e-mail addresses in the query")
                    .isEqualTo(Level.WARN);
        });
    }

    /** Runs {@code check} with {@code -Dhirerelay.log.level} set to {@code level}, then puts the property back. */
    private static void withLogLevel(String level, Runnable check) {
        String before = System.getProperty("hirerelay.log.level");
        try {
            System.setProperty("hirerelay.log.level", level);
            check.run();
        } finally {
            if (before == null) {
                System.clearProperty("hirerelay.log.level");
            } else {
                System.setProperty("hirerelay.log.level", before);
            }
        }
    }

    @Test
    void takesTheRootLevelFromHirerelayLogLevel() {
        withLogLevel(
                "WARN",
                () -> assertThat(HostLogConfigurator.rootLevel())
                        .as("-Dhirerelay.log.level=WARN (the build's installation check)")
                        .isEqualTo(Level.WARN));
        withLogLevel(
                "loud",
                () -> assertThat(HostLogConfigurator.rootLevel())
                        .as("a value that names no level")
                        .isEqualTo(Level.INFO));
    }

    @Test
    void stepsAsideWhenALogbackFileIsGiven() {
        // The test class path holds logback-test.xml, as an operator's -Dlogback.configurationFile would.
        LoggerContext context = new LoggerContext();
        HostLogConfigurator configurator = new HostLogConfigurator();
        configurator.setContext(context);

        assertThat(configurator.configure(context))
                .as("logback goes on to read the given file")
                .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders())
                .as("nothing of the host's own set-up applied")
                .isExhausted();
    }
}
