package org.latentlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentlab.engine.TorchThreads;

/** The probe reports the logistic regression's optimum, not wherever its optimiser stopped. */
class LinearProbeTest {
    private static final int N = 3000;
    private static final int D = 6;
    private static final int CLASSES = 4;

    /** Overlapping classes (no separating plane), so the optimum is finite and unique. */
    private static float[] codes(int[] labels, long seed) {
        Random r = new Random(seed);
        float[] z = new float[N * D];
        for (int i = 0; i < N; i++) {
            labels[i] = i % CLASSES;
            for (int j = 0; j < D; j++) {
                z[i * D + j] = (j == labels[i] ? 1.2f : 0f) + j * 5f + (float) r.nextGaussian() * (1 + j);
            }
        }
        return z;
    }

    @Test
    void theFitEndsAtTheOptimumWhereTheGradientVanishes() {
        TorchThreads.prepare(1);
        int[] y = new int[N];
        float[] z = codes(y, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(z, new Shape(N, D));
            x = LinearProbe.withOnes(x.sub(x.mean(new int[] {0}, true)).div(x.sub(x.mean(new int[] {0}, true))
                    .square().mean(new int[] {0}, true).sqrt()));
            LinearProbe.Fit fit = LinearProbe.fit(x, y, CLASSES, LinearProbe.ITERATIONS, () -> {});
            double gradient = LinearProbe.gradientMax(x, y, fit);
            assertTrue(gradient < 1e-4, "largest gradient entry at the probe's weights: " + gradient);
        }
    }

    @Test
    void theSameCodesGiveTheSameAccuracyEveryTime() {
        TorchThreads.prepare(1);
        int[] ytr = new int[N];
        int[] yte = new int[N];
        float[] train = codes(ytr, 1);
        float[] test = codes(yte, 2);
        double first = LinearProbe.accuracy(train, ytr, test, yte, D, CLASSES);
        assertEquals(first, LinearProbe.accuracy(train, ytr, test, yte, D, CLASSES));
        assertTrue(first > 0.4 && first < 0.95, "overlapping classes, better than chance: " + first);
    }
}
