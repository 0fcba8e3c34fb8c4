package com.hirerelay.api.testkit.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every SLF4J event at every level while open, when Logback is the binding; loaded only then, so the kit
 * works on a class path without SLF4J or Logback. Not API.
 */
final class LogbackTap implements LogTap {

    private final Logger root;
    private final Level level;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogbackTap(LoggerContext context) {
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        level = root.getLevel();
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        // Debug lines are where secrets hide: capture them even when the plugin's tests log at INFO.
        root.setLevel(Level.ALL);
    }

    /** Called only once the class path holds Logback and SLF4J. */
    static LogTap startIfBound() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            return new LogbackTap(context);
        }
        return LogTap.NONE;
    }

    @Override
    public String text() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder(
                    event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(" | ").append(argument);
                }
            }
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        root.setLevel(level);
    }
}
