package org.latentlab.latent;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fits a {@link GaussianMixture} to codes: k-means++ seeding, then EM with full covariances (a
 * small ridge keeps each positive definite). Runs in the caller's fork-join pool.
 */
final class MixtureFit {
    private MixtureFit() {}

    /** Seeds, then {@code iterations} rounds of EM. Deterministic for a seed, whatever the thread count. */
    static GaussianMixture run(float[] z, int n, int d, int k, int iterations, long seed) {
        double[][] means = seedMeans(z, n, d, k, new SplittableRandom(seed));
        double[][] resp = new double[n][k];
        GaussianMixture g = initial(means, z, n, d);
        for (int it = 0; it < iterations; it++) {
            g.expectation(z, n, resp);
            g = maximisation(z, n, d, resp);
        }
        return g;
    }

    /** k-means++: each next centre drawn with probability proportional to squared distance. */
    private static double[][] seedMeans(float[] z, int n, int d, int k, SplittableRandom rng) {
        double[][] means = new double[k][];
        means[0] = row(z, rng.nextInt(n), d);
        double[] dist = new double[n];
        Arrays.fill(dist, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                dist[i] = Math.min(dist[i], squaredDistance(z, i, means[c - 1], d));
                total += dist[i];
            }
            double u = rng.nextDouble() * total;
            int pick = 0;
            for (double acc = dist[0]; acc < u && pick < n - 1; acc += dist[++pick]) {
                // walk to the drawn code
            }
            means[c] = row(z, pick, d);
        }
        return means;
    }

    /** Equal weights, the codes' overall covariance for every component, centred on the seeds. */
    private static GaussianMixture initial(double[][] means, float[] z, int n, int d) {
        int k = means.length;
        double[][] resp = new double[n][k];
        for (double[] r : resp) {
            Arrays.fill(r, 1.0 / k);
        }
        GaussianMixture pooled = maximisation(z, n, d, resp);
        double[] w = new double[k];
        Arrays.fill(w, 1.0 / k);
        double[][][] chol = new double[k][][];
        Arrays.fill(chol, pooled.choleskys[0]);
        return new GaussianMixture(w, means, chol);
    }

    private static GaussianMixture maximisation(float[] z, int n, int d, double[][] resp) {
        int k = resp[0].length;
        double[] w = new double[k];
        double[][] means = new double[k][d];
        double[][][] chol = new double[k][][];
        IntStream.range(0, k).parallel().forEach(c -> { // components are independent
            double nk = 1e-10;
            for (int i = 0; i < n; i++) {
                nk += resp[i][c];
                for (int j = 0; j < d; j++) {
                    means[c][j] += resp[i][c] * z[i * d + j];
                }
            }
            for (int j = 0; j < d; j++) {
                means[c][j] /= nk;
            }
            w[c] = nk / n;
            chol[c] = GaussianMixture.choleskyOf(MixtureCovariance.of(z, n, d, resp, c, means[c], nk));
        });
        return new GaussianMixture(w, means, chol);
    }

    private static double[] row(float[] z, int i, int d) {
        double[] r = new double[d];
        for (int j = 0; j < d; j++) {
            r[j] = z[i * d + j];
        }
        return r;
    }

    private static double squaredDistance(float[] z, int i, double[] m, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double v = z[i * d + j] - m[j];
            s += v * v;
        }
        return s;
    }
}
