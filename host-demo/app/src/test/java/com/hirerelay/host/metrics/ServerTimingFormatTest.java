package com.hirerelay.host.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTimingFormatTest {

    private static String millis(long nanos) {
        StringBuilder out = new StringBuilder();
        RequestTiming.Breakdown.appendMillis(out, nanos);
        return out.toString();
    }

    @Test
    void durationsAreMillisecondsWithThreeDecimalsRoundedHalfUp() {
        assertThat(millis(0)).as("nothing").isEqualTo("0.000");
        assertThat(millis(499)).as("under half a microsecond rounds down").isEqualTo("0.000");
        assertThat(millis(500)).as("half a microsecond rounds up").isEqualTo("0.001");
        assertThat(millis(7_000)).as("leading zeros of the fraction kept").isEqualTo("0.007");
        assertThat(millis(42_000)).as("one leading zero kept").isEqualTo("0.042");
        assertThat(millis(1_234_567)).isEqualTo("1.235");
        assertThat(millis(999_999_500L))
                .as("rounding carries into the whole milliseconds")
                .isEqualTo("1000.000");
        assertThat(millis(12_345_678_901L)).isEqualTo("12345.679");
    }

    @Test
    void theHeaderNamesEveryPhaseWithItsDuration() {
        RequestTiming timing = RequestTiming.startedAt(System.nanoTime());
        timing.lap(Phase.HTTP);
        timing.lap(Phase.CHECKS);
        String header = timing.lapAndBreakdown(Phase.HTTP).serverTimingHeader();
        for (Phase phase : Phase.values()) {
            assertThat(header)
                    .as("the header names %s with a duration in milliseconds", phase)
                    .containsPattern(phase.label() + ";desc=\"[^\"]+\";dur=\\d+\\.\\d{3}(,|$)");
        }
        assertThat(header).containsPattern("(^|, )own;desc=\"[^\"]+\";dur=\\d+\\.\\d{3}");
        assertThat(header).containsPattern("(^|, )total;desc=\"[^\"]+\";dur=\\d+\\.\\d{3}");
    }
}
