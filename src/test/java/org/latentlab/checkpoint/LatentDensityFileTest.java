package org.latentlab.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.model.BiGan;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TestModels;

class LatentDensityFileTest {
    @TempDir Path dir;
    private Path ckpt;
    private GaussianMixture fitted;

    @BeforeEach
    void saveAndFit() throws Exception {
        ckpt = dir.resolve("ckpt");
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            Checkpoints.save(t, ckpt, TestModels.MNIST_DATA, "test", Map.of());
            fitted = LatentDensityFile.fit(t.model(), TestModels.mnist(256), new LatentDensityFile.Settings(4, 200, 1),
                    1);
        }
    }

    @Test
    void aCheckpointWithoutADensityHasNone() throws Exception {
        assertNull(LatentDensityFile.read(ckpt));
    }

    @Test
    void roundTripGivesTheSameSamplesAndKeepsTheWeightsLoadable() throws Exception {
        assertEquals(4, fitted.components());
        assertEquals(8, fitted.dimension());
        LatentDensityFile.attach(ckpt, fitted);
        GaussianMixture read = LatentDensityFile.read(ckpt);
        assertArrayEquals(fitted.sample(50, 3), read.sample(50, 3));
        assertTrue(Checkpoints.readManifest(ckpt).files().containsKey(LatentDensityFile.FILE));
        try (NDManager m = NDManager.newBaseManager(); BiGan model = CheckpointLoader.loadModel(ckpt, m)) {
            assertEquals(8, model.config().zdim());
        }
        Checkpoints.export(ckpt, dir.resolve("exported"));
        assertArrayEquals(fitted.sample(50, 3), LatentDensityFile.read(dir.resolve("exported")).sample(50, 3));
    }

    /**
     * Attaching a density rewrites the checkpoint folder; what lives there beside the model's own
     * files comes along: the run's loss history, a classifier of its data (eval looks for one in
     * the model's folder), a user's notes.
     */
    @Test
    void attachingKeepsWhatTheFolderHoldsBesideTheModel() throws Exception {
        Files.writeString(ckpt.resolve(LossLog.FILE), "{\"step\":10}\n");
        Files.createDirectories(ckpt.resolve("classifier/weights"));
        Files.writeString(ckpt.resolve("classifier/manifest.json"), "{}");
        Files.writeString(ckpt.resolve("classifier/weights/w.bin"), "w");
        Files.writeString(ckpt.resolve("notes.txt"), "mine");
        LatentDensityFile.attach(ckpt, fitted);
        assertEquals("{\"step\":10}\n", Files.readString(ckpt.resolve(LossLog.FILE)));
        assertEquals("{}", Files.readString(ckpt.resolve("classifier/manifest.json")));
        assertEquals("w", Files.readString(ckpt.resolve("classifier/weights/w.bin")));
        assertEquals("mine", Files.readString(ckpt.resolve("notes.txt")));
        assertArrayEquals(fitted.sample(5, 3), LatentDensityFile.read(ckpt).sample(5, 3));
    }

    @Test
    void aDamagedDensityIsAClearError() throws Exception {
        LatentDensityFile.attach(ckpt, fitted);
        Path f = ckpt.resolve(LatentDensityFile.FILE);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x11;
        Files.write(f, b);
        String msg = assertThrows(CheckpointException.class, () -> LatentDensityFile.read(ckpt)).getMessage();
        assertTrue(msg.contains(LatentDensityFile.FILE) && msg.contains("corrupted"), msg);
    }

    /**
     * The temperature a density is drawn at by default travels with it; a file written before it was
     * kept reads as the default, and one out of range is refused.
     */
    @Test
    void theDensitysTemperatureIsStoredWithIt() throws Exception {
        assertEquals(GaussianMixture.DEFAULT_TEMPERATURE, fitted.temperature());
        LatentDensityFile.attach(ckpt, fitted.withTemperature(1.0));
        GaussianMixture read = LatentDensityFile.read(ckpt);
        assertEquals(1.0, read.temperature());
        assertArrayEquals(fitted.sample(20, 3), read.sample(20, 3), "the same mixture");
        var s = LatentDensityFile.toStored(fitted);
        var old = new LatentDensityFile.Stored(s.format(), s.version(), s.dimension(), s.weights(), s.means(),
                s.choleskyLower(), null);
        assertEquals(GaussianMixture.DEFAULT_TEMPERATURE, LatentDensityFile.fromStored(old, 8).temperature());
        var hot = new LatentDensityFile.Stored(s.format(), s.version(), s.dimension(), s.weights(), s.means(),
                s.choleskyLower(), 1.5);
        var e = assertThrows(IllegalArgumentException.class, () -> LatentDensityFile.fromStored(hot, 8));
        assertTrue(e.getMessage().contains("at most 1"), e.getMessage());
    }

    @Test
    void aDensityForAnotherLatentSizeOrWithBadNumbersIsRejected() {
        var stored = LatentDensityFile.toStored(fitted);
        var e = assertThrows(IllegalArgumentException.class, () -> LatentDensityFile.fromStored(stored, 16));
        assertTrue(e.getMessage().contains("latent size is 16"), e.getMessage());
        stored.choleskyLower()[0][0] = -1; // a covariance that is not positive definite
        assertThrows(IllegalArgumentException.class, () -> LatentDensityFile.fromStored(stored, 8));
        stored.choleskyLower()[0][0] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> LatentDensityFile.fromStored(stored, 8));
    }
}
