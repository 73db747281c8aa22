package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.LatentDensityFile;
import org.latentlab.checkpoint.LossLog;
import org.latentlab.data.GeneratedData;
import org.latentlab.engine.LatentModel;
import org.latentlab.engine.LatentModels;
import org.latentlab.interop.Safetensors;
import org.latentlab.interop.TorchExport;
import org.latentlab.interop.TorchNames;
import org.latentlab.interop.TorchPython;
import org.latentlab.model.BiGan;

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
        // with the terms that need the whole batch: batch norm, dropout, code and instance noise, and prior matching
        // (MMD) at a weight where it steers (at 10 a halved MMD gradient on two processes stayed within the
        // tolerance); G's weights averaged, so the checkpoint holds G's own weights beside the average
        Object[] recipe = {"train", "--data", data, "--steps", STEPS, "--batch", 128, "--hidden", 128, "--log-every",
            STEPS, "--lambda-prior", 1000, "--code-noise", 0.1, "--instance-noise", 0.1, "--spectral-norm",
            "--g-average", 0.9};
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
        assertEquals(0.1f, manifest.train().instanceNoise(), "the recipe came over whole");
        assertEquals(128, manifest.model().hidden());
        assertEquals(GeneratedData.CLASSES, manifest.dataDescription().classNames());
        assertTrue(manifest.command().startsWith("torchrun --nproc_per_node 2 "), manifest.command());
        assertTrue(Files.exists(imported.resolve(LatentDensityFile.FILE)), "the density is fitted");
        assertEquals(STEPS, LossLog.read(imported, STEPS).size(), "the run's loss history, for its charts");
        assertSameSpectralVectors(Checkpoints.resolve(dir.resolve("two"), TorchExport.CONFIG), imported);
        assertSameTrainingGenerator(Checkpoints.resolve(dir.resolve("two"), TorchExport.CONFIG), imported);
        try (LatentModel m = LatentModels.open(imported)) {
            assertEquals(4 * 32, m.drawLatents(4, 1, false, 0.7).length);
        }
        Path resumed = dir.resolve("resumed");
        var t = CliTest.run("train", "--resume", imported.toString(), "--steps", Integer.toString(STEPS + 2),
                "--out", resumed.toString(), "--no-density");
        assertEquals(0, t.code(), t.err());
        assertEquals(STEPS + 2, Checkpoints.readManifest(Checkpoints.resolve(resumed)).step());
        assertEquals(STEPS + 1, LossLog.read(resumed, STEPS + 2).size(), "and the resumed run's history goes on");
    }

    /** The normalised D's u vectors came over with its weights, one per weight. */
    private static void assertSameSpectralVectors(Path torchCheckpoint, Path imported) throws Exception {
        Map<String, Safetensors.Tensor> saved = Safetensors.read(torchCheckpoint.resolve(TorchExport.WEIGHTS));
        try (NDManager nd = NDManager.newBaseManager(); BiGan model = CheckpointLoader.loadModel(imported, nd)) {
            assertTrue(model.config().spectralNorm());
            Map<Parameter, float[]> vectors = model.spectralVectors();
            int found = 0;
            for (Map.Entry<String, Parameter> e : TorchNames.of(model).entrySet()) {
                Safetensors.Tensor u = saved.get(TorchNames.spectralVector(e.getKey()));
                if (u != null) {
                    assertArrayEquals(u.values(), vectors.get(e.getValue()), e.getKey());
                    found++;
                }
            }
            assertEquals(vectors.size(), found);
            assertTrue(found >= 3, "D's three layers each have a vector: " + found);
        }
    }

    /** G's own weights (the weights file holds their average) came over for the resumed run. */
    private static void assertSameTrainingGenerator(Path torchCheckpoint, Path imported) throws Exception {
        assertEquals(0.9f, Checkpoints.readManifest(imported).train().generatorAverage());
        Map<String, Safetensors.Tensor> saved = Safetensors.read(torchCheckpoint.resolve("optimizer.safetensors"));
        try (NDManager nd = NDManager.newBaseManager(); var t = CheckpointLoader.loadTrainer(imported, nd)) {
            int found = 0;
            for (Map.Entry<String, Parameter> e : TorchNames.of(t.model()).entrySet()) {
                if (e.getKey().startsWith("generator.")) {
                    Safetensors.Tensor own = saved.get("g." + e.getKey().substring("generator.".length()));
                    assertArrayEquals(own.values(), e.getValue().getArray().toFloatArray(), e.getKey());
                    found++;
                }
            }
            assertTrue(found >= 4 && t.keepsTrainingGenerator(), "G's weights: " + found);
        }
    }

    private static Object[] append(Object[] a, Object... more) {
        Object[] out = Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }
}
