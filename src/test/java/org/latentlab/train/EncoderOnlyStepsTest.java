package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.data.BatchIterator;
import org.latentlab.latent.Prior;

/** The recipe's last phase, {@link TrainConfig#encoderOnlyFrom}: E learns to invert G, held fixed. */
class EncoderOnlyStepsTest {
    /**
     * From {@code encoderOnlyFrom} on, a step trains E alone: G (weights and batch-norm statistics,
     * as it draws in inference) and D stay bit for bit, every E weight moves, and the step still
     * reports D's view of the game.
     */
    @Test
    void encoderOnlyStepsChangeOnlyE() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(),
                        TestModels.smallTrain(1).withEncoderOnlyFrom(1))) {
            var model = t.model();
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 1);
            List<float[]> g0 = TestModels.values(model.generator());
            t.train(it.next(), Prior.sample(3, 0, 32, 8)); // step 1: the whole game
            assertTrue(TestModels.allTrainableChanged(model.generator(), g0), "the first step trains G");
            g0 = TestModels.values(model.generator());
            List<float[]> e0 = TestModels.values(model.encoder());
            List<float[]> d0 = TestModels.values(model.discriminator());
            StepStats s = t.train(it.next(), Prior.sample(3, 1, 32, 8)); // step 2: E alone
            assertTrue(TestModels.same(TestModels.values(model.generator()), g0), "G unchanged, statistics too");
            assertTrue(TestModels.same(TestModels.values(model.discriminator()), d0), "D unchanged");
            assertTrue(TestModels.allTrainableChanged(model.encoder(), e0), "every E weight moves");
            assertEquals(2, s.step());
            assertTrue(s.finite() && s.lossCycle() > 0 && s.dReal() > 0 && s.dReal() < 1 && s.dFake() > 0,
                    s.toString());
        }
    }

    /**
     * D's view of the pairs in E's phase is measured at E's first step and every
     * {@link EncoderPhaseView#EVERY} steps, and repeated between; the cycle loss is each step's own.
     */
    @Test
    void encoderPhaseMeasuresDsViewEveryTenSteps() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(),
                        TestModels.smallTrain(1).withEncoderOnlyFrom(1))) {
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 1);
            List<StepStats> stats = new ArrayList<>(); // stats.get(i): the step trained from step i
            for (int s = 0; s < 13; s++) {
                stats.add(t.train(it.next(), Prior.sample(3, s, 32, 8)));
            }
            for (int i = 2; i < 13; i++) { // E alone from step 1, measured there first
                StepStats now = stats.get(i);
                StepStats before = stats.get(i - 1);
                boolean repeated = now.lossD() == before.lossD() && now.lossGE() == before.lossGE()
                        && now.dReal() == before.dReal() && now.dFake() == before.dFake();
                assertEquals(i % EncoderPhaseView.EVERY != 0, repeated, "D's view from step " + i);
                assertTrue(now.lossCycle() != before.lossCycle(), "the cycle loss from step " + i);
            }
        }
    }

    /**
     * {@link TrainConfig#encoderPrior}: the same E-alone steps, with E's pull to the prior, leave E's
     * codes of unseen images nearer the prior (MMD) than without it.
     */
    @Test
    void encoderPriorPullsTheCodesToThePrior() throws Exception {
        double without = codesFromPriorAfterEncoderSteps(0f);
        double with = codesFromPriorAfterEncoderSteps(100f);
        assertTrue(with < without / 2, "MMD² " + with + " with the pull, " + without + " without");
    }

    private static double codesFromPriorAfterEncoderSteps(float pull) throws Exception {
        var images = TestModels.mnist(512);
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(),
                        TestModels.smallTrain(1).withEncoderOnlyFrom(1).withEncoderPrior(pull))) {
            BatchIterator it = new BatchIterator(images.head(384), 32, 1);
            for (int s = 0; s < 40; s++) {
                t.train(it.next(), Prior.sample(3, s, 32, 8));
            }
            int unseen = images.count() - 384; // the images after those trained on
            float[] x = new float[unseen * images.imageSize()];
            for (int i = 0; i < unseen; i++) {
                images.copyImage(384 + i, x, i * images.imageSize());
            }
            return PriorMatch.mmd(t.model().encode(x, unseen), Prior.sample(9, 0, unseen, 8), 8);
        }
    }
}
