package org.latentlab.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.BatchIterator;
import org.latentlab.latent.Prior;
import org.latentlab.model.BiGan;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TestModels;

class CheckpointsTest {
    @TempDir Path dir;
    private Path ckpt;
    private float[] z;
    private float[] x;

    @BeforeEach
    void saveOne() throws Exception {
        ckpt = dir.resolve("ckpt");
        z = Prior.sample(5, 0, 4, 8);
        x = new float[4 * 784];
        for (int i = 0; i < 4; i++) {
            TestModels.mnist(10).copyImage(i, x, i * 784);
        }
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            BatchIterator it = new BatchIterator(TestModels.mnist(256), 32, 1);
            for (int s = 0; s < 3; s++) {
                t.train(it.next(), Prior.sample(1, s, 32, 8));
            }
            Checkpoints.save(t, ckpt, TestModels.MNIST_DATA, "test", Map.of("answer", 42.0));
        }
    }

    private float[][] outputs(Path p) throws Exception {
        try (NDManager m = NDManager.newBaseManager(); BiGan model = CheckpointLoader.loadModel(p, m)) {
            return new float[][] {model.generate(z, 4), model.encode(x, 4)};
        }
    }

    @Test
    void roundTripGivesIdenticalOutputs() throws Exception {
        float[][] before;
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = CheckpointLoader.loadTrainer(ckpt, m)) {
            assertEquals(3, t.step());
            assertEquals(3, t.dOptimizer().updates());
            before = new float[][] {t.model().generate(z, 4), t.model().encode(x, 4)};
            Checkpoints.save(t, dir.resolve("again"), TestModels.MNIST_DATA, "test", Map.of());
        }
        float[][] after = outputs(dir.resolve("again"));
        assertArrayEquals(before[0], after[0]);
        assertArrayEquals(before[1], after[1]);
        assertArrayEquals(outputs(ckpt)[0], after[0]);
        assertEquals(42.0, Checkpoints.readManifest(ckpt).metrics().get("answer"));
    }

    @Test
    void exportDropsTheOptimizerAndStillLoadsAndTrains() throws Exception {
        Path exported = dir.resolve("exported");
        Checkpoints.export(ckpt, exported);
        assertFalse(Files.exists(exported.resolve(Checkpoints.OPTIMIZER)));
        assertArrayEquals(outputs(ckpt)[0], outputs(exported)[0]);
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = CheckpointLoader.loadTrainer(exported, m)) {
            assertEquals(3, t.step());
            assertTrue(t.train(new BatchIterator(TestModels.mnist(256), 32, 1).next(), Prior.sample(1, 3, 32,
                    8)).finite());
        }
    }

    @Test
    void corruptedByteIsDetected() throws Exception {
        Path f = ckpt.resolve(Checkpoints.ENCODER);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x40;
        Files.write(f, b);
        String msg = assertThrows(CheckpointException.class, () -> outputs(ckpt)).getMessage();
        assertTrue(msg.contains("encoder.params") && msg.contains("corrupted"), msg);
    }

    @Test
    void truncatedFileIsDetected() throws Exception {
        Path f = ckpt.resolve(Checkpoints.GENERATOR);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 100));
        String msg = assertThrows(CheckpointException.class, () -> outputs(ckpt)).getMessage();
        assertTrue(msg.contains("generator.params"), msg);
    }

    @Test
    void otherArchitectureInManifestIsRejectedByShape() throws Exception {
        // A manifest that claims another width than the weights have: hashes match, shapes do not.
        Path m = ckpt.resolve(Checkpoints.MANIFEST);
        Files.writeString(m, Files.readString(m).replace("\"hidden\": 64", "\"hidden\": 48"));
        String msg = assertThrows(CheckpointException.class, () -> outputs(ckpt)).getMessage();
        assertTrue(msg.contains("shape"), msg);
    }

    @Test
    void garbageManifestAndMissingFolderAreClearErrors() throws Exception {
        assertTrue(assertThrows(CheckpointException.class, () -> outputs(dir.resolve("nothing-here")))
                .getMessage().contains("not found"));
        Files.writeString(ckpt.resolve(Checkpoints.MANIFEST), "{ not json");
        assertTrue(assertThrows(CheckpointException.class, () -> outputs(ckpt)).getMessage().contains("unreadable"));
    }

    @Test
    void failureMidSaveLeavesThePreviousCheckpointLoadable() throws Exception {
        float[][] good = outputs(ckpt);
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = CheckpointLoader.loadTrainer(ckpt, m)) {
            t.train(new BatchIterator(TestModels.mnist(256), 32, 9).next(), Prior.sample(9, 0, 32, 8));
            assertThrows(IllegalStateException.class, () -> Checkpoints.save(t, ckpt, TestModels.MNIST_DATA, "test",
                    Map.of(),
                    () -> {
                        throw new IllegalStateException("simulated crash mid-save");
                    }));
        }
        assertArrayEquals(good[0], outputs(ckpt)[0]);
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary folder left");
        }
    }

    @Test
    void interruptedReplaceFallsBackToThePreviousFolder() throws Exception {
        // The window between moving the old checkpoint aside and moving the new one in.
        Files.move(ckpt, dir.resolve("ckpt.previous"));
        assertEquals(dir.resolve("ckpt.previous"), Checkpoints.resolve(ckpt));
        assertEquals(4 * 784, outputs(ckpt)[0].length);
    }

    @Test
    void filesAreWrittenAndReadInSlices() throws Exception {
        // A channel keeps a direct buffer as large as the largest array it was handed, per thread.
        byte[] data = new byte[3 * CheckpointFiles.SLICE + 123];
        new Random(1).nextBytes(data);
        int[] largest = new int[1];
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                largest[0] = Math.max(largest[0], len);
                super.write(b, off, len);
            }
        };
        try (var out = CheckpointFiles.sliced(sink)) {
            out.write(data, 0, 7);
            out.write(data, 7, data.length - 7);
        }
        assertArrayEquals(data, sink.toByteArray());
        assertEquals(CheckpointFiles.SLICE, largest[0]);
        String hash = CheckpointFiles.writeDurably(dir, "blob", out -> out.write(data));
        assertArrayEquals(data, CheckpointFiles.readAll(dir.resolve("blob"), CheckpointFiles.MAX_FILE_BYTES));
        assertEquals(CheckpointFiles.sha256(data), hash);
    }
}
