package org.latentlab.latent;

import java.util.Arrays;
import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * EM's expectation step for a {@link GaussianMixture}: each code's component posteriors. It is
 * 90 % of a fit's time (Fashion-MNIST's 60,000 codes of 64 dimensions, 100 components: 4.5 s of
 * a 4.9 s round), all of it in the Mahalanobis distances, so they are computed for a block of
 * codes at once: one component's forward substitution runs across the block's codes, four Vector
 * API vectors held in registers, where a code at a time was one chain of dependent multiply-adds
 * (0.56 s a round; 1.76 s with the loop over codes left to the JIT). Each code still sees the same
 * operations in the same order, so the posteriors are the same to the bit (MixtureExpectationTest).
 * Fresh scratch arrays per block cost nothing measurable: reused per task, a fit took 21.1 and 28.5 s
 * against 21.4 and 21.8 s.
 */
final class MixtureExpectation {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Codes per block: four vectors (32 codes with AVX-512, 16 with AVX2). */
    static final int BLOCK = 4 * LANES;

    private MixtureExpectation() {}

    /** Fills resp with each code's component posteriors; returns the total log-likelihood. */
    static double run(double[] weights, double[][] means, double[][][] choleskys, float[] z, int n, double[][] resp) {
        int k = weights.length;
        int dim = means[0].length;
        double[] logNorm = new double[k];
        for (int c = 0; c < k; c++) {
            double logDet = 0;
            for (int i = 0; i < dim; i++) {
                logDet += Math.log(choleskys[c][i][i]);
            }
            logNorm[c] = Math.log(weights[c]) - logDet - 0.5 * dim * Math.log(2 * Math.PI);
        }
        double[] logLikelihood = new double[n];
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(block -> {
            int from = block * BLOCK;
            int count = Math.min(BLOCK, n - from);
            double[][] q = mahalanobis(means, choleskys, z, from, count);   // (k, count)
            for (int b = 0; b < count; b++) {
                logLikelihood[from + b] = posteriors(logNorm, q, b, resp[from + b]);
            }
        });
        return Arrays.stream(logLikelihood).parallel().sum();
    }

    /** One code's posteriors from its distances to every component; returns its log-likelihood. */
    private static double posteriors(double[] logNorm, double[][] q, int b, double[] r) {
        int k = logNorm.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            r[c] = logNorm[c] - 0.5 * q[c][b];
            max = Math.max(max, r[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            r[c] = Math.exp(r[c] - max);
            sum += r[c];
        }
        for (int c = 0; c < k; c++) {
            r[c] /= sum;
        }
        return max + Math.log(sum);
    }

    /**
     * (z_i - mu_c)^T Sigma_c^-1 (z_i - mu_c) for codes from..from+count-1 and every component c, by
     * forward substitution with L_c: q[c][b] for code from+b. Four vectors of codes go through a
     * row together, held in registers: four independent chains of multiply-subtracts.
     */
    private static double[][] mahalanobis(double[][] means, double[][][] choleskys, float[] z, int from, int count) {
        int k = means.length;
        int dim = means[0].length;
        double[][] codes = new double[dim][BLOCK]; // transposed, codes[r][b]; rows past count stay 0
        for (int b = 0; b < count; b++) {
            for (int r = 0; r < dim; r++) {
                codes[r][b] = z[(from + b) * dim + r];
            }
        }
        double[][] y = new double[dim][BLOCK];
        double[][] q = new double[k][BLOCK];
        for (int c = 0; c < k; c++) {
            substitute(codes, means[c], choleskys[c], y, q[c]);
        }
        return q;
    }

    /** One component's forward substitution for the block: y = L^-1 (z - mu), q = |y|^2 per code. */
    private static void substitute(double[][] codes, double[] mean, double[][] l, double[][] y, double[] q) {
        DoubleVector q0 = DoubleVector.zero(SPECIES);
        DoubleVector q1 = q0;
        DoubleVector q2 = q0;
        DoubleVector q3 = q0;
        for (int r = 0; r < mean.length; r++) {
            double[] zr = codes[r];
            DoubleVector v0 = DoubleVector.fromArray(SPECIES, zr, 0).sub(mean[r]);
            DoubleVector v1 = DoubleVector.fromArray(SPECIES, zr, LANES).sub(mean[r]);
            DoubleVector v2 = DoubleVector.fromArray(SPECIES, zr, 2 * LANES).sub(mean[r]);
            DoubleVector v3 = DoubleVector.fromArray(SPECIES, zr, 3 * LANES).sub(mean[r]);
            double[] lr = l[r];
            for (int j = 0; j < r; j++) { // v -= l[r][j] * y[j], a multiply then a subtract, as one code at a time
                double f = lr[j];
                double[] yj = y[j];
                v0 = v0.sub(DoubleVector.fromArray(SPECIES, yj, 0).mul(f));
                v1 = v1.sub(DoubleVector.fromArray(SPECIES, yj, LANES).mul(f));
                v2 = v2.sub(DoubleVector.fromArray(SPECIES, yj, 2 * LANES).mul(f));
                v3 = v3.sub(DoubleVector.fromArray(SPECIES, yj, 3 * LANES).mul(f));
            }
            double[] yr = y[r];
            v0 = v0.div(lr[r]);
            v1 = v1.div(lr[r]);
            v2 = v2.div(lr[r]);
            v3 = v3.div(lr[r]);
            v0.intoArray(yr, 0);
            v1.intoArray(yr, LANES);
            v2.intoArray(yr, 2 * LANES);
            v3.intoArray(yr, 3 * LANES);
            q0 = q0.add(v0.mul(v0));
            q1 = q1.add(v1.mul(v1));
            q2 = q2.add(v2.mul(v2));
            q3 = q3.add(v3.mul(v3));
        }
        q0.intoArray(q, 0);
        q1.intoArray(q, LANES);
        q2.intoArray(q, 2 * LANES);
        q3.intoArray(q, 3 * LANES);
    }
}
