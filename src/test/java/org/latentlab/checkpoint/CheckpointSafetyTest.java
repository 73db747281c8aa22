package org.latentlab.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.BatchIterator;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.latent.Prior;
import org.latentlab.model.BiGan;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TestModels;

/** The ways a run or a checkpoint used to be lost, each shut. */
class CheckpointSafetyTest {
    @TempDir Path dir;

    private static BiGanTrainer trained(NDManager m, int steps) throws Exception {
        BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1));
        BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 1);
        for (int s = 0; s < steps; s++) {
            t.train(it.next(), Prior.sample(1, s, 32, 8));
        }
        return t;
    }

    @Test
    void aFreshRunRefusesAFolderThatHoldsARun() throws Exception {
        Path run = dir.resolve("run");
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = trained(m, 1)) {
            CheckpointStore.forNewRun(run, 2).save(t, TestModels.MNIST_DATA, "test", Map.of());
        }
        var e = assertThrows(CheckpointException.class, () -> CheckpointStore.forNewRun(run, 2));
        assertTrue(e.getMessage().contains("already holds a training run"), e.getMessage());
        assertEquals(dir.resolve("run-2"), CheckpointStore.freeFolder(run));
    }

    /** Resumed from an earlier step into its own folder: the new checkpoints survive and latest names one. */
    @Test
    void pruningNeverDeletesTheCheckpointJustWritten() throws Exception {
        Path run = dir.resolve("run");
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = trained(m, 1)) {
            CheckpointStore store = CheckpointStore.forNewRun(run, 3);
            for (int s : new int[] {10, 20, 30}) {
                t.restoreStep(s);
                store.save(t, TestModels.MNIST_DATA, "test", Map.of());
            }
        }
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = CheckpointLoader.loadTrainer(run.resolve("step-00000010"), m)) {
            CheckpointStore store = CheckpointStore.forResumedRun(run, run.resolve("step-00000010"), 2);
            t.restoreStep(11);
            Path saved = store.save(t, TestModels.MNIST_DATA, "test", Map.of());
            assertTrue(Files.isDirectory(saved), "the checkpoint just written was deleted");
            assertEquals(saved, Checkpoints.resolve(run));
            assertEquals(11, Checkpoints.readManifest(run).step());
        }
        Path other = dir.resolve("other");
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = trained(m, 1)) {
            CheckpointStore.forNewRun(other, 2).save(t, TestModels.MNIST_DATA, "test", Map.of());
        }
        var e = assertThrows(CheckpointException.class, () -> CheckpointStore.forResumedRun(run, other, 2));
        assertTrue(e.getMessage().contains("holds another training run"), e.getMessage());
    }

    @Test
    void emptyOrLoopingLatestIsAClearError() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("latest"), "");
        assertTrue(assertThrows(CheckpointException.class,
                () -> Checkpoints.resolve(run)).getMessage().contains("empty"));
        Files.writeString(run.resolve("latest"), "loop\n");
        Files.createSymbolicLink(run.resolve("loop"), run);
        var e = assertTimeoutPreemptively(Duration.ofSeconds(20), // a hang, not a slow machine
                () -> assertThrows(CheckpointException.class, () -> Checkpoints.resolve(run)));
        assertTrue(e.getMessage().contains("loop"), e.getMessage());
        Files.writeString(run.resolve("latest"), "../../etc\n");
        assertThrows(CheckpointException.class, () -> Checkpoints.resolve(run));
    }

    @Test
    void manifestFileNamesMustBePlainRegularFilesOfSaneSize() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = trained(m, 1)) {
            Checkpoints.save(t, ckpt, TestModels.MNIST_DATA, "test", Map.of());
        }
        CheckpointManifest original = Checkpoints.readManifest(ckpt);
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not yours");
        for (String bad : new String[] {"../secret.txt", secret.toString(), "sub/x", ".hidden"}) {
            withListedFile(ckpt, original, bad, "00");
            var e = assertThrows(CheckpointException.class, () -> Checkpoints.copy(ckpt, dir.resolve("copy")));
            assertTrue(e.getMessage().contains("not a plain name"), e.getMessage());
        }
        Files.createSymbolicLink(ckpt.resolve("link.bin"), secret);
        withListedFile(ckpt, original, "link.bin", CheckpointFiles.sha256(Files.readAllBytes(secret)));
        assertTrue(assertThrows(CheckpointException.class, () -> Checkpoints.copy(ckpt, dir.resolve("copy")))
                .getMessage().contains("not a plain file"));
        Files.delete(ckpt.resolve("link.bin"));
        Process fifo = new ProcessBuilder("mkfifo", ckpt.resolve("pipe.bin").toString()).start();
        assertEquals(0, fifo.waitFor());
        withListedFile(ckpt, original, "pipe.bin", "00");
        assertTimeoutPreemptively(Duration.ofSeconds(20), // a hang, not a slow machine
                () -> assertThrows(CheckpointException.class, () -> Checkpoints.copy(ckpt, dir.resolve("copy"))));
        Files.delete(ckpt.resolve("pipe.bin"));
        try (RandomAccessFile huge = new RandomAccessFile(ckpt.resolve("huge.bin").toFile(), "rw")) {
            huge.setLength(CheckpointFiles.MAX_FILE_BYTES + 1); // sparse: no disk used
        }
        withListedFile(ckpt, original, "huge.bin", "00");
        assertTrue(assertThrows(CheckpointException.class, () -> Checkpoints.copy(ckpt, dir.resolve("copy")))
                .getMessage().contains("too large"));
        assertFalse(Files.exists(dir.resolve("copy")));
    }

    private static void withListedFile(Path ckpt, CheckpointManifest original, String name,
            String hash) throws Exception {
        Map<String, String> files = new LinkedHashMap<>(original.files());
        files.put(name, hash);
        Files.writeString(ckpt.resolve(Checkpoints.MANIFEST), Json.GSON.toJson(original.withFiles(files)));
    }

    /** One standard normal component in d dimensions. */
    static GaussianMixture standardNormal(int d) {
        double[][] chol = new double[d][d];
        for (int i = 0; i < d; i++) {
            chol[i][i] = 1;
        }
        return new GaussianMixture(new double[] {1}, new double[][] {new double[d]}, new double[][][] {chol});
    }

    @Test
    void copyTakesOnlyTheListedFiles() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = trained(m, 1)) {
            Checkpoints.save(t, ckpt, TestModels.MNIST_DATA, "test", Map.of());
        }
        Files.writeString(ckpt.resolve("notes.txt"), "a stray file");
        Checkpoints.copy(ckpt, dir.resolve("copy"));
        assertFalse(Files.exists(dir.resolve("copy/notes.txt")));
        try (NDManager m = NDManager.newBaseManager(); BiGan model = CheckpointLoader.loadModel(dir.resolve("copy"),
                m)) {
            assertEquals(8, model.config().zdim());
        }
    }

    @Test
    void exportIntoItsOwnFolderKeepsTheDensity() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = trained(m, 1)) {
            Checkpoints.save(t, ckpt, TestModels.MNIST_DATA, "test", Map.of());
        }
        LatentDensityFile.attach(ckpt, standardNormal(8));
        Checkpoints.export(ckpt, ckpt);
        assertNotNull(LatentDensityFile.read(ckpt));
        assertFalse(Files.exists(ckpt.resolve(Checkpoints.OPTIMIZER)));
    }

    /**
     * Replacing the density replaces the folder: the manifest and its files always agree, and
     * nothing is left behind.
     */
    @Test
    void replacingTheDensityKeepsTheCheckpointWholeAndCleansUp() throws Exception {
        Path run = dir.resolve("run");
        Path ckpt;
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = trained(m, 1)) {
            ckpt = CheckpointStore.forNewRun(run, 2).save(t, TestModels.MNIST_DATA, "test", Map.of());
        }
        LatentDensityFile.attach(run, standardNormal(8));
        LatentDensityFile.attach(run, standardNormal(8));
        assertNotNull(LatentDensityFile.read(run));
        for (String f : Checkpoints.readManifest(ckpt).files().keySet()) {
            CheckpointLoader.verifiedBytes(ckpt, Checkpoints.readManifest(ckpt), f);
        }
        Files.createDirectories(run.resolve(".step-00000001.tmp-123"));
        Files.writeString(run.resolve(".latest123.tmp"), "x");
        CheckpointStore.forResumedRun(run, run, 2);
        try (Stream<Path> s = Files.list(run)) {
            assertEquals(List.of("latest", "step-00000001"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
