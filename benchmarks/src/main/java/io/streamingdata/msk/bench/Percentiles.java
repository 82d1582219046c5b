package io.streamingdata.msk.bench;

import java.util.Arrays;

/** Order statistics of a few timings, nearest-rank. */
record Percentiles(double min, double median, double p90, double max) {

    static Percentiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted[0], rank(sorted, 0.5), rank(sorted, 0.9), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
