package org.latentlab.engine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.Preparation;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.eval.Generative;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.latent.LatentPrior;
import org.latentlab.latent.Refiner;
import org.latentlab.latent.Walk;
import org.latentlab.model.ModelConfig;

/**
 * A model the engine explores, whatever made it: our BiGAN checkpoint ({@link InferenceModel})
 * or a generator imported from PyTorch ({@link ImportedModel}; without an encoder it answers
 * encode by projection: refinement from the best of a few prior draws). Called on the
 * engine's model thread only; arrays are flat (CHW pixels in [0, 1], zdim floats per latent vector).
 */
public interface LatentModel extends Generative, AutoCloseable {

    /** The distribution of z: U(-1, 1) for models trained here. */
    default LatentPrior prior() {
        return LatentPrior.UNIFORM;
    }

    /**
     * Any picture to the model's input, made the way {@code preparation} says (null: the way the
     * model's own data were made).
     */
    float[] preprocess(BufferedImage image, Preparation preparation, boolean invert) throws DataFormatException;


    default float[] generate(float[] z) {
        return generate(z, 1);
    }


    default float[] encode(float[] x) {
        return encode(x, 1);
    }

    /** The data set the model was trained on or imported with (source empty when none), or null when unknown. */
    DataDescription data();

    @Override
    default float[] samplePrior(long seed, long step, int count) {
        return prior().sample(seed, step, count, config().zdim());
    }

    /** Codes kept from an earlier run of {@link #encode} on the images {@code key} names, or null. */
    default float[] cachedCodes(String key) {
        return null;
    }

    /** Keeps codes that were slow to find (projection) for {@link #cachedCodes}; may do nothing. */
    default void cacheCodes(String key, float[] codes) {}

    /** Gradient steps on z so that G(z) comes closer to x. */
    Refiner.Result refine(float[] x, float[] z0, int steps, Refiner.StepListener onStep);

    /** Frames of G along the path between two latent vectors; frames * pixels floats. */
    default float[] interpolate(float[] za, float[] zb, int frames, boolean spherical) {
        return walk(List.of(za, zb), Walk.Settings.between(frames, spherical));
    }

    /** Frames of G along a walk through keyframes ({@link Walk#frames} of them); frames * pixels floats. */
    default float[] walk(List<float[]> keyframes, Walk.Settings settings) {
        return generate(Walk.path(keyframes, settings), Walk.frames(keyframes.size(), settings));
    }

    /** The density fitted to the model's codes, or null when samples come from the prior. */
    GaussianMixture density();

    void setDensity(GaussianMixture fitted);

    /** The temperature the fitted density is drawn at unless one is asked for ({@link GaussianMixture#temperature}). */
    default double samplingTemperature() {
        GaussianMixture d = density();
        return d == null ? GaussianMixture.DEFAULT_TEMPERATURE : d.temperature();
    }

    /** count latent vectors from the fitted density at {@code temperature}, or from the prior. */
    default float[] drawLatents(int count, long seed, boolean fromPrior, double temperature) {
        GaussianMixture d = density();
        return d == null || fromPrior ? samplePrior(seed, 0, count) : d.tempered(temperature).sample(count, seed);
    }

    /** Takes a training snapshot's weights. */
    void updateWeights(ModelConfig config, byte[] generatorWeights, byte[] encoderWeights) throws IOException;

    /** An independent copy, for work on another thread (an evaluation). */
    LatentModel copy() throws IOException;

    /** Every metric the evaluator computes for this model on these data. */
    Map<String, Object> evaluate(ImageDataset train, ImageDataset test, Path classifier, long seed, double temperature,
            EvaluationProgress progress) throws IOException;

    @Override
    void close();
}
