package com.hirerelay.api.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything a plugin logs during one kit test, whatever it logs with: standard output and error (any
 * console logger), {@code java.util.logging} and {@code System.Logger} at every level, and SLF4J through
 * Logback at every level when Logback is the binding on the test class path. Not API.
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<String> julLines = new ArrayList<>();
    private final Logger julRoot = Logger.getLogger("");
    private final Level julLevel = julRoot.getLevel();
    private final Handler julHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line =
                    new StringBuilder(record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(" | ").append(parameter);
                }
            }
            appendCauses(line, record.getThrown());
            synchronized (julLines) {
                julLines.add(line.toString());
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final LogTap slf4j;

    private LogCapture() {
        System.setOut(new PrintStream(new Tee(originalOut, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, console), true, StandardCharsets.UTF_8));
        julHandler.setLevel(Level.ALL);
        julRoot.addHandler(julHandler);
        julRoot.setLevel(Level.ALL);
        slf4j = LogTap.slf4jIfBound();
    }

    /** @return a capture running until closed */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** @return everything captured so far */
    public String text() {
        StringBuilder all = new StringBuilder();
        synchronized (console) {
            all.append(console.toString(StandardCharsets.UTF_8));
        }
        synchronized (julLines) {
            julLines.forEach(line -> all.append('\n').append(line));
        }
        all.append('\n').append(slf4j.text());
        return all.toString();
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        julRoot.removeHandler(julHandler);
        julRoot.setLevel(julLevel);
        slf4j.close();
    }

    static void appendCauses(StringBuilder line, Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause);
            if (cause.getCause() == cause) {
                break;
            }
        }
    }

    /** Writes to the original stream and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            synchronized (copy) {
                copy.write(b);
            }
            try {
                original.write(b);
            } catch (java.io.IOException ignored) {
                // The copy is what the kit checks; a closed console must not fail the plugin's call.
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
            try {
                original.write(bytes, offset, length);
            } catch (java.io.IOException ignored) {
                // As above.
            }
        }
    }
}
