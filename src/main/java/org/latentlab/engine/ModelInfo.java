package org.latentlab.engine;

import java.nio.file.Path;
import java.util.Map;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.TrainConfig;

/**
 * What the UI needs to know about the loaded model. {@code source} is null for a live training
 * model; {@code train} is the recipe it was trained with; {@code fittedDensity} says whether
 * random latents come from a density fitted to E(x) rather than the uniform prior.
 */
public record ModelInfo(ModelConfig config, TrainConfig train, long step, String dataset, Path source,
        Map<String, Double> metrics, boolean fittedDensity) {
    public String describe() {
        String where = source != null ? source.getFileName().toString() : "training";
        return String.format("%s · %s · z %d · step %,d", where, config.arch().name().toLowerCase(), config.zdim(),
                step);
    }

    public ModelInfo withFittedDensity() {
        return new ModelInfo(config, train, step, dataset, source, metrics, true);
    }
}
