package org.latentlab.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.CheckpointStore;
import org.latentlab.data.BatchIterator;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataSources;
import org.latentlab.data.GeneratedData;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.MnistDataset;
import org.latentlab.data.Pixels;
import org.latentlab.engine.TorchThreads;
import org.latentlab.latent.Prior;
import org.latentlab.model.Architecture;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.AdamOptimizer;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.SampleGrids;
import org.latentlab.train.StepStats;
import org.latentlab.train.TrainConfig;

/**
 * The two trainers are one recipe: from the same weights, on the same data and seed, {@code
 * tools/latentlab_torch.py train} (plain PyTorch) and {@link BiGanTrainer} compute the same
 * losses, weights, batch-norm statistics and Adam moments, step after step (each D step and
 * G+E step). Dropout is off: its masks come from each framework's own generator.
 */
class TorchTrainerParityTest {
    private static final int BATCH = 16;
    private static final int STEPS = 3;
    private static final long SEED = 7;
    private static final TrainConfig RECIPE = new TrainConfig(BATCH, 1e-4f, 2e-4f, TrainConfig.BETA1,
            TrainConfig.BETA2, 4f, 1f, SEED, 1);
    @TempDir Path dir;

    @Test
    void pytorchTrainsWhatLatentLabTrains() throws Exception {
        String python = TorchPython.requireOrSkip();
        TorchThreads.prepare(1);
        Path data = GeneratedData.idx(dir.resolve("shapes"), 64, 8);
        // the x-cycle shifted, both cycles, prior matching, batch norm, D's image score and spectral
        // normalisation: every term of the recipe (the normalised D in both architectures, the plain one in rgb);
        // in mlp, other Adam betas and two last steps that train the encoder alone (from G's average, pulled to
        // the prior; the second repeats D's view of the first, EncoderPhaseView); in conv, G's weights averaged.
        // (At decay 0.5 in mlp, E's last gradient, through G's averaged pre-batch-norm biases, which rounding
        // moves by ±lr at random in either framework, came 3.4e-3 apart: the weights matched.)
        assertSameSteps(python, data, new ModelConfig(Architecture.MLP, 8, 1, 28, 48, true, 0f, true, true), "mlp",
                RECIPE.withLambdaPrior(10f).withBetas(0f, 0.9f).withEncoderOnlyFrom(STEPS - 2)
                        .withGeneratorAverage(0.9f).withEncoderPrior(10f));
        assertSameSteps(python, data, new ModelConfig(Architecture.CONV, 8, 1, 28, 8, true, 0f, false, true), "conv",
                RECIPE.withGeneratorAverage(0.5f));
        // an image folder of colour pictures at the model's size: the same pixels, read by Pillow
        Path colour = GeneratedData.folder(dir.resolve("colour"), 8, 32, true);
        assertSameSteps(python, colour, new ModelConfig(Architecture.CONV, 8, 3, 32, 8, true, 0f, true), "rgb",
                RECIPE);
    }

    private void assertSameSteps(String python, Path data, ModelConfig c, String name, TrainConfig tc)
            throws Exception {
        ImageDataset train = DataSources.load(data.toString(), MnistDataset.Split.TRAIN, c.imageSize(), c.channels());
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = new BiGanTrainer(BiGan.seeded(c, m, SEED), tc)) {
            Path start = CheckpointStore.forNewRun(dir.resolve(name + "-start"), 1)
                    .save(t, DataDescription.of(data.toString(), train), "test");
            Path export = dir.resolve(name + "-export");
            TorchExport.write(start, export);
            Path run = dir.resolve(name + "-torch");
            TorchPython.run(python, "train", "--resume", export, "--steps", STEPS, "--out", run, "--threads", 1,
                    "--log-every", 1);
            List<String> torchLosses = Files.readAllLines(run.resolve("losses.jsonl"));
            BatchIterator batches = new BatchIterator(train, BATCH, SEED);
            for (int s = 0; s < STEPS; s++) {
                StepStats ours = t.train(batches.next(), Prior.sample(SEED, s, BATCH, c.zdim()));
                JsonObject theirs = JsonParser.parseString(torchLosses.get(s)).getAsJsonObject();
                String at = name + " step " + (s + 1) + ": ";
                assertClose(ours.lossD(), theirs.get("lossD").getAsFloat(), at + "D's loss");
                assertClose(ours.lossGE(), theirs.get("lossGE").getAsFloat(), at + "G+E's adversarial loss");
                assertClose(ours.lossCycle(), theirs.get("lossCycle").getAsFloat(), at + "the cycle loss");
                assertClose(ours.dReal(), theirs.get("dReal").getAsFloat(), at + "D(x, E(x))");
                assertClose(ours.dFake(), theirs.get("dFake").getAsFloat(), at + "D(G(z), z)");
            }
            Path last = run.resolve(String.format("step-%08d", STEPS));
            Map<String, Safetensors.Tensor> weights = Safetensors.read(last.resolve(TorchExport.WEIGHTS));
            assertSameSpectralVectors(t.model(), weights, name);
            t.withSamplingGenerator(() -> { // the weights file holds the G that is sampled
                assertSameTensors(TorchNames.of(t.model()), weights, "", name + " weights");
                return null;
            });
            assertSameReconstructionError(t, train, run, name);
            Map<String, Safetensors.Tensor> adam = Safetensors.read(last.resolve("optimizer.safetensors"));
            assertSameTrainingGenerator(t, adam, name);
            assertSameMoments(t.dOptimizer(), t.model(), adam, "d.", name + " D's Adam");
            assertSameMoments(t.geOptimizer(), t.model(), adam, "ge.", name + " G+E's Adam");
        }
    }

    /**
     * The run's history holds, at its last checkpoint, the error the app's run records there: the
     * fixed real batch of the seed (the same images) through E and the G that is sampled.
     */
    private static void assertSameReconstructionError(BiGanTrainer t, ImageDataset train, Path run, String name)
            throws Exception {
        List<String> lines = Files.readAllLines(run.resolve("reconstruction.jsonl"));
        JsonObject theirs = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals(STEPS, theirs.get("step").getAsLong(), name + ": the error's step");
        float[] reals = SampleGrids.fixedReals(train, SEED);
        BiGan model = t.model();
        float ours = t.withSamplingGenerator(() -> Pixels.meanSquaredError(reals,
                model.generate(model.encode(reals, SampleGrids.REAL_COUNT), SampleGrids.REAL_COUNT)));
        assertClose(ours, theirs.get("mse").getAsFloat(), name + ": the reconstruction error");
    }

    /** G's own weights, kept beside their average ("g." + the name under "generator.") while they differ. */
    private static void assertSameTrainingGenerator(BiGanTrainer t, Map<String, Safetensors.Tensor> adam,
            String name) {
        Map<String, Parameter> ours = new HashMap<>();
        if (t.keepsTrainingGenerator()) {
            TorchNames.of(t.model()).forEach((n, p) -> {
                if (n.startsWith("generator.")) {
                    ours.put("g." + n.substring("generator.".length()), p);
                }
            });
        }
        Map<String, Safetensors.Tensor> theirs = new HashMap<>(adam);
        theirs.keySet().removeIf(k -> !k.startsWith("g."));
        assertSameTensors(ours, theirs, "", name + " G's own weights");
    }

    /** D's power-iteration vectors, one per weight where D is normalised; taken out of {@code weights}. */
    private static void assertSameSpectralVectors(BiGan model, Map<String, Safetensors.Tensor> weights, String name) {
        Map<Parameter, float[]> ours = model.spectralVectors();
        int compared = 0;
        for (Map.Entry<String, Parameter> e : TorchNames.of(model).entrySet()) {
            Safetensors.Tensor theirs = weights.remove(TorchNames.spectralVector(e.getKey()));
            float[] u = ours.get(e.getValue());
            assertEquals(u != null, theirs != null, name + ": a u vector for " + e.getKey() + " in both or neither");
            if (u != null) {
                assertArrayEquals(u, theirs.values(), 1e-4f, name + ": u of " + e.getKey());
                compared++;
            }
        }
        assertEquals(model.config().spectralNorm() ? ours.size() : 0, compared, name + ": u vectors");
    }

    private static void assertSameMoments(AdamOptimizer opt, BiGan model, Map<String, Safetensors.Tensor> saved,
            String prefix, String what) {
        Map<Parameter, String> names = new HashMap<>();
        TorchNames.of(model).forEach((n, p) -> names.put(p, n));
        List<Parameter> ps = opt.parameters();
        var state = opt.state();
        Set<String> all = Set.copyOf(names.values());
        for (int i = 0; i < ps.size(); i++) {
            String n = names.get(ps.get(i));
            if (beforeBatchNorm(n, all)) {
                continue;
            }
            assertClose(state.get(i), saved.get(prefix + "exp_avg." + n), what + " mean of " + n);
            assertClose(state.get(ps.size() + i), saved.get(prefix + "exp_avg_sq." + n), what + " variance of " + n);
        }
        assertEquals(2 * ps.size(), saved.keySet().stream().filter(k -> k.startsWith(prefix)).count(), what);
    }

    private static void assertSameTensors(Map<String, Parameter> ours, Map<String, Safetensors.Tensor> theirs,
            String prefix, String what) {
        assertEquals(ours.keySet(), theirs.keySet(), what + ": names");
        ours.forEach((n, p) -> {
            if (!beforeBatchNorm(n, ours.keySet())) {
                // a running mean takes in those biases (a tenth of them a step): up to 1e-4 apart
                assertClose(p.getArray(), theirs.get(prefix + n), n.endsWith("running_mean") ? 1e-4 : 1e-7,
                        what + ": " + n);
            }
        });
    }

    /**
     * Whether {@code name} is the bias of a layer whose output a batch norm centres: its gradient
     * is 0 but for rounding, so Adam moves it by ±lr at random in either framework (not compared).
     */
    private static boolean beforeBatchNorm(String name, Set<String> all) {
        String[] parts = name.split("\\.");
        if (!name.endsWith(".bias") || parts.length < 3 || !parts[1].matches("\\d+")) {
            return false;
        }
        return all.contains(parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".running_mean");
    }

    /**
     * Within 1e-3 of the tensor's size (relative L2). Not element by element: Adam's first steps
     * move each weight by about ±lr whatever its gradient's size, so a gradient that is 0 up to
     * rounding may take either sign in two frameworks that sum in different orders.
     */
    private static void assertClose(NDArray ours, Safetensors.Tensor theirs, String what) {
        assertClose(ours, theirs, 1e-7, what);
    }

    /** As {@link #assertClose(NDArray, Safetensors.Tensor, String)}, each element allowed {@code floor} more. */
    private static void assertClose(NDArray ours, Safetensors.Tensor theirs, double floor, String what) {
        assertTrue(theirs != null, what + ": missing in PyTorch's file");
        float[] a = ours.toFloatArray();
        float[] b = theirs.values();
        assertEquals(a.length, b.length, what + ": size");
        double diff = 0;
        double size = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (double) (a[i] - b[i]);
            size += a[i] * (double) a[i];
        }
        assertTrue(Math.sqrt(diff) <= 1e-3 * Math.sqrt(size) + floor * Math.sqrt(a.length),
                what + ": relative difference "
                + Math.sqrt(diff / Math.max(size, 1e-30)));
    }

    private static void assertClose(float ours, float theirs, String what) {
        assertTrue(Math.abs(ours - theirs) <= 1e-4 * Math.max(1, Math.abs(ours)), what + ": ours " + ours
                + ", PyTorch's " + theirs);
    }
}
