package com.hirerelay.factorial.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Captures what the code under test logs through SLF4J and logback, to assert on it (that a secret is never
 * logged, that a warning names the plugin). Each event on the root logger becomes one line: level, logger, the
 * formatted message, every argument (also those the message has no placeholder for, which a structured log
 * would still write), then the class and message of every attached exception, its causes and suppressed ones.
 * While any capture is open the root level is TRACE, so debug and trace lines are searched too; loggers given
 * their own level in logback-test.xml keep it. Events from every thread (server, pools) are captured.
 *
 * <p>Use it around the code under test: {@code try (LogCapture logs = LogCapture.start()) { ... logs.text() ... }}.
 *
 * <p>The host's tests keep an identical copy (com.hirerelay.host.testing.LogCapture): the two
 * modules share no test code, so a change to one belongs in the other.
 */
public final class LogCapture implements AutoCloseable {

    private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    // Captures may overlap (nested blocks, or tests of one JVM run side by side): the first lowers the root
    // level, the last restores it.
    private static int open;
    private static Level levelBefore;

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final UnsynchronizedAppenderBase<ILoggingEvent> appender = new UnsynchronizedAppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(describe(event));
        }
    };
    private boolean capturing;

    private LogCapture() {
        appender.setContext(ROOT.getLoggerContext());
        appender.setName("test-log-capture");
    }

    /** @return a capture that runs until closed */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.open();
        return capture;
    }

    private synchronized void open() {
        synchronized (LogCapture.class) {
            if (open++ == 0) {
                levelBefore = ROOT.getLevel();
                ROOT.setLevel(Level.TRACE);
            }
        }
        appender.start();
        ROOT.addAppender(appender);
        capturing = true;
    }

    /** @return everything captured so far, one event per line */
    public String text() {
        return String.join("\n", lines());
    }

    /** @return everything captured so far, one event per line, oldest first */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Stops capturing; what was captured stays readable. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (!capturing) {
            return;
        }
        capturing = false;
        ROOT.detachAppender(appender);
        appender.stop();
        synchronized (LogCapture.class) {
            if (--open == 0) {
                ROOT.setLevel(levelBefore);
            }
        }
    }

    private static String describe(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(' ')
                .append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                line.append(" | ").append(argument);
            }
        }
        appendThrowable(line, event.getThrowableProxy(), new ArrayList<>());
        return line.toString();
    }

    private static void appendThrowable(StringBuilder line, IThrowableProxy throwable, List<IThrowableProxy> seen) {
        // A cause or suppressed exception may refer back to one already written.
        if (throwable == null || seen.stream().anyMatch(known -> known == throwable)) {
            return;
        }
        seen.add(throwable);
        line.append(" | ").append(throwable.getClassName()).append(": ").append(throwable.getMessage());
        if (throwable.getSuppressed() != null) {
            for (IThrowableProxy suppressed : throwable.getSuppressed()) {
                appendThrowable(line, suppressed, seen);
            }
        }
        appendThrowable(line, throwable.getCause(), seen);
    }
}
