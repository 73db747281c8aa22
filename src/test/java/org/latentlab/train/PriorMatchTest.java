package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.latentlab.data.BatchIterator;
import org.latentlab.data.ImageDataset;
import org.latentlab.latent.Prior;
import org.latentlab.model.TorchGate;

class PriorMatchTest {
    private static final double[] SCALES = {0.1, 0.2, 0.5, 1, 2, 5, 10};

    /** The estimator written out pair by pair, in doubles. */
    private static double reference(float[] q, float[] p, int d) {
        int n = q.length / d;
        int m = p.length / d;
        double c = 2.0 * d / 3.0;
        double qq = 0;
        double pp = 0;
        double qp = 0;
        for (double s : SCALES) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    qq += i == j ? 0 : k(q, i, q, j, d, c * s);
                }
                for (int j = 0; j < m; j++) {
                    qp += k(q, i, p, j, d, c * s);
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    pp += i == j ? 0 : k(p, i, p, j, d, c * s);
                }
            }
        }
        return qq / (n * (n - 1.0)) + pp / (m * (m - 1.0)) - 2 * qp / ((double) n * m);
    }

    private static double k(float[] a, int i, float[] b, int j, int d, double c) {
        double dist = 0;
        for (int t = 0; t < d; t++) {
            double diff = a[i * d + t] - b[j * d + t];
            dist += diff * diff;
        }
        return c / (c + dist);
    }

    private static float[] scaled(float[] v, float by) {
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= by;
        }
        return out;
    }

    @Test
    void matchesThePairByPairEstimator() {
        float[] q = scaled(Prior.sample(1, 0, 5, 3), 0.4f);
        float[] p = Prior.sample(2, 0, 7, 3);
        assertEquals(reference(q, p, 3), PriorMatch.mmd(q, p, 3), 1e-5);
    }

    @Test
    void isNearZeroForThePriorAndGrowsAsCodesShrinkTowardsZero() {
        int d = 32;
        float[] prior = Prior.sample(9, 0, 500, d);
        double same = PriorMatch.mmd(Prior.sample(8, 0, 500, d), prior, d);
        double half = PriorMatch.mmd(scaled(Prior.sample(8, 0, 500, d), 0.5f), prior, d);
        double tenth = PriorMatch.mmd(scaled(Prior.sample(8, 0, 500, d), 0.1f), prior, d);
        assertTrue(Math.abs(same) < 0.002, "two prior samples: " + same);
        assertTrue(half > 20 * Math.abs(same) && tenth > half, same + " < " + half + " < " + tenth);
    }

    @Test
    void itsGradientMovesCodesTowardsThePrior() {
        int n = 64;
        int d = 4;
        float[] codes = scaled(Prior.sample(4, 0, n, d), 0.2f);
        float[] prior = Prior.sample(5, 0, n, d);
        double before = PriorMatch.mmd(codes, prior, d);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int i = 0; i < 50; i++) {
                try (NDManager step = m.newSubManager(); GradientCollector gc = TorchGate.collect()) {
                    NDArray q = step.create(codes, new Shape(n, d));
                    q.setRequiresGradient(true);
                    gc.backward(PriorMatch.mmd(q, step.create(prior, new Shape(n, d))));
                    float[] g = q.getGradient().toFloatArray();
                    for (int j = 0; j < codes.length; j++) {
                        codes[j] -= n * g[j];
                    }
                }
            }
        }
        double after = PriorMatch.mmd(codes, prior, d);
        assertTrue(after < before / 4, before + " -> " + after);
    }

    /** The trainer's term: with it, E(x) of a small model ends nearer the prior than without. */
    @Test
    void theTrainersTermPullsEncodingsTowardsThePrior() throws Exception {
        double with = codesDistance(100f);
        double without = codesDistance(0f);
        assertTrue(with < 0.7 * without, with + " against " + without + " without the term");
    }

    private static double codesDistance(float lambdaPrior) throws Exception {
        TrainConfig tc = TestModels.smallTrain(1).withLambdaPrior(lambdaPrior);
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = TestModels.trainer(m, TestModels.small(), tc)) {
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 1);
            for (int s = 0; s < 60; s++) {
                t.train(it.next(), Prior.sample(3, s, 32, 8));
            }
            ImageDataset data = TestModels.mnist(256);
            float[] x = new float[256 * data.imageSize()];
            for (int i = 0; i < 256; i++) {
                data.copyImage(i, x, i * data.imageSize());
            }
            float[] codes = t.model().encode(x, 256);
            return PriorMatch.mmd(codes, Prior.sample(new Random(7).nextLong(), 0, 256, 8), 8);
        }
    }

    /**
     * Code noise moves only the terms that decode or compare E(x): from the same start D's step and
     * the adversarial loss are those without it, the cycle and prior terms are not (G decodes, and
     * the prior is compared with, codes E did not give), and two runs with one seed draw the same noise.
     */
    @Test
    void codeNoiseMovesOnlyTheCycleAndPriorTermsAndRepeatsPerSeed() throws Exception {
        float[] x = new BatchIterator(TestModels.mnist(256), 32, 4).next();
        TrainConfig plain = TestModels.smallTrain(5).withLambdaPrior(10f);
        TrainConfig noisy = plain.withCodeNoise(0.5f);
        List<StepStats> steps = TestModels.firstSteps(x, plain, noisy, noisy);
        StepStats sa = steps.get(0);
        StepStats sb = steps.get(1);
        StepStats sc = steps.get(2);
        assertArrayEquals(new float[] {sa.lossD(), sa.dReal(), sa.dFake(), sa.lossGE()},
                new float[] {sb.lossD(), sb.dReal(), sb.dFake(), sb.lossGE()}, 1e-5f);
        assertTrue(Math.abs(sb.lossCycle() - sa.lossCycle()) > 1e-3f, sa.lossCycle() + " vs " + sb.lossCycle());
        assertEquals(sb.lossCycle(), sc.lossCycle(), 1e-5f);
    }
}
