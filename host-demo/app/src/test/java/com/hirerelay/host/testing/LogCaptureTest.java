package com.hirerelay.host.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The log capture the secret-handling tests rely on: if it missed lines, they would pass for the wrong reason. */
class LogCaptureTest {

    private static final Logger LOG = LoggerFactory.getLogger("com.hirerelay.test.capture");
    private static final ch.qos.logback.classic.Logger ROOT =
            (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

    @Test
    void capturesEventsOfOtherThreadsWithEveryCauseAndSuppressedException() {
        IllegalStateException failure =
                new IllegalStateException("outer message", new IllegalArgumentException("cause message"));
        failure.addSuppressed(new UnsupportedOperationException("suppressed message"));

        String text;
        try (LogCapture capture = LogCapture.start()) {
            CompletableFuture.runAsync(() -> LOG.warn("Export of candidate {} failed", 42, failure))
                    .join();
            text = capture.text();
        }

        assertThat(text)
                .as("the captured line")
                .contains("WARN com.hirerelay.test.capture Export of candidate 42 failed")
                .contains("java.lang.IllegalStateException: outer message")
                .contains("java.lang.IllegalArgumentException: cause message")
                .contains("java.lang.UnsupportedOperationException: suppressed message");
    }

    @Test
    void searchesTraceLinesWhileOpenAndRestoresTheRootLevelAfter() {
        Level before = ROOT.getLevel();
        LogCapture capture = LogCapture.start();
        LOG.trace("a trace line");
        capture.close();
        LOG.info("after the capture");

        assertThat(ours(capture)).as("captured lines").containsExactly("TRACE com.hirerelay.test.capture a trace line");
        assertThat(ROOT.getLevel()).as("the root level after the capture").isEqualTo(before);
    }

    @Test
    void overlappingCapturesKeepTraceOnUntilTheLastOneCloses() {
        Level before = ROOT.getLevel();
        LogCapture outer = LogCapture.start();
        LogCapture inner = LogCapture.start();
        outer.close();
        LOG.debug("while only the inner capture is open");
        assertThat(inner.text()).as("the inner capture").contains("while only the inner capture is open");
        assertThat(outer.text()).as("the closed outer capture").doesNotContain("while only");
        inner.close();
        inner.close();

        assertThat(ROOT.getLevel()).as("the root level after both").isEqualTo(before);
    }

    @Test
    void keepsArgumentsTheMessageHasNoPlaceholderFor() {
        String text;
        try (LogCapture capture = LogCapture.start()) {
            LOG.info("Connected the integration", "a-secret-value");
            text = capture.text();
        }

        assertThat(text).as("the captured line").contains("Connected the integration | a-secret-value");
    }

    // Other threads of the test JVM may log meanwhile; only this test's logger counts.
    private static java.util.List<String> ours(LogCapture capture) {
        return capture.lines().stream()
                .filter(line -> line.contains(" com.hirerelay.test.capture "))
                .toList();
    }
}
