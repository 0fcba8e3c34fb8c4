package com.hirerelay.host.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event (message, arguments and the messages of attached exceptions and their
 * causes) on the root logger while open, with the root level lowered to TRACE so that debug lines are
 * searched too.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private final ch.qos.logback.classic.Level previous = root.getLevel();

    private LogCapture() {
        root.setLevel(ch.qos.logback.classic.Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    /** @return a capture that runs until closed */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** @return everything captured so far, one event per line */
    public String text() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder(
                    event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
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
        root.setLevel(previous);
        appender.stop();
    }
}
