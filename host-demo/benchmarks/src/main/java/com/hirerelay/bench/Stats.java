package com.hirerelay.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a sample of durations in nanoseconds, reported in milliseconds. */
final class Stats {

    private final double[] sortedMillis;

    Stats(List<Long> nanos) {
        sortedMillis = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        if (sortedMillis.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
    }

    static Stats ofMillis(double... millis) {
        Stats stats =
                new Stats(Arrays.stream(millis).mapToObj(m -> (long) (m * 1e6)).toList());
        return stats;
    }

    /** Nearest-rank percentile with linear interpolation, {@code p} in 0..100. */
    double percentile(double p) {
        if (sortedMillis.length == 1) {
            return sortedMillis[0];
        }
        double rank = p / 100.0 * (sortedMillis.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(sortedMillis.length - 1, low + 1);
        return sortedMillis[low] + (rank - low) * (sortedMillis[high] - sortedMillis[low]);
    }

    double median() {
        return percentile(50);
    }

    int count() {
        return sortedMillis.length;
    }

    /** "p10–p90 a–b ms". */
    String spread() {
        return "p10–p90 " + Table.ms(percentile(10)) + "–" + Table.ms(percentile(90));
    }
}
