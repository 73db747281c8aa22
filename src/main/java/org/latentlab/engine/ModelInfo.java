package org.latentlab.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.latentlab.data.DataDescription;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.TrainConfig;

/**
 * What the UI needs to know about the loaded model. {@code source} is null for a live training
 * model; {@code train} is the recipe it was trained with; {@code fittedDensity} says whether
 * random latents come from a density fitted to E(x) rather than the uniform prior; {@code data}
 * is the data set it was trained on.
 */
public record ModelInfo(ModelConfig config, TrainConfig train, long step, DataDescription data, Path source,
        Map<String, Double> metrics, boolean fittedDensity) {
    /** The data set's source as given to training ('mnist', a folder). */
    public String dataset() {
        return data.source();
    }

    /** The names of the data set's classes (empty without labels). */
    public List<String> classNames() {
        return data.classNames();
    }

    public String describe() {
        String where = source != null ? source.getFileName().toString() : "training";
        return String.format("%s · %s · z %d · step %,d", where, config.arch().name().toLowerCase(), config.zdim(),
                step);
    }

    public ModelInfo withFittedDensity() {
        return new ModelInfo(config, train, step, data, source, metrics, true);
    }
}
