package org.latentlab.interop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.checkpoint.CheckpointException;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.Json;
import org.latentlab.model.Architecture;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.AdamOptimizer;
import org.latentlab.train.BiGanTrainer;
import org.latentlab.train.TrainConfig;

/**
 * A checkpoint of {@code tools/latentlab_torch.py train} (plain PyTorch, one process or many
 * under torchrun) as a Latent Lab trainer: its weights under the names of {@link TorchNames},
 * its Adam moments ({@code optimizer.safetensors}), its recipe and step ({@code config.json}).
 * Every weight the networks have must be there with its shape: nothing is left at random.
 */
public final class TorchRunImport {
    static final String OPTIMIZER = "optimizer.safetensors";
    /** The prefix of G's own weights in the optimizer file, where the weights file holds their average. */
    private static final String TRAINING_GENERATOR = "g.";
    private static final String GENERATOR = "generator.";

    /** What a run's checkpoint holds, read and checked; {@link #trainer} builds the trainer from it. */
    public record RunCheckpoint(Path dir, ModelConfig model, TrainConfig train, long step, long[] optimizerUpdates,
            String dataSource, String command) {}

    private TorchRunImport() {}

    /** The checkpoint {@code path} names: a run folder's newest (its {@code latest}), or a step folder itself. */
    public static RunCheckpoint read(Path path) throws ImportException, IOException {
        Path config;
        try {
            config = Checkpoints.resolve(path, TorchExport.CONFIG).resolve(TorchExport.CONFIG);
        } catch (CheckpointException e) {
            throw new ImportException(path + " is not a run of tools/latentlab_torch.py train ("
                    + (Files.isRegularFile(path.resolve(Checkpoints.MANIFEST)) ? "it is a Latent Lab checkpoint:"
                            + " open it as it is" : e.getMessage()) + ")");
        }
        Path dir = config.getParent();
        try {
            JsonObject c = JsonParser.parseString(Files.readString(config, StandardCharsets.UTF_8)).getAsJsonObject();
            if (!"latentlab-torch".equals(text(c, "format"))) {
                throw new ImportException(config + " was not written by Latent Lab's PyTorch tools");
            }
            ModelConfig model = new ModelConfig(architecture(text(c, "arch")),
                    c.get("zdim").getAsInt(), c.get("channels").getAsInt(), c.get("image_size").getAsInt(),
                    c.get("hidden").getAsInt(), c.get("batch_norm").getAsBoolean(), c.get("d_dropout").getAsFloat(),
                    c.get("image_score").getAsBoolean(),
                    c.has("spectral_norm") && c.get("spectral_norm").getAsBoolean(), // exports before it: off
                    c.has("encoder") ? architecture(text(c, "encoder")) : null, // before it: G's kind and width
                    c.has("encoder_width") ? c.get("encoder_width").getAsInt() : 0);
            TrainConfig train = Json.GSON.fromJson(c.get("train"), TrainConfig.class);
            long step = c.get("step").getAsLong();
            long[] updates = c.has("optimizer_updates") ? Json.GSON.fromJson(c.get("optimizer_updates"), long[].class)
                    : new long[] {step, step};
            return new RunCheckpoint(dir, model, train, step, updates, text(c, "data"), text(c, "command"));
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new ImportException(config + " is damaged or incomplete (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new ImportException(config + " describes a model Latent Lab cannot build: " + e.getMessage());
        }
    }

    private static Architecture architecture(String name) {
        return Architecture.trainable(name).orElseThrow(() -> new IllegalArgumentException(
                "it names the architecture '" + name + "'; Latent Lab trains mlp or conv"));
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** A trainer holding the run's weights, Adam moments and step, its model in {@code manager}. */
    public static BiGanTrainer trainer(RunCheckpoint run, NDManager manager) throws ImportException, IOException {
        Map<String, Safetensors.Tensor> weights = readTensors(run.dir().resolve(TorchExport.WEIGHTS));
        BiGanTrainer t = new BiGanTrainer(BiGan.seeded(run.model(), manager, run.train().seed()), run.train());
        try {
            Map<String, Parameter> named = TorchNames.of(t.model());
            for (Map.Entry<String, Parameter> e : named.entrySet()) {
                copy(weights.get(e.getKey()), e.getValue().getArray(), e.getKey());
                Safetensors.Tensor u = weights.get(TorchNames.spectralVector(e.getKey()));
                if (u != null && run.model().spectralNorm()) {
                    restoreVector(t.model(), e.getValue(), u, e.getKey());
                }
            }
            Path optimizer = run.dir().resolve(OPTIMIZER);
            Map<String, Safetensors.Tensor> moments = Files.isRegularFile(optimizer) ? readTensors(optimizer)
                    : Map.of();
            t.restoreGenerator(hasTrainingGenerator(moments)
                    ? () -> restoreTrainingGenerator(named, moments) : null);
            if (!moments.isEmpty()) {
                restore(t.dOptimizer(), named, moments, "d.", run.optimizerUpdates()[0]);
                restore(t.geOptimizer(), named, moments, "ge.", run.optimizerUpdates()[1]);
            }
            t.restoreStep(run.step());
            return t;
        } catch (ImportException | RuntimeException e) {
            t.close();
            t.model().close();
            throw e;
        }
    }

    /** Whether the run kept G's own weights beside their average ("g." + the name under "generator."). */
    private static boolean hasTrainingGenerator(Map<String, Safetensors.Tensor> saved) {
        return saved.keySet().stream().anyMatch(k -> k.startsWith(TRAINING_GENERATOR));
    }

    private static Void restoreTrainingGenerator(Map<String, Parameter> named, Map<String, Safetensors.Tensor> saved)
            throws ImportException {
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            if (e.getKey().startsWith(GENERATOR)) {
                String name = TRAINING_GENERATOR + e.getKey().substring(GENERATOR.length());
                copy(saved.get(name), e.getValue().getArray(), name);
            }
        }
        return null;
    }

    private static void restoreVector(BiGan model, Parameter weight, Safetensors.Tensor u, String name)
            throws ImportException {
        try {
            model.restoreSpectralVector(weight, u.values());
        } catch (IllegalArgumentException e) {
            throw new ImportException(TorchNames.spectralVector(name) + " does not fit its weight (" + e.getMessage()
                    + ")");
        }
    }

    private static Map<String, Safetensors.Tensor> readTensors(Path file) throws ImportException {
        try {
            return Safetensors.read(file);
        } catch (IOException | RuntimeException e) {
            throw new ImportException(file + " is missing or damaged (" + e.getMessage() + ")");
        }
    }

    private static void restore(AdamOptimizer opt, Map<String, Parameter> named, Map<String, Safetensors.Tensor> saved,
            String prefix, long updates) throws ImportException {
        Map<Parameter, String> names = new HashMap<>();
        named.forEach((n, p) -> names.put(p, n));
        List<Parameter> ps = opt.parameters();
        try (NDManager m = NDManager.newBaseManager()) {
            NDList state = new NDList();
            for (String kind : List.of("exp_avg.", "exp_avg_sq.")) {
                for (Parameter p : ps) {
                    String name = prefix + kind + names.get(p);
                    NDArray a = m.zeros(p.getArray().getShape());
                    copy(saved.get(name), a, name);
                    state.add(a);
                }
            }
            opt.restore(state, updates);
        }
    }

    private static void copy(Safetensors.Tensor from, NDArray to, String name) throws ImportException {
        if (from == null) {
            throw new ImportException("The run's checkpoint has no " + name + ": it was written for other networks");
        }
        if (!new Shape(from.shape()).equals(to.getShape())) {
            throw new ImportException(name + " has shape " + Arrays.toString(from.shape()) + " in the run's checkpoint"
                    + " but " + to.getShape() + " in the networks its config.json describes");
        }
        to.set(from.values());
    }
}
