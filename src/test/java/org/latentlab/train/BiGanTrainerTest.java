package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.data.BatchIterator;
import org.latentlab.data.ImageDataset;
import org.latentlab.latent.Prior;
import org.latentlab.model.Architecture;
import org.latentlab.model.ModelConfig;

class BiGanTrainerTest {
    private static float[] z(long step, int n, int d) {
        return Prior.sample(3, step, n, d);
    }

    @Test
    void discriminatorStepChangesOnlyD() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            var model = t.model();
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 1);
            List<float[]> g0 = TestModels.values(model.generator());
            List<float[]> e0 = TestModels.values(model.encoder());
            List<float[]> d0 = TestModels.values(model.discriminator());
            t.trainDiscriminatorOnly(it.next(), z(0, 32, 8));
            assertTrue(TestModels.allTrainableChanged(model.discriminator(), d0), "every D weight moves");
            // E(x) and G(z) ran in training mode (batch statistics) but their weights must not move.
            assertTrue(sameTrainable(model.generator(), g0), "G unchanged by the D step");
            assertTrue(sameTrainable(model.encoder(), e0), "E unchanged by the D step");
        }
    }

    @Test
    void generatorEncoderStepChangesOnlyGAndE() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            var model = t.model();
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 1);
            List<float[]> g0 = TestModels.values(model.generator());
            List<float[]> e0 = TestModels.values(model.encoder());
            List<float[]> d0 = TestModels.values(model.discriminator());
            t.trainGeneratorEncoderOnly(it.next(), z(0, 32, 8));
            assertTrue(TestModels.same(TestModels.values(model.discriminator()), d0), "D unchanged by the G+E step");
            assertTrue(TestModels.allTrainableChanged(model.generator(), g0), "every G weight moves");
            assertTrue(TestModels.allTrainableChanged(model.encoder(), e0), "every E weight moves");
        }
    }

    /**
     * A step computes E(x) and G(z) once and reuses them (detached for D, through their graph for
     * G and E): it must equal the two steps done separately, each computing them afresh.
     */
    @Test
    void oneStepEqualsADiscriminatorStepThenAGeneratorEncoderStep() throws Exception {
        float[] x = new BatchIterator(TestModels.mnist(256), 32, 4).next();
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer fused = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(5));
                BiGanTrainer separate = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(5))) {
            assertTrue(TestModels.same(TestModels.values(fused.model().discriminator()),
                    TestModels.values(separate.model().discriminator())), "same start");
            for (int s = 0; s < 3; s++) {
                StepStats st = fused.train(x, z(s, 32, 8));
                Engine.getInstance().setRandomSeed((int) (5 * 7919 + s)); // as train() seeds dropout
                float[] d = separate.trainDiscriminatorOnly(x, z(s, 32, 8));
                float[] ge = separate.trainGeneratorEncoderOnly(x, z(s, 32, 8));
                assertArrayEquals(new float[] {d[0], d[1], d[2], ge[0], ge[1]},
                        new float[] {st.lossD(), st.dReal(), st.dFake(), st.lossGE(), st.lossCycle()}, 1e-5f,
                                "step " + s);
            }
            var a = fused.model();
            var b = separate.model();
            assertEquals(0, maxTrainableDifference(a.generator(), b.generator()), 1e-5, "G after 3 steps");
            assertEquals(0, maxTrainableDifference(a.encoder(), b.encoder()), 1e-5, "E after 3 steps");
            assertEquals(0, maxTrainableDifference(a.discriminator(), b.discriminator()), 1e-5, "D after 3 steps");
        }
    }

    /**
     * The shifted x-cycle changes only the x-cycle: from the same start, D's step and the
     * adversarial loss are the same as the plain cycle's, the cycle loss is not; and two shifted
     * runs with one seed shift alike.
     */
    @Test
    void theCycleShiftMovesOnlyTheXCycleAndRepeatsPerSeed() throws Exception {
        float[] x = new BatchIterator(TestModels.mnist(256), 32, 4).next();
        TrainConfig plain = new TrainConfig(32, 2e-4f, 2e-4f, 0.5f, 0.999f, 1f, 1f, 5);
        TrainConfig shifted = new TrainConfig(32, 2e-4f, 2e-4f, 0.5f, 0.999f, 1f, 1f, 5, 2);
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer a = TestModels.trainer(m, TestModels.small(), plain);
                BiGanTrainer b = TestModels.trainer(m, TestModels.small(), shifted);
                BiGanTrainer c = TestModels.trainer(m, TestModels.small(), shifted)) {
            StepStats sa = a.train(x, z(0, 32, 8));
            StepStats sb = b.train(x, z(0, 32, 8));
            StepStats sc = c.train(x, z(0, 32, 8));
            assertArrayEquals(new float[] {sa.lossD(), sa.dReal(), sa.dFake(), sa.lossGE()},
                    new float[] {sb.lossD(), sb.dReal(), sb.dFake(), sb.lossGE()}, 1e-5f);
            assertTrue(Math.abs(sa.lossCycle() - sb.lossCycle()) > 1e-3f, sa.lossCycle() + " vs " + sb.lossCycle());
            StepStats sb2 = b.train(x, z(1, 32, 8));
            StepStats sc2 = c.train(x, z(1, 32, 8));
            assertArrayEquals(new float[] {sb.lossCycle(), sb2.lossCycle(), sb2.lossGE()},
                    new float[] {sc.lossCycle(), sc2.lossCycle(), sc2.lossGE()}, 1e-5f);
        }
    }

    private static double maxTrainableDifference(Block a, Block b) {
        double max = 0;
        for (int i = 0; i < a.getParameters().size(); i++) {
            Parameter p = a.getParameters().get(i).getValue();
            if (p.requiresGradient()) {
                float[] u = p.getArray().toFloatArray();
                float[] v = b.getParameters().get(i).getValue().getArray().toFloatArray();
                for (int k = 0; k < u.length; k++) {
                    max = Math.max(max, Math.abs(u[k] - v[k]));
                }
            }
        }
        return max;
    }

    /**
     * The trainer scores the real and the fake pairs in one batch of 2B rows. That equals two
     * batches only while D has no layer that couples rows, such as batch norm.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Architecture.class)
    void theDiscriminatorScoresEachPairOnItsOwn(Architecture arch) throws Exception {
        var mc = new ModelConfig(arch, 8, 1, 28, 16, true, 0.2f, true);
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = TestModels.trainer(m, mc,
                TestModels.smallTrain(1))) {
            var s = new Shape(4, 1, 28, 28);
            float[] images = new BatchIterator(TestModels.mnist(64), 8, 1).next();
            NDArray x = m.create(Arrays.copyOfRange(images, 0, 4 * 784), s);
            NDArray other = m.create(Arrays.copyOfRange(images, 4 * 784, 8 * 784), s);
            NDArray z = m.create(z(0, 4, 8), new Shape(4, 8));
            NDArray together = t.model().discriminate(x.concat(other), z.concat(z.neg()), false);
            assertArrayEquals(t.model().discriminate(x, z, false).toFloatArray(), together.get("0:4").toFloatArray(),
                    1e-5f);
            assertArrayEquals(t.model().discriminate(other, z.neg(), false).toFloatArray(),
                    together.get("4:").toFloatArray(), 1e-5f);
        }
    }

    /** A step leaves no array behind in the model's manager (its optimizer state and weights aside). */
    @Test
    void stepsLeaveNoArraysInTheModelsManager() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 1);
            var manager = (BaseNDManager) t.model().manager();
            for (int s = 0; s < 2; s++) {
                t.train(it.next(), z(s, 32, 8));
            }
            int before = manager.getManagedArrays().size();
            for (int s = 2; s < 7; s++) {
                t.train(it.next(), z(s, 32, 8));
            }
            assertEquals(before, manager.getManagedArrays().size(), "arrays in the model's manager after 5 more steps");
        }
    }

    @Test
    void theImageScoreSeesOnlyTheImage() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            var model = t.model();
            assertEquals(2, model.config().discriminatorOutputs());
            NDArray x = m.create(new BatchIterator(TestModels.mnist(64), 4, 1).next(), new Shape(4, 1, 28, 28));
            NDArray z = m.create(z(0, 4, 8), new Shape(4, 8));
            NDArray base = model.discriminate(x, z, false);
            NDArray otherZ = model.discriminate(x, z.neg(), false);
            NDArray otherX = model.discriminate(x.flip(3), z, false);
            // Column 0: the joint score s_xz; column 1: the image score s_x.
            assertTrue(!Arrays.equals(column(base, 0), column(otherZ, 0)), "the joint score follows z");
            assertTrue(!Arrays.equals(column(base, 0), column(otherX, 0)), "the joint score follows x");
            assertTrue(Arrays.equals(column(base, 1), column(otherZ, 1)), "the image score ignores z");
            assertTrue(!Arrays.equals(column(base, 1), column(otherX, 1)), "the image score follows x");
        }
    }

    private static float[] column(NDArray logits, int c) {
        return logits.get(":, " + c).toFloatArray();
    }

    @Test
    void gradientsAreZeroAtTheStartOfEveryDiscriminatorStep() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 1);
            for (int s = 0; s < 3; s++) {
                t.train(it.next(), z(s, 32, 8));
                // After a full step (which ends with the G+E step), nothing is left on D or on G/E.
                assertEquals(0.0, gradientMass(t.model().discriminator()), 0.0, "D gradients after step " + s);
                assertEquals(0.0, gradientMass(t.model().generator()), 0.0, "G gradients after step " + s);
                assertEquals(0.0, gradientMass(t.model().encoder()), 0.0, "E gradients after step " + s);
            }
            // The G+E step alone must not leave gradients on D either (the DJL accumulation trap).
            t.trainGeneratorEncoderOnly(it.next(), z(9, 32, 8));
            assertEquals(0.0, gradientMass(t.model().discriminator()), 0.0);
        }
    }

    static double gradientMass(Block b) {
        double s = 0;
        for (Pair<String, Parameter> p : b.getParameters()) {
            if (p.getValue().requiresGradient()) {
                try (NDArray g = p.getValue().getArray().getGradient()) {
                    s += g.abs().sum().getFloat();
                }
            }
        }
        return s;
    }

    static boolean sameTrainable(Block b, List<float[]> before) {
        int i = 0;
        for (Pair<String, Parameter> p : b.getParameters()) {
            if (p.getValue().requiresGradient()
                    && !Arrays.equals(p.getValue().getArray().toFloatArray(), before.get(i))) {
                return false;
            }
            i++;
        }
        return true;
    }

    @Test
    void aFewHundredStepsMoveBothDiscriminatorOutputsAndStayFinite() throws Exception {
        ImageDataset data = TestModels.mnist(2000);
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(2))) {
            BatchIterator it = new BatchIterator(data, 32, 2);
            StepStats first = t.train(it.next(), z(0, 32, 8));
            double real = 0, fake = 0;
            for (int s = 1; s <= 300; s++) {
                StepStats st = t.train(it.next(), z(s, 32, 8));
                assertTrue(st.finite(), "finite losses at step " + s);
                if (s > 250) {
                    real += st.dReal() / 50;
                    fake += st.dFake() / 50;
                }
            }
            assertTrue(real > first.dReal() + 0.1, "D(x,E(x)) rose: " + real + " from " + first.dReal());
            assertTrue(fake < first.dFake() - 0.1, "D(G(z),z) fell: " + fake + " from " + first.dFake());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"28, 1", "32, 3", "64, 1"})
    void convArchitectureTrainsAndGeneratesAtEverySupportedSize(int size, int channels) throws Exception {
        var mc = new ModelConfig(Architecture.CONV, 8, channels, size, 8,
                true, 0.2f, true);
        int n = 4;
        int pixels = mc.pixels();
        float[] x = new float[n * pixels];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 7919 % 101) / 100f;
        }
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, mc, new TrainConfig(n, 2e-4f, 2e-4f, 0.5f, 0.999f, 1f, 1f, 1))) {
            List<float[]> g0 = TestModels.values(t.model().generator());
            StepStats st = t.train(x, z(0, n, 8));
            assertTrue(st.finite(), "finite losses");
            assertTrue(TestModels.allTrainableChanged(t.model().generator(), g0), "every G weight moves");
            float[] images = t.model().generate(z(1, n, 8), n);
            assertEquals(n * pixels, images.length, "G(z) has the image shape");
            assertEquals(n * 8, t.model().encode(images, n).length, "E(x) has the latent shape");
        }
    }
}
