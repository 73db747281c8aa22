package org.latentlab.latent;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * A mixture of full-covariance Gaussians fitted by EM to the encoder's codes E(x) of a data set:
 * the "ex-post density" of Ghosh et al. (2020). A BiGAN's encoder reaches only part of the uniform
 * prior's cube; G draws blends where E never goes. Drawing z from this mixture keeps samples where
 * G was taught by real images. Plain Java, no DJL; codes are row-major (n * d floats).
 */
public final class GaussianMixture {
    /**
     * The spread samples are drawn with, relative to the fitted covariances (the "truncation
     * trick"). Measured on the bundled model (docs/decisions.md): at 1 the classifier score is
     * 8.96 and the Fréchet distance 7.6; at 0.7 9.31 and 6.9. The full covariances are inflated by
     * codes between the clusters, so a lower temperature improves both fidelity and the Fréchet
     * distance down to about 0.7; below 0.6 samples grow alike and the Fréchet distance rises.
     * A density fitted with another ({@link #temperature()}) is drawn at that one.
     */
    public static final double DEFAULT_TEMPERATURE = 0.7;

    /** The temperatures {@link #tempered} takes, in words for messages. */
    public static final String TEMPERATURE_RANGE = "above 0 and at most 1 (1 = the density as fitted)";

    /** Added to every covariance diagonal so that no component collapses onto a few codes. */
    static final double RIDGE = 1e-4;

    private final int dim;
    private final double temperature;    // what samples are drawn at unless asked otherwise
    private final double[] weights;      // (K)
    private final double[][] means;      // (K, d)
    final double[][][] choleskys; // (K, d, d), lower triangular: Sigma = L L^T

    public GaussianMixture(double[] weights, double[][] means, double[][][] choleskys) {
        this(weights, means, choleskys, DEFAULT_TEMPERATURE);
    }

    private GaussianMixture(double[] weights, double[][] means, double[][][] choleskys, double temperature) {
        this.temperature = requireTemperature(temperature);
        this.dim = means[0].length;
        this.weights = weights.clone();
        this.means = means;
        this.choleskys = choleskys;
    }

    /**
     * The temperature this density's samples are drawn at where no one asks for another (sample,
     * eval, the explorer's Randomize): {@link #DEFAULT_TEMPERATURE} unless set when it was fitted
     * ({@code fit-density --temperature}), because the best one depends on the data: on
     * Fashion-MNIST 0.7 scores no better than 1 and draws the rarest class a quarter less often
     * (docs/BENCHMARKS.md, "The fitted density's temperature").
     */
    public double temperature() {
        return temperature;
    }

    /** The same mixture, drawn at {@code t} by default; the same check as {@link #tempered}. */
    public GaussianMixture withTemperature(double t) {
        return new GaussianMixture(weights, means, choleskys, t);
    }

    public int dimension() {
        return dim;
    }

    public int components() {
        return weights.length;
    }

    public double[] weights() {
        return weights.clone();
    }

    public double[] mean(int k) {
        return means[k].clone();
    }

    /** Lower-triangular Cholesky factor of component k's covariance. */
    public double[][] cholesky(int k) {
        double[][] c = new double[dim][];
        for (int i = 0; i < dim; i++) {
            c[i] = choleskys[k][i].clone();
        }
        return c;
    }

    /**
     * Fits k components to n codes: k-means++ seeding, then EM, on at most {@code threads} threads
     * (the window leaves one core to the UI). Deterministic for a seed, whatever the thread count.
     *
     * @throws IllegalArgumentException if there are fewer than 2k codes
     */
    public static GaussianMixture fit(float[] z, int n, int d, int k, int iterations, long seed, int threads) {
        if (n < k * 2 || z.length < n * d) {
            throw new IllegalArgumentException("Need at least " + 2 * k + " codes to fit " + k + " components, got "
                    + n);
        }
        // Parallel streams run in the pool of the task that starts them, so this bounds every one below.
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            return pool.submit(() -> MixtureFit.run(z, n, d, k, iterations, seed)).join();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The same mixture with every component's standard deviation multiplied by {@code temperature}
     * (covariances by its square): samples stay near the components' means as it falls towards 0.
     *
     * @throws IllegalArgumentException unless 0 < temperature <= 1
     */
    public GaussianMixture tempered(double temperature) {
        requireTemperature(temperature);
        double[][][] scaled = new double[choleskys.length][dim][];
        for (int k = 0; k < choleskys.length; k++) {
            for (int r = 0; r < dim; r++) {
                scaled[k][r] = choleskys[k][r].clone();
                for (int c = 0; c < scaled[k][r].length; c++) {
                    scaled[k][r][c] *= temperature;
                }
            }
        }
        return new GaussianMixture(weights, means, scaled);
    }

    private static double requireTemperature(double temperature) {
        if (!isValidTemperature(temperature)) {
            throw new IllegalArgumentException("The sampling temperature must be " + TEMPERATURE_RANGE + ", got "
                    + temperature);
        }
        return temperature;
    }

    /** The one test of a sampling temperature, for {@link #tempered} and every caller that takes one from a user. */
    public static boolean isValidTemperature(double temperature) {
        return temperature > 0 && temperature <= 1;
    }

    /** Draws count codes, clipped to the prior's cube [-1, 1] that E's tanh output lives in. */
    public float[] sample(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[count * dim];
        double[] cumulative = new double[weights.length];
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            s += weights[k];
            cumulative[k] = s;
        }
        double[] e = new double[dim];
        for (int i = 0; i < count; i++) {
            double u = rng.nextDouble() * s;
            int k = 0;
            while (k < weights.length - 1 && cumulative[k] < u) {
                k++;
            }
            for (int j = 0; j < dim; j++) {
                e[j] = gaussian(rng);
            }
            for (int r = 0; r < dim; r++) {
                double v = means[k][r];
                for (int c = 0; c <= r; c++) {
                    v += choleskys[k][r][c] * e[c];
                }
                out[i * dim + r] = (float) Math.max(-1, Math.min(1, v));
            }
        }
        return out;
    }

    /** Mean log-likelihood per code under the mixture: how well it describes a set of codes. */
    public double meanLogLikelihood(float[] z, int n) {
        double[][] resp = new double[n][weights.length];
        return expectation(z, n, resp) / n;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Fills resp with each code's component posteriors; returns the total log-likelihood. */
    double expectation(float[] z, int n, double[][] resp) {
        return MixtureExpectation.run(weights, means, choleskys, z, n, resp);
    }

    /** Lower-triangular L with L L^T = m; m must be symmetric positive definite (the ridge sees to it). */
    static double[][] choleskyOf(double[][] m) {
        int d = m.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                for (int p = 0; p < j; p++) {
                    s -= l[i][p] * l[j][p];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(s, RIDGE)) : s / l[j][j];
            }
        }
        return l;
    }
}
