package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.CheckpointStore;

class TrainingLoopTest {
    @TempDir Path dir;

    @Test
    void emitsProgressSnapshotsAndCheckpointsAndHonoursCancel() throws Exception {
        List<TrainingProgress> progress = new ArrayList<>();
        List<TrainingSnapshot> snaps = new ArrayList<>();
        TrainingControl control = new TrainingControl();
        CheckpointStore store = CheckpointStore.forNewRun(dir.resolve("run"), 2);
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            TrainingListener l = new TrainingListener() {
                @Override
                public void onProgress(TrainingProgress p) {
                    progress.add(p);
                    if (p.step() == 30) {
                        control.cancel();
                    }
                }

                @Override
                public void onSnapshot(TrainingSnapshot s) {
                    snaps.add(s);
                }
            };
            var r = new TrainingLoop(t, TestModels.mnist(320), new TrainingLoop.Options(1000, 10, 20, 10, store,
                    TestModels.MNIST_DATA, "t"),
                    l, control).run();
            assertTrue(r.cancelled());
            assertEquals(30, r.step());
        }
        assertEquals(3, progress.size());
        assertTrue(progress.get(2).stepsPerSecond() > 0);
        assertEquals(64 * 784, snaps.get(0).samples().length);
        assertTrue(snaps.size() >= 3, "initial, step 20 and final snapshots");
        assertEquals("step-00000030", Files.readString(store.dir().resolve("latest")).trim());
        try (var s = Files.list(store.dir())) {
            assertEquals(2, s.filter(p -> p.getFileName().toString().startsWith("step-")).count(),
                    "keeps the newest 2");
        }
    }

    @Test
    void divergenceStopsWithAClearErrorAndKeepsTheLastGoodCheckpoint() throws Exception {
        CheckpointStore store = CheckpointStore.forNewRun(dir.resolve("run"), 2);
        TrainConfig wild = new TrainConfig(32, 0.9f, 0.9f, 0.5f, 0.999f, 1000f, 1000f, 1);
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = TestModels.trainer(m, TestModels.small(),
                wild)) {
            // Poison one weight: the next step produces NaN losses.
            var loop = new TrainingLoop(t, TestModels.mnist(320), new TrainingLoop.Options(5, 1, 1000, 2, store,
                    TestModels.MNIST_DATA, "t"),
                    new TrainingListener() {
                        @Override
                        public void onProgress(TrainingProgress p) {
                            if (p.step() == 4) {
                                var w = t.model().encoder().getParameters().get(0).getValue().getArray();
                                w.set(new NDIndex("0"), Float.NaN);
                            }
                        }
                    }, new TrainingControl());
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, loop::run);
            assertEquals(5, e.step());
            assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("last good checkpoint"));
        }
        assertEquals("step-00000004", Files.readString(store.dir().resolve("latest")).trim());
        try (NDManager m = NDManager.newBaseManager()) {
            CheckpointLoader.loadModel(store.dir(), m).close();
        }
    }
}
