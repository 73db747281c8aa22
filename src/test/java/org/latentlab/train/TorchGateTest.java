package org.latentlab.train;

import org.latentlab.latent.Prior;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.latentlab.data.BatchIterator;
import org.latentlab.data.ImageDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.eval.LinearProbe;
import org.latentlab.latent.Refiner;
import org.latentlab.model.BiGan;
import org.junit.jupiter.api.Test;

/**
 * Training and Refine each need autograd, which DJL allows one thread at a time in the whole JVM.
 * Run together they used to fail each other; through the gate both finish, with the linear probe
 * (its gradient written out, no autograd) running beside them as Evaluate runs it.
 */
class TorchGateTest {
    @Test
    void trainingRefineAndLinearProbeRunTogether() throws Exception {
        ImageDataset data = TestModels.mnist(512);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(() -> {
            TorchThreads.prepare(1);
            r.run();
        }));
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer trainer = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(3));
                BiGan copy = BiGan.seeded(TestModels.small(), m, 4)) {
            CompletableFuture<Long> training = CompletableFuture.supplyAsync(() -> {
                BatchIterator it = new BatchIterator(data, 32, 1);
                for (int s = 0; s < 40; s++) {
                    assertTrue(trainer.train(it.next(), Prior.sample(3, s, 32, 8)).finite());
                }
                return trainer.step();
            }, pool);
            CompletableFuture<Double> sideJobs = CompletableFuture.supplyAsync(() -> {
                float[] x = new float[784];
                data.copyImage(0, x, 0);
                double sum = 0;
                for (int i = 0; i < 5; i++) {
                    sum += Refiner.refine(copy, x, new float[8], 10, (t, e) -> true).error();
                    float[] z = Prior.sample(i, 0, 300, 8);
                    int[] y = new int[300];
                    for (int k = 0; k < 300; k++) {
                        y[k] = data.label(k);
                    }
                    sum += LinearProbe.accuracy(z, y, z, y, 8, 10);
                }
                return sum;
            }, pool);
            assertEquals(40L, training.get(60, TimeUnit.SECONDS));
            assertTrue(Double.isFinite(sideJobs.get(60, TimeUnit.SECONDS)));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A model built on another thread in the middle of a run does not change the run. */
    @Test
    void aModelBuiltMeanwhileDoesNotChangeTheRun() throws Exception {
        List<float[]> alone = run(false);
        List<float[]> disturbed = run(true);
        for (int i = 0; i < alone.size(); i++) {
            assertArrayEquals(alone.get(i), disturbed.get(i));
        }
    }

    private static List<float[]> run(boolean disturb) throws Exception {
        ImageDataset data = TestModels.mnist(256);
        ExecutorService other = Executors.newSingleThreadExecutor(r -> new Thread(() -> {
            TorchThreads.prepare(1);
            r.run();
        }));
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer trainer = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(9))) {
            CompletableFuture<?> noise = disturb ? CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 30; i++) {
                    try (NDManager o = NDManager.newBaseManager(); BiGan b = new BiGan(TestModels.small(), o)) {
                        b.parameterCount();
                    }
                }
            }, other) : CompletableFuture.completedFuture(null);
            BatchIterator it = new BatchIterator(data, 32, 1);
            for (int s = 0; s < 15; s++) {
                trainer.train(it.next(), Prior.sample(9, s, 32, 8));
            }
            noise.get(60, TimeUnit.SECONDS);
            return TestModels.values(trainer.model().discriminator());
        } finally {
            other.shutdownNow();
        }
    }
}
