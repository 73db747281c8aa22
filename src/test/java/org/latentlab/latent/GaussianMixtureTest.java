package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {
    /** 3,000 codes in 2-d: 30 % around (-0.5, 0.4) with sd 0.05, 70 % around (0.5, -0.2) with sd (0.1, 0.02). */
    private static float[] twoClusters() {
        Random rng = new Random(3);
        float[] z = new float[3000 * 2];
        for (int i = 0; i < 3000; i++) {
            boolean first = i % 10 < 3;
            z[2 * i] = (float) (first ? -0.5 + 0.05 * rng.nextGaussian() : 0.5 + 0.1 * rng.nextGaussian());
            z[2 * i + 1] = (float) (first ? 0.4 + 0.05 * rng.nextGaussian() : -0.2 + 0.02 * rng.nextGaussian());
        }
        return z;
    }

    @Test
    void recoversTheWeightsMeansAndSpreadOfAKnownMixture() {
        GaussianMixture g = GaussianMixture.fit(twoClusters(), 3000, 2, 2, 30, 1, 2);
        int first = g.mean(0)[0] < 0 ? 0 : 1;
        int second = 1 - first;
        assertEquals(0.3, g.weights()[first], 0.01);
        assertArrayEquals(new double[] {-0.5, 0.4}, g.mean(first), 0.01);
        assertArrayEquals(new double[] {0.5, -0.2}, g.mean(second), 0.01);
        assertEquals(0.1, g.cholesky(second)[0][0], 0.01);   // sd along the first axis
        assertEquals(0.02, g.cholesky(second)[1][1], 0.005); // sd along the second
        assertTrue(g.meanLogLikelihood(twoClusters(), 3000) > GaussianMixture.fit(twoClusters(), 3000, 2, 1, 30, 1, 2)
                .meanLogLikelihood(twoClusters(), 3000), "two components describe two clusters better than one");
    }

    @Test
    void samplesFollowTheWeightsStayInTheCubeAndRepeatForASeed() {
        GaussianMixture g = GaussianMixture.fit(twoClusters(), 3000, 2, 2, 30, 1, 2);
        float[] s = g.sample(4000, 7);
        int left = 0;
        for (int i = 0; i < 4000; i++) {
            left += s[2 * i] < 0 ? 1 : 0;
            assertTrue(Math.abs(s[2 * i]) <= 1 && Math.abs(s[2 * i + 1]) <= 1);
        }
        assertEquals(0.3, left / 4000.0, 0.03);
        assertArrayEquals(s, g.sample(4000, 7));
        assertTrue(Arrays.equals(s, g.sample(4000, 8)) == false);
    }

    @Test
    void aLowerTemperatureShrinksEachComponentsSpreadAroundItsMean() {
        GaussianMixture g = GaussianMixture.fit(twoClusters(), 3000, 2, 2, 30, 1, 2);
        GaussianMixture cool = g.tempered(0.5);
        assertArrayEquals(g.weights(), cool.weights());
        int second = g.mean(0)[0] > 0 ? 0 : 1;
        assertArrayEquals(g.mean(second), cool.mean(second));
        assertEquals(g.cholesky(second)[0][0] * 0.5, cool.cholesky(second)[0][0], 1e-12);
        assertEquals(g.cholesky(second)[1][0] * 0.5, cool.cholesky(second)[1][0], 1e-12);
        // Spread of the second cluster's samples along its first axis: sd 0.1 fitted, 0.05 tempered.
        assertEquals(0.05, spreadAlongFirstAxisRightOfZero(cool.sample(4000, 3)), 0.006);
        assertEquals(0.1, spreadAlongFirstAxisRightOfZero(g.tempered(1).sample(4000, 3)), 0.012);
        assertThrows(IllegalArgumentException.class, () -> g.tempered(0));
        assertThrows(IllegalArgumentException.class, () -> g.tempered(1.2));
        assertThrows(IllegalArgumentException.class, () -> g.tempered(Double.NaN));
    }

    private static double spreadAlongFirstAxisRightOfZero(float[] s) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int i = 0; i < s.length / 2; i++) {
            if (s[2 * i] > 0) {
                sum += s[2 * i];
                sq += s[2 * i] * s[2 * i];
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(sq / n - mean * mean);
    }

    @Test
    void theFitIsTheSameOnOneThreadAsOnSeveral() {
        GaussianMixture one = GaussianMixture.fit(twoClusters(), 3000, 2, 3, 10, 5, 1);
        GaussianMixture four = GaussianMixture.fit(twoClusters(), 3000, 2, 3, 10, 5, 4);
        assertArrayEquals(one.weights(), four.weights());
        assertArrayEquals(one.sample(100, 2), four.sample(100, 2));
    }

    @Test
    void choleskyFactorReproducesTheMatrix() {
        double[][] m = {{4, 2, 0.4}, {2, 3, 0.5}, {0.4, 0.5, 1}};
        double[][] l = GaussianMixture.choleskyOf(m);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += l[i][k] * l[j][k];
                }
                assertEquals(m[i][j], v, 1e-3, "entry " + i + "," + j); // the ridge adds 1e-4 nowhere here
            }
        }
    }

    @Test
    void tooFewCodesIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> GaussianMixture.fit(new float[6], 3, 2, 2, 5, 1, 1));
        assertTrue(e.getMessage().contains("at least 4 codes"), e.getMessage());
    }
}
