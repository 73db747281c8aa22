package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The blocked covariance gives what one code at a time gives, to the bit, at any width. */
class MixtureCovarianceTest {
    @Test
    void blocksGiveTheSameCovarianceAsOneCodeAtATime() {
        for (int d : new int[] {5, 16, 19, 64}) {
            Random rng = new Random(d);
            int n = 3 * MixtureCovariance.BLOCK + 29;
            float[] z = new float[n * d];
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) rng.nextGaussian();
            }
            double[][] resp = new double[n][2];
            double weight = 0;
            for (double[] r : resp) {
                r[1] = rng.nextInt(4) == 0 ? 1e-9 : rng.nextDouble(); // a quarter left out
                weight += r[1];
            }
            double[] mean = new double[d];
            for (int j = 0; j < d; j++) {
                mean[j] = 0.1 * rng.nextGaussian();
            }
            double[][] expected = oneCodeAtATime(z, n, d, resp, 1, mean, weight);
            double[][] blocked = MixtureCovariance.of(z, n, d, resp, 1, mean, weight);
            for (int a = 0; a < d; a++) {
                assertArrayEquals(expected[a], blocked[a], 0.0, "d " + d + ", row " + a);
            }
        }
    }

    /** The covariance as MixtureFit computed it before. */
    private static double[][] oneCodeAtATime(float[] z, int n, int d, double[][] resp, int c, double[] mean,
            double nk) {
        double[][] cov = new double[d][d];
        double[] diff = new double[d];
        for (int i = 0; i < n; i++) {
            double r = resp[i][c];
            if (r < 1e-8) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                diff[j] = z[i * d + j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ra = r * diff[a];
                for (int b = 0; b <= a; b++) {
                    cov[a][b] += ra * diff[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                cov[a][b] /= nk;
                cov[b][a] = cov[a][b];
            }
            cov[a][a] += GaussianMixture.RIDGE;
        }
        return cov;
    }
}
