package org.latentlab.ui.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One chart series kept in full (step, value) and drawn decimated: at most {@code buckets}
 * averaged points, so that 100,000 steps draw as fast as 1,000.
 */
public final class SeriesStore {
    private float[] steps = new float[1024];
    private float[] values = new float[1024];
    private int size;

    public synchronized void add(long step, float value) {
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        steps[size] = step;
        values[size] = value;
        size++;
    }

    /** Adds the point unless the series already reaches {@code step} (a step drawn once). */
    public synchronized void addAfter(long step, float value) {
        if (size == 0 || steps[size - 1] < step) {
            add(step, value);
        }
    }

    /** {first, last} step of the series (its points are added in step order); NaNs when empty. */
    public synchronized double[] stepSpan() {
        return size == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {steps[0], steps[size - 1]};
    }

    public synchronized int size() {
        return size;
    }

    public synchronized void clear() {
        size = 0;
    }

    /** Pairs {step, value}: all points when there are few, else bucket means in step order. */
    public synchronized List<float[]> decimated(int buckets) {
        List<float[]> out = new ArrayList<>(Math.min(size, buckets));
        if (size <= buckets) {
            for (int i = 0; i < size; i++) {
                out.add(new float[] {steps[i], values[i]});
            }
            return out;
        }
        double per = size / (double) buckets;
        for (int b = 0; b < buckets; b++) {
            int from = (int) (b * per);
            int to = Math.min(size, (int) ((b + 1) * per));
            double s = 0, v = 0;
            int n = 0;
            for (int i = from; i < to; i++) {
                if (Float.isFinite(values[i])) {
                    s += steps[i];
                    v += values[i];
                    n++;
                }
            }
            if (n > 0) {
                out.add(new float[] {(float) (s / n), (float) (v / n)});
            }
        }
        return out;
    }

    /** The point (step, value) whose step is nearest {@code step}; points in step order; null when none. */
    static float[] nearest(List<float[]> points, double step) {
        if (points.isEmpty()) {
            return null;
        }
        int lo = 0;
        int hi = points.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid)[0] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && step - points.get(lo - 1)[0] < points.get(lo)[0] - step) {
            lo--;
        }
        return points.get(lo);
    }
}
