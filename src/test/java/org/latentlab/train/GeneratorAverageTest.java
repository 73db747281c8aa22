package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.CheckpointStore;
import org.latentlab.data.BatchIterator;
import org.latentlab.latent.Prior;
import org.latentlab.model.BiGan;

/** {@link TrainConfig#generatorAverage}: the moving average of G's weights that is sampled. */
class GeneratorAverageTest {
    @TempDir Path dir;

    /** average = decay * average + (1 - decay) * weights, for every parameter, statistics included. */
    @Test
    void updateMovesTheAverageTowardsTheWeights() {
        try (NDManager m = NDManager.newBaseManager();
                BiGan model = BiGan.seeded(TestModels.small(), m, 1);
                GeneratorAverage average = new GeneratorAverage(model.generator(), m, 0.75f)) {
            List<float[]> start = TestModels.values(model.generator());
            addOne(model);
            average.update();
            List<float[]> moved = TestModels.values(model.generator());
            average.withAverage(() -> {
                List<float[]> now = TestModels.values(model.generator());
                for (int i = 0; i < now.size(); i++) {
                    float[] expected = start.get(i).clone();
                    for (int j = 0; j < expected.length; j++) {
                        expected[j] += 0.25f;
                    }
                    assertArrayEquals(expected, now.get(i), 1e-5f, "parameter " + i);
                }
                return null;
            });
            assertTrue(TestModels.same(TestModels.values(model.generator()), moved), "G's own weights back");
        }
    }

    /** G's own weights come back even when the work with the average in place fails. */
    @Test
    void weightsComeBackAfterAFailure() {
        try (NDManager m = NDManager.newBaseManager();
                BiGan model = BiGan.seeded(TestModels.small(), m, 1);
                GeneratorAverage average = new GeneratorAverage(model.generator(), m, 0.5f)) {
            addOne(model);
            List<float[]> own = TestModels.values(model.generator());
            assertThrows(IllegalStateException.class, () -> average.withAverage(() -> {
                throw new IllegalStateException("disk full");
            }));
            assertTrue(TestModels.same(TestModels.values(model.generator()), own));
        }
    }

    /**
     * Training with the average: the sampled G differs from G's own weights and the checkpoint's G is
     * the sampled one; where E starts training alone, G becomes the average for good.
     */
    @Test
    void checkpointsHoldTheAverageAndTheEncoderPhaseInvertsIt() throws Exception {
        float[] z = Prior.sample(5, 0, 4, 8);
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(),
                        TestModels.smallTrain(2).withGeneratorAverage(0.9f).withEncoderOnlyFrom(4))) {
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 2);
            for (int s = 0; s < 3; s++) {
                t.train(it.next(), Prior.sample(2, s, 32, 8));
            }
            float[] sampled = t.withSamplingGenerator(() -> t.model().generate(z, 4));
            assertFalse(Arrays.equals(sampled, t.model().generate(z, 4)), "the average is not G");
            assertTrue(t.keepsTrainingGenerator());
            Path saved = CheckpointStore.forNewRun(dir.resolve("run"), 2).save(t, TestModels.MNIST_DATA, "test");
            try (NDManager other = NDManager.newBaseManager();
                    BiGan loaded = CheckpointLoader.loadModel(saved, other)) {
                assertArrayEquals(sampled, loaded.generate(z, 4), 1e-6f, "a checkpoint's G is the sampled one");
            }
            t.train(it.next(), Prior.sample(2, 3, 32, 8)); // step 4: still the game, the average moves
            float[] averageAtSwitch = t.withSamplingGenerator(() -> t.model().generate(z, 4));
            t.train(it.next(), Prior.sample(2, 4, 32, 8)); // step 5: E alone, G the average from now on
            assertFalse(t.keepsTrainingGenerator());
            assertArrayEquals(averageAtSwitch, t.model().generate(z, 4), 1e-6f, "G is the average");
            assertEquals(5, t.step());
        }
    }

    /** The training tab's grids show what the model would draw: the average, not G's last weights. */
    @Test
    void progressGridsDrawWithTheAverage() throws Exception {
        List<TrainingSnapshot> snaps = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(),
                        TestModels.smallTrain(3).withGeneratorAverage(0.9f))) {
            TrainingListener keep = new TrainingListener() {
                @Override
                public void onSnapshot(TrainingSnapshot s) {
                    snaps.add(s);
                }
            };
            new TrainingLoop(t, TestModels.mnist(320), new TrainingLoop.Options(12, 4, 100, 0, null,
                    TestModels.MNIST_DATA, "t"), keep, new TrainingControl()).run();
            float[] fixedNoise = Prior.sample(3, -1, SampleGrids.SAMPLE_COUNT, 8);
            float[] shown = snaps.get(snaps.size() - 1).grids().samples();
            assertArrayEquals(t.withSamplingGenerator(() -> t.model().generate(fixedNoise, SampleGrids.SAMPLE_COUNT)),
                    shown, 1e-6f);
            assertFalse(Arrays.equals(t.model().generate(fixedNoise, SampleGrids.SAMPLE_COUNT), shown));
        }
    }

    @Test
    void decayOutsideItsRangeIsRefused() {
        TrainConfig base = TestModels.smallTrain(1);
        assertThrows(IllegalArgumentException.class, () -> base.withGeneratorAverage(1f));
        assertThrows(IllegalArgumentException.class, () -> base.withGeneratorAverage(-0.1f));
        assertThrows(IllegalArgumentException.class, () -> base.withGeneratorAverage(Float.NaN));
        assertEquals(0.999f, base.withGeneratorAverage(0.999f).generatorAverage());
    }

    private static void addOne(BiGan model) {
        for (Pair<String, Parameter> p : model.generator().getParameters()) {
            var a = p.getValue().getArray();
            float[] v = a.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                v[i] += 1;
            }
            a.set(v);
        }
    }
}
