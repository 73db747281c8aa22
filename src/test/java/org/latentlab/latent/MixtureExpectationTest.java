package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The blocked expectation step gives what one code at a time gives, to the bit. */
class MixtureExpectationTest {
    private static final int DIM = 5;
    private static final int K = 3;

    @Test
    void blocksGiveTheSamePosteriorsAsOneCodeAtATime() {
        Random rng = new Random(3);
        double[] weights = {0.5, 0.3, 0.2};
        double[][] means = new double[K][DIM];
        double[][][] chol = new double[K][DIM][DIM];
        for (int c = 0; c < K; c++) {
            for (int r = 0; r < DIM; r++) {
                means[c][r] = rng.nextGaussian();
                for (int j = 0; j < r; j++) {
                    chol[c][r][j] = 0.3 * rng.nextGaussian();
                }
                chol[c][r][r] = 0.5 + rng.nextDouble();
            }
        }
        int n = 2 * MixtureExpectation.BLOCK + 13; // a last block that is not full
        float[] z = new float[n * DIM];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        double[][] blocked = new double[n][K];
        double total = MixtureExpectation.run(weights, means, chol, z, n, blocked);
        double expectedTotal = 0;
        for (int i = 0; i < n; i++) {
            double[] one = new double[K];
            expectedTotal += oneCode(weights, means, chol, z, i, one);
            assertArrayEquals(one, blocked[i], 0.0, "code " + i);
        }
        assertEquals(expectedTotal, total, 1e-9 * Math.abs(expectedTotal));
    }

    /** The expectation step as it was, one code at a time: its posteriors into r, its log-likelihood. */
    private static double oneCode(double[] w, double[][] means, double[][][] chol, float[] z, int i, double[] r) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < K; c++) {
            double logDet = 0;
            for (int d = 0; d < DIM; d++) {
                logDet += Math.log(chol[c][d][d]);
            }
            double[] y = new double[DIM];
            double q = 0;
            for (int row = 0; row < DIM; row++) {
                double v = z[i * DIM + row] - means[c][row];
                for (int j = 0; j < row; j++) {
                    v -= chol[c][row][j] * y[j];
                }
                y[row] = v / chol[c][row][row];
                q += y[row] * y[row];
            }
            r[c] = Math.log(w[c]) - logDet - 0.5 * DIM * Math.log(2 * Math.PI) - 0.5 * q;
            max = Math.max(max, r[c]);
        }
        double sum = 0;
        for (int c = 0; c < K; c++) {
            r[c] = Math.exp(r[c] - max);
            sum += r[c];
        }
        for (int c = 0; c < K; c++) {
            r[c] /= sum;
        }
        return max + Math.log(sum);
    }
}
