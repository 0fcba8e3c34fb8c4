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

    @Test
    void theHeaderOfAnExportListsThePhasesOwnTotalAndCpuInThisExactForm() {
        var breakdown = new RequestTiming.Breakdown(
                2_000_000,
                new long[] {100_000, 200_000, 300_000, 400_000, 500_000, 600_000},
                new long[] {10_000, 20_000, 30_000, 40_000, 50_000, 0},
                true);
        assertThat(breakdown.serverTimingHeader())
                .as("the names, descriptions and order that API.md documents and the benchmark reads")
                .isEqualTo("http;desc=\"HTTP and session\";dur=0.100, checks;desc=\"Checks\";dur=0.200,"
                        + " draft;desc=\"Draft\";dur=0.300, attempt;desc=\"Attempt records\";dur=0.400,"
                        + " plugin;desc=\"Plugin CPU\";dur=0.500, hris;desc=\"HR system\";dur=0.600,"
                        + " own;desc=\"Own time (total less HR system)\";dur=1.400, total;desc=\"Total\";dur=2.000,"
                        + " http-cpu;desc=\"HTTP and session (CPU)\";dur=0.010, checks-cpu;desc=\"Checks (CPU)\";dur=0.020,"
                        + " draft-cpu;desc=\"Draft (CPU)\";dur=0.030, attempt-cpu;desc=\"Attempt records (CPU)\";dur=0.040,"
                        + " plugin-cpu;desc=\"Plugin CPU (CPU)\";dur=0.050,"
                        + " cpu;desc=\"CPU time (request and plugin threads)\";dur=0.150");
    }

    @Test
    void theHeaderOfAnyOtherRequestHasTheTotalAndCpuAlone() {
        var breakdown = new RequestTiming.Breakdown(
                1_500_000, new long[Phase.values().length], new long[] {700_000, 0, 0, 0, 0, 0}, false);
        assertThat(breakdown.serverTimingHeader())
                .isEqualTo(
                        "total;desc=\"Total\";dur=1.500, cpu;desc=\"CPU time (request and plugin threads)\";dur=0.700");
    }
}
