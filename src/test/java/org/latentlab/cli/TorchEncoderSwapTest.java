package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.data.GeneratedData;
import org.latentlab.interop.TorchNames;
import org.latentlab.interop.TorchPython;
import org.latentlab.model.Architecture;
import org.latentlab.model.BiGan;

/**
 * The PyTorch trainer swaps E's kind on --resume as the app does (CheckpointLoader.withNewEncoder):
 * only in E's phase, keeping G and D, and the run comes back into the app with its conv E.
 */
class TorchEncoderSwapTest {
    @TempDir Path dir;

    @Test
    void aResumedRunInEsPhaseTakesAConvEncoderAndKeepsGAndD() throws Exception {
        String python = TorchPython.requireOrSkip();
        Path data = GeneratedData.idx(dir.resolve("shapes"), 64, 16);
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        TorchPython.run(python, "train", "--data", data, "--steps", 2, "--batch", 16, "--hidden", 32, "--zdim", 4,
                "--encoder-only-from", 2, "--log-every", 1, "--threads", 1, "--out", first);
        AssertionError refused = assertThrows(AssertionError.class, () -> TorchPython.run(python, "train", "--resume",
                first, "--encoder", "conv", "--encoder-only-from", 0, "--steps", 3, "--out", dir.resolve("never")));
        assertTrue(refused.getMessage().contains("a new conv encoder trains only while E trains alone"),
                refused.getMessage());
        TorchPython.run(python, "train", "--resume", first, "--encoder", "conv", "--steps", 3, "--log-every", 1,
                "--threads", 1, "--out", second);

        Path before = TorchPython.imported(first, dir.resolve("before"));
        Path after = TorchPython.imported(second, dir.resolve("after"));
        var manifest = Checkpoints.readManifest(after);
        assertEquals(3, manifest.step());
        assertEquals(Architecture.CONV, manifest.model().encoder());
        assertEquals(64, manifest.model().encoderWidth(), "a conv E's default width");
        try (NDManager m = NDManager.newBaseManager(); BiGan a = CheckpointLoader.loadModel(before, m);
                BiGan b = CheckpointLoader.loadModel(after, m)) {
            Map<String, Parameter> theirs = TorchNames.of(b);
            TorchNames.of(a).forEach((name, w) -> {
                if (!name.startsWith("encoder.")) {
                    assertArrayEquals(w.getArray().toFloatArray(), theirs.get(name).getArray().toFloatArray(), name);
                }
            });
            assertNotEquals(a.config().encoder(), b.config().encoder());
        }
    }
}
