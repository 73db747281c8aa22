package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.latentlab.data.BatchIterator;
import org.latentlab.latent.Prior;

class RunningDensityTest {
    /** Mean distance from each of n codes to its nearest code in {@code to}. */
    private static double meanNearest(float[] z, float[] to, int d) {
        double sum = 0;
        int n = z.length / d;
        for (int i = 0; i < n; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < to.length / d; j++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double diff = z[i * d + t] - to[j * d + t];
                    s += diff * diff;
                }
                best = Math.min(best, s);
            }
            sum += Math.sqrt(best);
        }
        return sum / n;
    }

    @Test
    void drawsCodesWhereTheEncoderPutsImagesTheSameOnesEachTime() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(2))) {
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 2);
            for (int s = 0; s < 20; s++) {
                t.train(it.next(), Prior.sample(2, s, 32, 8));
            }
            RunningDensity density = new RunningDensity(TestModels.mnist(256), 2);
            float[] codes = density.codes(t.model());
            float[] fromDensity = density.latents(t.model(), 32, 20);
            double density2codes = meanNearest(fromDensity, codes, 8);
            double prior2codes = meanNearest(Prior.sample(5, 0, 32, 8), codes, 8);
            assertTrue(density2codes < prior2codes / 2, density2codes + " against the prior's " + prior2codes);
            assertArrayEquals(fromDensity, density.latents(t.model(), 32, 20), "fixed noise: the grid changes only"
                    + " with the model");
            assertEquals(32 * 784, density.samples(t.model(), 32, 20).length);
            for (int s = 20; s < 40; s++) {
                t.train(it.next(), Prior.sample(2, s, 32, 8));
            }
            assertArrayEquals(fromDensity, density.latents(t.model(), 32, 40), "not refitted within REFIT_STEPS");
            assertFalse(Arrays.equals(fromDensity, density.latents(t.model(), 32, 20 + RunningDensity.REFIT_STEPS)),
                    "refitted to the codes of the model as it is now");
        }
    }

    @Test
    void oneImageIsTooFewToFit() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(2))) {
            assertNull(new RunningDensity(TestModels.mnist(1), 2).samples(t.model(), 4, 0));
        }
    }
}
