package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.CheckpointStore;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.data.BatchIterator;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataSources;
import org.latentlab.data.GeneratedData;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.MnistDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.interop.Safetensors;
import org.latentlab.interop.TorchExport;
import org.latentlab.interop.TorchNames;
import org.latentlab.latent.Prior;
import org.latentlab.model.Architecture;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TrainConfig;

/**
 * import-run without PyTorch: a folder in the PyTorch trainer's format (here an export, which is
 * that format without Adam's state) comes back with its weights and step, and a damaged one is
 * refused in words with nothing written.
 */
class ImportRunCliTest {
    @TempDir Path dir;

    /**
     * A small model (an MLP with a conv E, so E's kind travels too) trained three steps on
     * generated shapes, saved, and exported for PyTorch.
     */
    private Path[] trainedAndExported() throws Exception {
        TorchThreads.prepare(1);
        Path data = GeneratedData.idx(dir.resolve("shapes"), 32, 8);
        ImageDataset train = DataSources.load(data.toString(), MnistDataset.Split.TRAIN, 28, 1);
        ModelConfig c = new ModelConfig(Architecture.MLP, 6, 1, 28, 16, true, 0.2f, false)
                .withEncoder(Architecture.CONV, 4);
        TrainConfig tc = TrainConfig.defaults(3);
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = new BiGanTrainer(BiGan.seeded(c, m, 3), new TrainConfig(16, tc.lrD(), tc.lrGE(),
                        tc.beta1(), tc.beta2(), tc.lambdaX(), tc.lambdaZ(), 3, tc.cycleShift()))) {
            BatchIterator batches = new BatchIterator(train, 16, 3);
            for (int s = 0; s < 3; s++) {
                t.train(batches.next(), Prior.sample(3, s, 16, c.zdim()));
            }
            Path saved = CheckpointStore.forNewRun(dir.resolve("run"), 1).save(t, DataDescription.of(data.toString(),
                    train), "test");
            Path export = dir.resolve("export");
            TorchExport.write(saved, export);
            return new Path[] {saved, export};
        }
    }

    @Test
    void aRunCheckpointComesBackWithItsWeightsStepAndData() throws Exception {
        Path[] p = trainedAndExported();
        Path back = dir.resolve("back");
        var r = CliTest.run("import-run", p[1].toString(), "--out", back.toString(), "--no-density");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("imported step 3"), r.out());
        assertTrue(r.out().contains("(mlp with a conv encoder, z "), r.out());
        var manifest = Checkpoints.readManifest(back);
        assertEquals(3, manifest.step());
        assertEquals(Checkpoints.readManifest(p[0]).model(), manifest.model());
        assertEquals(GeneratedData.CLASSES, manifest.dataDescription().classNames());
        try (NDManager m = NDManager.newBaseManager(); BiGan a = CheckpointLoader.loadModel(p[0], m);
                BiGan b = CheckpointLoader.loadModel(back, m)) {
            var theirs = TorchNames.of(b);
            TorchNames.of(a).forEach((n, w) -> assertArrayEquals(w.getArray().toFloatArray(),
                    theirs.get(n).getArray().toFloatArray(), n));
        }
    }

    @Test
    void aDamagedRunIsRefusedInWordsAndNothingIsWritten() throws Exception {
        Path export = trainedAndExported()[1];
        Path weights = export.resolve(TorchExport.WEIGHTS);
        Map<String, Safetensors.Tensor> all = Safetensors.read(weights);
        refused(Files.createDirectories(dir.resolve("empty")), "is not a run of tools/latentlab_torch.py train");
        Path escaping = Files.createDirectories(dir.resolve("escaping"));
        Files.writeString(escaping.resolve("latest"), "../export\n"); // a latest that leaves its run folder
        refused(escaping, "does not name a checkpoint folder in this folder");

        Map<String, Safetensors.Tensor> missing = new LinkedHashMap<>(all);
        missing.remove("generator.0.weight");
        Safetensors.write(weights, missing, Map.of());
        refused(export, "has no generator.0.weight");

        Map<String, Safetensors.Tensor> reshaped = new LinkedHashMap<>(all);
        Safetensors.Tensor w = all.get("encoder.0.weight");
        reshaped.put("encoder.0.weight", new Safetensors.Tensor(new long[] {w.values().length}, w.values()));
        Safetensors.write(weights, reshaped, Map.of());
        refused(export, "encoder.0.weight has shape");

        Files.writeString(weights, "not a safetensors file");
        refused(export, "model.safetensors is missing or damaged");

        Path config = export.resolve(TorchExport.CONFIG);
        String json = Files.readString(config);
        Files.writeString(config, json.replace("\"arch\": \"mlp\"", "\"arch\": \"rnn\""));
        refused(export, "names the architecture 'rnn'; Latent Lab trains mlp or conv");
        Files.writeString(config, json.substring(0, json.length() / 2));
        refused(export, "config.json is damaged or incomplete");
    }

    private void refused(Path run, String message) {
        Path out = dir.resolve("out");
        var r = CliTest.run("import-run", run.toString(), "--out", out.toString(), "--no-density");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(out), "nothing is written");
    }
}
