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

    /** The number of durations recorded so far, to pass to {@link #quantileSince} later. */
    public synchronized int mark() {
        return count;
    }

    /** The durations recorded since {@code mark} (those still kept), in the order they came. */
    public synchronized double[] since(int mark) {
        int from = Math.max(mark, count - samples.length);
        double[] out = new double[Math.max(0, count - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[(from + i) % samples.length];
        }
        return out;
    }

    /** The q-quantile (0..1) of the recorded milliseconds, or NaN when empty. */
    public synchronized double quantile(double q) {
        return quantileSince(Math.max(0, count - samples.length), q);
    }

    /** The q-quantile of the durations recorded since {@code mark} (those still kept), or NaN. */
    public synchronized double quantileSince(int mark, double q) {
        double[] sorted = since(mark);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.floor(q * n))];
    }
}
