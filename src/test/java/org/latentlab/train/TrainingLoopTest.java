package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.CheckpointStore;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.LossLog;

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
        assertEquals(32 * 784, snaps.get(0).grids().samples().length);
        assertEquals(32 * 784, snaps.get(0).grids().densitySamples().length, "and as many from the running density");
        assertTrue(snaps.size() >= 3, "initial, step 20 and final snapshots");
        assertEquals("step-00000030", Files.readString(store.dir().resolve("latest")).trim());
        assertEquals(progress.stream().map(LossPoint::of).toList(), LossLog.read(store.dir(), Long.MAX_VALUE),
                "the run's loss history, as the progress reported it");
        List<ReconstructionPoint> errors = LossLog.history(store.dir(), Long.MAX_VALUE).reconstructions();
        assertEquals(snaps.stream().filter(s -> s.step() > 0)
                .map(s -> new ReconstructionPoint(s.step(), s.grids().reconstructionMse())).toList(),
                errors.subList(1, errors.size()), "and its reconstruction error, as each grid measured it (20, 30)");
        assertEquals(10, errors.get(0).step(), "and at the checkpoint between grids");
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

    /**
     * "Save checkpoint as…" mid-run: the model as it is at the paused step, written outside the
     * run's folder (never pruned), the same weights the run's own checkpoint of that step holds; a
     * folder of the user's that is not a checkpoint is refused and left as it was.
     */
    @Test
    void aSaveAskedForWhilePausedWritesTheCurrentWeightsAndRefusesAForeignFolder() throws Exception {
        TrainingControl control = new TrainingControl();
        CheckpointStore store = CheckpointStore.forNewRun(dir.resolve("run"), 1);
        CountDownLatch paused = new CountDownLatch(1);
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("letter.txt"), "keep me");
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            TrainingListener l = new TrainingListener() {
                @Override
                public void onProgress(TrainingProgress p) {
                    if (p.step() == 20) {
                        control.pause();
                        paused.countDown();
                    }
                }
            };
            var loop = new TrainingLoop(t, TestModels.mnist(320), new TrainingLoop.Options(1000, 10, 1000, 10, store,
                    TestModels.MNIST_DATA, "t"), l, control);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                var result = thread.submit(loop::run);
                assertTrue(paused.await(60, TimeUnit.SECONDS));
                Path mine = control.requestSave(dir.resolve("mine")).get(60, TimeUnit.SECONDS);
                assertEquals(20, Checkpoints.readManifest(mine).step());
                var refused = control.requestSave(docs);
                ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(60, TimeUnit.SECONDS));
                assertTrue(e.getCause().getMessage().contains("not a checkpoint"), e.getCause().getMessage());
                control.cancel();
                assertEquals(20, result.get(60, TimeUnit.SECONDS).step());
            } finally {
                thread.shutdownNow();
            }
        }
        assertEquals("keep me", Files.readString(docs.resolve("letter.txt")));
        Path own = store.dir().resolve("step-00000020");
        for (String f : List.of("generator.params", "encoder.params")) {
            assertEquals(-1, Files.mismatch(dir.resolve("mine").resolve(f), own.resolve(f)), f);
        }
    }

    /**
     * A loss history that cannot be written (here a folder in its place) is said once; the run goes
     * on, and so does the history once it can be written again.
     */
    @Test
    void aLossHistoryThatCannotBeWrittenCostsNothingButIt() throws Exception {
        CheckpointStore store = CheckpointStore.forNewRun(dir.resolve("run"), 2);
        Files.createDirectories(store.dir().resolve(LossLog.FILE));
        List<String> warnings = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            var r = new TrainingLoop(t, TestModels.mnist(320), new TrainingLoop.Options(30, 10, 100, 100, store,
                    TestModels.MNIST_DATA, "t"), new TrainingListener() {
                        @Override
                        public void onWarning(String message) {
                            warnings.add(message);
                            try { // room again
                                Files.delete(store.dir().resolve(LossLog.FILE));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }, new TrainingControl()).run();
            assertEquals(30, r.step());
            assertEquals(store.dir().resolve("step-00000030"), r.lastCheckpoint());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("Could not write the run's history"), warnings.get(0));
        assertEquals(List.of(20L, 30L), LossLog.read(store.dir(), 30).stream().map(LossPoint::step).toList());
    }

    /**
     * The command line draws no grids between the first and the last: its run's reconstruction
     * error is measured at each checkpoint, so an opened run charts it over the whole run.
     */
    @Test
    void aRunWithoutGridsRecordsItsReconstructionErrorAtEachCheckpoint() throws Exception {
        CheckpointStore store = CheckpointStore.forNewRun(dir.resolve("run"), 5);
        List<TrainingSnapshot> snaps = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            new TrainingLoop(t, TestModels.mnist(320), new TrainingLoop.Options(30, 10, Integer.MAX_VALUE, 10, store,
                    TestModels.MNIST_DATA, "t"), new TrainingListener() {
                        @Override
                        public void onSnapshot(TrainingSnapshot s) {
                            snaps.add(s);
                        }
                    }, new TrainingControl()).run();
        }
        List<ReconstructionPoint> kept = LossLog.history(store.dir(), Long.MAX_VALUE).reconstructions();
        assertEquals(List.of(10L, 20L, 30L), kept.stream().map(ReconstructionPoint::step).toList());
        assertEquals(snaps.get(snaps.size() - 1).grids().reconstructionMse(), kept.get(2).mse(), "the last grid's");
        assertTrue(kept.get(0).mse() > 0 && kept.get(0).mse() < 1, kept.toString());
    }
}
