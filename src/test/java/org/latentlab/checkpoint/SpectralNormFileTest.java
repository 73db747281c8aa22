package org.latentlab.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.data.BatchIterator;
import org.latentlab.latent.Prior;
import org.latentlab.model.BiGan;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TestModels;

/** A normalised D's u vectors written and read back, and damaged files refused in words. */
class SpectralNormFileTest {
    private static byte[] bytesOf(BiGan model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            SpectralNormFile.write(out, model);
        }
        return bytes.toByteArray();
    }

    /** The vectors of a normalised model after two training steps, and the file written of them. */
    private record Trained(Map<Parameter, float[]> vectors, byte[] file) {}

    private static Trained trained(NDManager m) throws IOException {
        try (BiGanTrainer t = TestModels.trainer(m, TestModels.small().withSpectralNorm(true),
                TestModels.smallTrain(1))) {
            BatchIterator it = new BatchIterator(TestModels.mnist(64), 32, 1);
            for (int s = 0; s < 2; s++) {
                t.train(it.next(), Prior.sample(1, s, 32, 8));
            }
            return new Trained(t.model().spectralVectors(), bytesOf(t.model()));
        }
    }

    @Test
    void vectorsComeBackByWeight() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Trained written = trained(m);
            byte[] file = written.file();
            assertTrue(written.vectors().size() >= 3, "every weight of D has a vector: " + written.vectors().size());
            try (BiGan fresh = new BiGan(TestModels.small().withSpectralNorm(true), m)) {
                SpectralNormFile.restore(file, fresh);
                Map<Parameter, float[]> read = fresh.spectralVectors();
                assertEquals(written.vectors().size(), read.size());
                // the same weights by position in D: the fresh model's parameters are other objects
                var before = written.vectors().values().stream().map(Arrays::toString).sorted().toList();
                var after = read.values().stream().map(Arrays::toString).sorted().toList();
                assertEquals(before, after);
            }
        }
    }

    @Test
    void damagedOrForeignFilesAreRefused() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            byte[] file = trained(m).file();
            try (BiGan fresh = new BiGan(TestModels.small().withSpectralNorm(true), m);
                    BiGan plain = new BiGan(TestModels.small(), m);
                    BiGan wider = new BiGan(TestModels.small().withHidden(32).withSpectralNorm(true), m)) {
                IOException cut = assertThrows(IOException.class,
                        () -> SpectralNormFile.restore(Arrays.copyOf(file, file.length - 3), fresh));
                assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
                assertThrows(IOException.class, () -> SpectralNormFile.restore(Arrays.copyOf(file, file.length + 1),
                        fresh));
                assertThrows(IllegalArgumentException.class, () -> SpectralNormFile.restore(file, plain));
                assertThrows(IllegalArgumentException.class, () -> SpectralNormFile.restore(file, wider));
            }
        }
    }
}
