package org.latentlab.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.model.BiGan;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TestModels;
import org.latentlab.train.TrainingControl;
import org.latentlab.train.TrainingListener;
import org.latentlab.train.TrainingLoop;

/**
 * A real full disk: a small tmpfs (mounting needs root, which CI has; elsewhere the test is
 * skipped and says why). The checkpoint that does not fit fails with the system's words, the
 * previous one stays whole and loadable, and a run that may pause keeps its model and saves once
 * there is room again.
 */
class FullDiskTest {
    @TempDir Path dir;
    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        boolean mounted;
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", disk.toString())
                    .redirectErrorStream(true).start();
            mounted = p.waitFor() == 0;
        } catch (IOException e) {
            mounted = false;
        }
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here (not root?): the full-disk test needs one");
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", disk.toString()).start().waitFor();
    }

    /** Fills the disk until fewer than {@code leave} bytes are free; returns the filler files. */
    private List<Path> fillUntil(long leave) throws IOException {
        List<Path> fillers = new ArrayList<>();
        FileStore store = Files.getFileStore(disk);
        byte[] block = new byte[64 * 1024];
        for (int i = 0; store.getUsableSpace() > leave; i++) {
            Path f = disk.resolve("filler-" + i);
            fillers.add(f);
            try {
                Files.write(f, block);
            } catch (IOException full) {
                break;
            }
        }
        return fillers;
    }

    @Test
    void theCommandLineEndsWithAClearMessageAndThePreviousCheckpointIntact() throws Exception {
        Path run = disk.resolve("run");
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            var store = CheckpointStore.forNewRun(run, 3);
            trainTo(2, t, store, new TrainingListener() {}, new TrainingControl());
            long size = sizeOf(run.resolve("step-00000002"));
            fillUntil(size / 2);
            var e = assertThrows(UncheckedIOException.class,
                    () -> trainTo(3, t, store, new TrainingListener() {}, new TrainingControl()));
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertTrue(e.getMessage().contains("The previous checkpoint is intact"), e.getMessage());
        }
        assertEquals(2, Checkpoints.readManifest(run).step());
        try (NDManager m = NDManager.newBaseManager(); BiGan model = CheckpointLoader.loadModel(run, m)) {
            assertEquals(8, model.config().zdim());
        }
        try (Stream<Path> s = Files.list(run)) {
            // nothing half-written left behind, no step 3; the run's history beside its checkpoints
            assertEquals(List.of("latest", LossLog.FILE, LossLog.RECONSTRUCTION_FILE, "step-00000001", "step-00000002"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theWindowPausesKeepsTheModelAndSavesOnceThereIsRoom() throws Exception {
        Path run = disk.resolve("run");
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            var store = CheckpointStore.forNewRun(run, 1);
            trainTo(1, t, store, new TrainingListener() {}, new TrainingControl());
            List<Path> fillers = fillUntil(sizeOf(run.resolve("step-00000001")) / 2);
            TrainingControl control = new TrainingControl();
            List<String> failures = new ArrayList<>();
            TrainingListener window = new TrainingListener() {
                @Override
                public boolean onCheckpointFailed(String message) {
                    failures.add(message);
                    new Thread(() -> { // the user frees space and presses Resume
                        try {
                            while (!control.isPaused()) {
                                Thread.onSpinWait();
                            }
                            for (Path f : fillers) {
                                Files.deleteIfExists(f);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        control.resume();
                    }).start();
                    return true;
                }
            };
            var r = trainTo(3, t, store, window, control);
            assertEquals(1, failures.size(), "one failed save, then room");
            assertTrue(failures.get(0).contains("No space left on device"), failures.get(0));
            assertEquals(3, r.step());
        }
        assertEquals(3, Checkpoints.readManifest(run).step());
    }

    @Test
    void theWindowCanMoveTheRunToAnotherFolderAndSaveThere() throws Exception {
        Path run = disk.resolve("run");
        Path elsewhere = dir.resolve("elsewhere"); // not on the small disk
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            var store = CheckpointStore.forNewRun(run, 1);
            trainTo(1, t, store, new TrainingListener() {}, new TrainingControl());
            fillUntil(sizeOf(run.resolve("step-00000001")) / 2);
            TrainingControl control = new TrainingControl();
            TrainingListener window = new TrainingListener() {
                @Override
                public boolean onCheckpointFailed(String message) {
                    new Thread(() -> { // the user picks another folder and presses Resume
                        while (!control.isPaused()) {
                            Thread.onSpinWait();
                        }
                        control.redirectCheckpoints(elsewhere);
                        control.resume();
                    }).start();
                    return true;
                }
            };
            assertEquals(3, trainTo(3, t, store, window, control).step());
        }
        assertEquals(1, Checkpoints.readManifest(run).step(), "the old folder keeps its checkpoint");
        assertEquals(3, Checkpoints.readManifest(elsewhere).step(), "the run went on saving in the new folder");
    }

    /** Trains to {@code steps} with a checkpoint after every step. */
    private static TrainingLoop.Result trainTo(long steps, BiGanTrainer t, CheckpointStore store,
            TrainingListener listener,
            TrainingControl control) throws Exception {
        var opts = new TrainingLoop.Options(steps, 1, 1000, 1, store, TestModels.MNIST_DATA, "test");
        return new TrainingLoop(t, TestModels.mnist(256), opts, listener, control).run();
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            long total = 0;
            for (Path p : s.toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
