package org.latentlab.latent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Directions in latent space found from encodings of real data: principal components of E(x)
 * (GANSpace-style) and class directions (mean E(x) of one label minus the overall mean).
 * Codes are row-major: n rows of d floats.
 */
public final class LatentDirections {
    private LatentDirections() {}

    /** A direction and how far one unit of its slider moves z. */
    public record Named(String name, float[] vector) {}

    public static float[] mean(float[] codes, int n, int d) {
        float[] mu = new float[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mu[j] += codes[i * d + j] / n;
            }
        }
        return mu;
    }

    /** The k leading principal components, each scaled to one standard deviation along it. */
    public static List<Named> principalComponents(float[] codes, int n, int d, int k) {
        SymmetricEigen.Result r = SymmetricEigen.decompose(covariance(codes, n, d));
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(r.values()[b], r.values()[a]));
        List<Named> out = new ArrayList<>();
        for (int c = 0; c < Math.min(k, d); c++) {
            int col = order[c];
            double std = Math.sqrt(Math.max(r.values()[col], 0));
            float[] v = new float[d];
            for (int j = 0; j < d; j++) {
                v[j] = (float) (r.vectors()[j][col] * std);
            }
            out.add(new Named("PC" + (c + 1), v));
        }
        return out;
    }

    /**
     * For each label: the mean code of that label minus the overall mean, a {@link #meanDifference}
     * from all codes to that class's (a preset of the directions a user defines from two groups).
     */
    public static List<Named> classDirections(float[] codes, int[] labels, int d, String[] classNames) {
        List<float[]> all = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            all.add(Arrays.copyOfRange(codes, i * d, (i + 1) * d));
        }
        List<Named> out = new ArrayList<>();
        for (int c = 0; c < classNames.length; c++) {
            List<float[]> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(all.get(i));
                }
            }
            if (!members.isEmpty()) {
                out.add(new Named("toward " + classNames[c], meanDifference(all, members)));
            }
        }
        return out;
    }

    /**
     * The mean of {@code to} minus the mean of {@code from}: a slider at 1 moves a code from the
     * first group's mean to the second's (Latent Space Cartography's attribute vector).
     */
    public static float[] meanDifference(List<float[]> from, List<float[]> to) {
        if (from.isEmpty() || to.isEmpty()) {
            throw new IllegalArgumentException("A direction needs at least one latent vector in each group.");
        }
        float[] a = mean(from);
        float[] b = mean(to);
        if (a.length != b.length) {
            throw new IllegalArgumentException("The two groups' latent vectors have different sizes (" + a.length
                    + " and " + b.length + ").");
        }
        for (int j = 0; j < a.length; j++) {
            b[j] -= a[j];
        }
        return b;
    }

    private static float[] mean(List<float[]> rows) {
        double[] sum = new double[rows.get(0).length];
        for (float[] r : rows) {
            if (r.length != sum.length) {
                throw new IllegalArgumentException("The latent vectors of a group have different sizes.");
            }
            for (int j = 0; j < sum.length; j++) {
                sum[j] += r[j];
            }
        }
        float[] mu = new float[sum.length];
        for (int j = 0; j < sum.length; j++) {
            mu[j] = (float) (sum[j] / rows.size());
        }
        return mu;
    }

    /** Projects codes on two directions (unit-normalised): 2 floats per row. */
    public static float[] project2d(float[] codes, int n, int d, float[] mu, float[] a, float[] b) {
        float[] ua = unit(a);
        float[] ub = unit(b);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double pa = 0, pb = 0;
            for (int j = 0; j < d; j++) {
                float c = codes[i * d + j] - mu[j];
                pa += c * ua[j];
                pb += c * ub[j];
            }
            xy[2 * i] = (float) pa;
            xy[2 * i + 1] = (float) pb;
        }
        return xy;
    }

    private static float[] unit(float[] v) {
        double n = Interpolation.norm(v);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.max(n, 1e-12));
        }
        return out;
    }

    private static double[][] covariance(float[] codes, int n, int d) {
        float[] mu = mean(codes, n, d);
        double[][] c = new double[d][d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double da = codes[i * d + a] - mu[a];
                for (int b = a; b < d; b++) {
                    c[a][b] += da * (codes[i * d + b] - mu[b]) / (n - 1);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                c[a][b] = c[b][a];
            }
        }
        return c;
    }

    /** z + sum of amount_k * direction_k, clipped to the prior's box [-1, 1]. */
    public static float[] apply(float[] z, List<float[]> directions, float[] amounts) {
        return apply(z, directions, amounts, 1f);
    }

    /** z + sum of amount_k * direction_k, clipped to [-bound, bound]. */
    public static float[] apply(float[] z, List<float[]> directions, float[] amounts, float bound) {
        float[] out = z.clone();
        for (int k = 0; k < directions.size(); k++) {
            if (amounts[k] != 0) {
                float[] v = directions.get(k);
                for (int j = 0; j < out.length; j++) {
                    out[j] += amounts[k] * v[j];
                }
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.max(-bound, Math.min(bound, out[j]));
        }
        return out;
    }
}
