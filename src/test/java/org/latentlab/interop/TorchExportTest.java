package org.latentlab.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.AppPaths;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.CheckpointStore;
import org.latentlab.checkpoint.Json;
import org.latentlab.data.DataDescription;
import org.latentlab.engine.TorchThreads;
import org.latentlab.latent.Prior;
import org.latentlab.model.Architecture;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TrainConfig;

class TorchExportTest {
    @TempDir Path dir;

    @Test
    void safetensorsReadBackWhatWasWritten() throws Exception {
        Map<String, Safetensors.Tensor> t = new LinkedHashMap<>();
        t.put("a.weight", new Safetensors.Tensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, -6.5f}));
        t.put("b", new Safetensors.Tensor(new long[] {1}, new float[] {Float.MIN_VALUE}));
        Path f = dir.resolve("x.safetensors");
        Safetensors.write(f, t, Map.of("format", "pt"));
        long headerLength = Long.reverseBytes(new DataInputStream(Files.newInputStream(f)).readLong());
        assertEquals(0, headerLength % 8, "the data start 8-byte aligned");
        Map<String, Safetensors.Tensor> back = Safetensors.read(f);
        assertEquals(t.keySet(), back.keySet());
        for (String k : t.keySet()) {
            assertArrayEquals(t.get(k).shape(), back.get(k).shape());
            assertArrayEquals(t.get(k).values(), back.get(k).values());
        }
    }

    @Test
    void everyWeightHasOneTorchName() {
        TorchThreads.prepare(1);
        for (ModelConfig c : new ModelConfig[] {conv(), new ModelConfig(Architecture.MLP, 8, 1, 28, 32, true, 0.2f,
                true), mlpWithConvEncoder()}) {
            try (NDManager m = NDManager.newBaseManager(); BiGan model = new BiGan(c, m)) {
                var names = TorchNames.of(model);
                long all = model.generator().getParameters().size() + model.encoder().getParameters().size()
                        + model.discriminator().getParameters().size();
                assertEquals(all, names.size());
                assertTrue(names.containsKey("generator.1.running_var"), names.keySet().toString());
                assertTrue(names.containsKey("discriminator.joint.1.weight"), names.keySet().toString());
            }
        }
    }

    /** A small conv model with filters below 16 (the padded convolutions) and an image score. */
    private static ModelConfig conv() {
        return new ModelConfig(Architecture.CONV, 8, 3, 32, 8, true, 0.2f, true);
    }

    /** An MLP G and D with a conv E (8 base channels, then G's 16 units before z). */
    private static ModelConfig mlpWithConvEncoder() {
        return new ModelConfig(Architecture.MLP, 8, 1, 28, 16, true, 0.2f, false).withEncoder(Architecture.CONV, 8);
    }

    /**
     * tools/latentlab_torch.py rebuilds G and E of the bundled model, of a conv model and of an MLP
     * model with a conv E (trained three steps, so their batch norms have statistics of their own)
     * and computes what we compute.
     */
    @Test
    void pytorchComputesWhatLatentLabComputes() throws Exception {
        String python = TorchPython.requireOrSkip();
        assertSame(python, AppPaths.bundledModel(), 1e-5);
        assertSame(python, trained(conv().withSpectralNorm(true), "conv"), 1e-5);
        assertSame(python, trained(mlpWithConvEncoder(), "conv-e"), 1e-5);
    }

    /** Normalised in D (the conv model), so the export's u vectors and PyTorch's D with them are checked too. */
    private Path trained(ModelConfig c, String name) throws Exception {
        TorchThreads.prepare(1);
        TrainConfig tc = new TrainConfig(8, 2e-4f, 2e-4f, 0.5f, 0.999f, 1f, 1f, 3);
        CheckpointStore store = CheckpointStore.forNewRun(dir.resolve(name), 1);
        try (NDManager m = NDManager.newBaseManager(); BiGanTrainer t = new BiGanTrainer(BiGan.seeded(c, m, 3), tc)) {
            Random rng = new Random(3);
            for (int s = 0; s < 3; s++) {
                float[] x = new float[8 * c.pixels()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rng.nextFloat();
                }
                t.train(x, Prior.sample(3, s, 8, c.zdim()));
            }
            return store.save(t, DataDescription.implied(dir.resolve("images").toString(), c.channels(),
                    c.imageSize()), "test");
        }
    }

    private void assertSame(String python, Path checkpoint, double tolerance) throws Exception {
        Path out = dir.resolve("export-" + checkpoint.getParent().getFileName() + "-" + checkpoint.getFileName());
        TorchExport.write(checkpoint, out);
        try (NDManager m = NDManager.newBaseManager(); BiGan model = CheckpointLoader.loadModel(checkpoint, m)) {
            ModelConfig c = model.config();
            int n = 3;
            float[] z = Prior.sample(11, 0, n, c.zdim());
            float[] x = new float[n * c.pixels()];
            Random rng = new Random(5);
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextFloat();
            }
            JsonObject in = new JsonObject();
            in.add("z", rows(z, n));
            in.add("x", rows(x, n));
            Path inFile = dir.resolve("in.json");
            Files.writeString(inFile, Json.COMPACT.toJson(in));
            JsonObject got = JsonParser.parseString(TorchPython.run(python, out, "--dump", inFile.toString()))
                    .getAsJsonObject();
            assertClose(model.generate(z, n), got.getAsJsonArray("g"), tolerance, "G(z) of " + checkpoint);
            assertClose(model.encode(x, n), got.getAsJsonArray("e"), tolerance, "E(x) of " + checkpoint);
            try (NDManager step = m.newSubManager()) {
                NDArray d = model.discriminate(step.create(x, new Shape(n, c.channels(), c.imageSize(), c.imageSize())),
                        step.create(z, new Shape(n, c.zdim())), false); // (n, k) logits
                // unbounded logits, not pixels in [0, 1]: sums over 800 inputs added in another order
                // land up to 7.6e-5 apart on the bundled model
                assertClose(d.toFloatArray(), got.getAsJsonArray("d"), tolerance * 100, "D(x, z) of " + checkpoint);
            }
        }
    }

    private static JsonArray rows(float[] v, int n) {
        JsonArray out = new JsonArray();
        int w = v.length / n;
        for (int r = 0; r < n; r++) {
            JsonArray row = new JsonArray();
            for (int i = 0; i < w; i++) {
                row.add(v[r * w + i]);
            }
            out.add(row);
        }
        return out;
    }

    private static void assertClose(float[] expected, JsonArray rows, double tolerance, String what) {
        double worst = 0;
        int k = 0;
        for (var row : rows) {
            for (var v : row.getAsJsonArray()) {
                worst = Math.max(worst, Math.abs(v.getAsDouble() - expected[k++]));
            }
        }
        assertEquals(expected.length, k, what + ": values");
        assertTrue(worst <= tolerance, what + ": largest difference " + worst);
    }
}
