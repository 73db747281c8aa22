package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.LatentDensityFile;
import org.latentlab.data.GeneratedData;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.interop.TorchPython;

/**
 * The recipe on many processes (torchrun, gloo, this machine's CPUs): two processes with a global
 * batch of 128 compute the losses one process computes over 50 steps, and the run comes back into
 * the app with nothing lost (weights, recipe, step, density), to explore and to train on.
 */
class DistributedTrainingTest {
    private static final int STEPS = 50;
    @TempDir Path dir;

    @Test
    void twoProcessesTrainWhatOneTrainsAndTheAppContinuesTheRun() throws Exception {
        String python = TorchPython.requireOrSkip();
        Path data = GeneratedData.idx(dir.resolve("shapes"), 384, 64);
        // with the terms that need the whole batch: batch norm, dropout, code noise, and prior matching (MMD) at a
        // weight where it steers (at 10 a halved MMD gradient on two processes stayed within the tolerance)
        Object[] recipe = {"train", "--data", data, "--steps", STEPS, "--batch", 128, "--hidden", 128, "--log-every",
            STEPS, "--lambda-prior", 1000, "--code-noise", 0.1};
        TorchPython.run(python, append(recipe, "--out", dir.resolve("one"), "--threads", 1));
        TorchPython.torchrun(python, 2, append(recipe, "--out", dir.resolve("two")));
        List<String> one = Files.readAllLines(dir.resolve("one/losses.jsonl"));
        List<String> two = Files.readAllLines(dir.resolve("two/losses.jsonl"));
        assertEquals(STEPS, one.size());
        assertEquals(STEPS, two.size());
        for (int s = 0; s < STEPS; s++) {
            JsonObject a = JsonParser.parseString(one.get(s)).getAsJsonObject();
            JsonObject b = JsonParser.parseString(two.get(s)).getAsJsonObject();
            for (String loss : List.of("lossD", "lossGE", "lossCycle", "dReal", "dFake")) {
                float x = a.get(loss).getAsFloat();
                float y = b.get(loss).getAsFloat();
                assertTrue(Math.abs(x - y) <= 2e-3 * Math.max(1, Math.abs(x)), "step " + (s + 1) + ", " + loss
                        + ": one process " + x + ", two " + y);
            }
        }
        Path imported = dir.resolve("imported");
        var r = CliTest.run("import-run", dir.resolve("two").toString(), "--out", imported.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("imported step " + STEPS), r.out());
        var manifest = Checkpoints.readManifest(imported);
        assertEquals(STEPS, manifest.step());
        assertEquals(128, manifest.train().batchSize());
        assertEquals(128, manifest.model().hidden());
        assertEquals(GeneratedData.CLASSES, manifest.dataDescription().classNames());
        assertTrue(manifest.command().startsWith("torchrun --nproc_per_node 2 "), manifest.command());
        assertTrue(Files.exists(imported.resolve(LatentDensityFile.FILE)), "the density is fitted");
        try (LatentModel m = LatentModels.open(imported)) {
            assertEquals(4 * 32, m.drawLatents(4, 1, false, 0.7).length);
        }
        Path resumed = dir.resolve("resumed");
        var t = CliTest.run("train", "--resume", imported.toString(), "--steps", Integer.toString(STEPS + 2),
                "--out", resumed.toString(), "--no-density");
        assertEquals(0, t.code(), t.err());
        assertEquals(STEPS + 2, Checkpoints.readManifest(Checkpoints.resolve(resumed)).step());
    }

    private static Object[] append(Object[] a, Object... more) {
        Object[] out = Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
