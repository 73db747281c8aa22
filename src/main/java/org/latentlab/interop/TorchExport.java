package org.latentlab.interop;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.checkpoint.CheckpointException;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.CheckpointManifest;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.Json;
import org.latentlab.checkpoint.LatentDensityFile;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;

/**
 * A checkpoint as a PyTorch user takes it: {@code model.safetensors} (G, E and D under the names
 * of {@link TorchNames}), {@code config.json} (what {@code tools/latentlab_torch.py} needs to
 * rebuild the networks) and the fitted density, if the model has one.
 */
public final class TorchExport {
    public static final String WEIGHTS = "model.safetensors";
    public static final String CONFIG = "config.json";
    /** The constants the networks are built with (Networks, DJL's BatchNorm defaults). */
    static final float LEAKY_SLOPE = 0.2f;
    static final float BATCH_NORM_EPS = 1e-5f;

    private TorchExport() {}

    /** Writes the export of {@code checkpoint} into {@code out} (created if missing); returns its manifest. */
    public static CheckpointManifest write(Path checkpoint, Path out) throws IOException, CheckpointException {
        Path dir = Checkpoints.resolve(checkpoint);
        CheckpointManifest m = Checkpoints.readManifest(dir);
        Files.createDirectories(out);
        try (NDManager manager = NDManager.newBaseManager(); BiGan model = CheckpointLoader.loadModel(dir, manager)) {
            Map<String, Safetensors.Tensor> tensors = new LinkedHashMap<>();
            Map<Parameter, float[]> vectors = model.spectralVectors();
            for (Map.Entry<String, Parameter> e : TorchNames.of(model).entrySet()) {
                NDArray a = e.getValue().getArray();
                tensors.put(e.getKey(), new Safetensors.Tensor(a.getShape().getShape(), a.toFloatArray()));
                float[] u = vectors.get(e.getValue());
                if (u != null) {
                    String name = TorchNames.spectralVector(e.getKey());
                    tensors.put(name, new Safetensors.Tensor(new long[] {u.length}, u));
                }
            }
            Safetensors.write(out.resolve(WEIGHTS), tensors, Map.of("format", "pt", "step", Long.toString(m.step())));
        }
        Files.writeString(out.resolve(CONFIG), Json.GSON.toJson(config(m)), StandardCharsets.UTF_8);
        Path density = dir.resolve(LatentDensityFile.FILE);
        if (Files.exists(density)) {
            Files.copy(density, out.resolve(LatentDensityFile.FILE), StandardCopyOption.REPLACE_EXISTING);
        }
        return m;
    }

    private static Map<String, Object> config(CheckpointManifest m) {
        ModelConfig c = m.model();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", "latentlab-torch");
        out.put("version", 1);
        out.put("arch", c.arch().userName());
        out.put("zdim", c.zdim());
        out.put("channels", c.channels());
        out.put("image_size", c.imageSize());
        out.put("hidden", c.hidden());
        out.put("encoder", c.encoder().userName());
        out.put("encoder_width", c.encoderWidth());
        out.put("batch_norm", c.batchNorm());
        out.put("d_dropout", c.dDropout());
        out.put("image_score", c.imageScore());
        out.put("spectral_norm", c.spectralNorm());
        out.put("leaky_slope", LEAKY_SLOPE);
        out.put("batch_norm_eps", BATCH_NORM_EPS);
        out.put("prior", "uniform");
        out.put("prior_range", new float[] {-1f, 1f});
        out.put("output_range", new float[] {0f, 1f});
        out.put("step", m.step());
        out.put("dataset", m.dataDescription().name());
        out.put("data", m.dataDescription().source());
        out.put("class_names", m.dataDescription().classNames());
        out.put("train", m.train());
        return out;
    }
}
