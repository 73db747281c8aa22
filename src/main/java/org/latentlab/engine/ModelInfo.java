package org.latentlab.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.latentlab.data.DataDescription;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.latent.LatentPrior;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.RunHistory;
import org.latentlab.train.TrainConfig;

/**
 * What the UI needs to know about the loaded model. {@code source} is null for a live training
 * model; {@code train} is the recipe it was trained with; {@code fittedDensity} says whether
 * random latents come from a density fitted to E(x) rather than the uniform prior; {@code data}
 * is the data set it was trained on; {@code prior} is where z comes from, and the range of each
 * dimension; {@code history} is its run's losses and reconstruction errors up to its step (empty
 * when none were kept);
 * {@code densityTemperature} is the temperature its fitted density is drawn at by default
 * ({@link GaussianMixture#temperature}). An imported generator has no recipe ({@code train} null)
 * and no data set.
 */
public record ModelInfo(ModelConfig config, TrainConfig train, long step, DataDescription data, Path source,
        Map<String, Double> metrics, boolean fittedDensity, LatentPrior prior, RunHistory history,
        double densityTemperature) {
    /** A density drawn at the default temperature, or none. */
    public ModelInfo(ModelConfig config, TrainConfig train, long step, DataDescription data, Path source,
            Map<String, Double> metrics, boolean fittedDensity, LatentPrior prior, RunHistory history) {
        this(config, train, step, data, source, metrics, fittedDensity, prior, history,
                GaussianMixture.DEFAULT_TEMPERATURE);
    }

    /** Without a run history. */
    public ModelInfo(ModelConfig config, TrainConfig train, long step, DataDescription data, Path source,
            Map<String, Double> metrics, boolean fittedDensity, LatentPrior prior) {
        this(config, train, step, data, source, metrics, fittedDensity, prior, RunHistory.NONE);
    }

    /** A model trained here: prior U(-1, 1). */
    public ModelInfo(ModelConfig config, TrainConfig train, long step, DataDescription data, Path source,
            Map<String, Double> metrics, boolean fittedDensity) {
        this(config, train, step, data, source, metrics, fittedDensity, LatentPrior.UNIFORM);
    }

    /** Whether this model can be trained further here (false for an imported generator). */
    public boolean trainable() {
        return train != null;
    }

    /** The data set's source as given to training ('mnist', a folder). */
    public String dataset() {
        return data.source();
    }

    /** The names of the data set's classes (empty without labels). */
    public List<String> classNames() {
        return data.classNames();
    }

    public String describe() {
        if (!trainable()) {
            return String.format("%s · imported TorchScript generator · %d px · z %d from %s", where(),
                    config.imageSize(), config.zdim(), prior.describe());
        }
        return String.format("%s · %s · %s · z %d · step %,d", where(), data.name(), config.kindText(), config.zdim(),
                step);
    }

    /** The model's folder as a user knows it: a run's name rather than its checkpoint's step folder. */
    private String where() {
        if (source == null) {
            return "training";
        }
        Path name = source.getFileName();
        boolean stepFolder = name != null && name.toString().startsWith("step-") && source.getParent() != null;
        return (stepFolder ? source.getParent().getFileName() : name).toString();
    }

    /** The same model with a density fitted to its codes, drawn at {@code temperature} by default. */
    public ModelInfo withFittedDensity(double temperature) {
        return new ModelInfo(config, train, step, data, source, metrics, true, prior, history, temperature);
    }
}
