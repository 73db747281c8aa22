package org.latentlab.ui.common;

import java.util.Arrays;

/** Keeps the last few thousand durations (ms) of an interaction, for the benchmarks. */
public final class LatencyRecorder {
    private final double[] samples = new double[4096];
    private int count;

    public synchronized void record(long nanos) {
        samples[count % samples.length] = nanos / 1e6;
        count++;
    }

    public synchronized int count() {
        return Math.min(count, samples.length);
    }

    /** The q-quantile (0..1) of the recorded milliseconds, or NaN when empty. */
    public synchronized double quantile(double q) {
        int n = count();
        if (n == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.floor(q * n))];
    }
}
