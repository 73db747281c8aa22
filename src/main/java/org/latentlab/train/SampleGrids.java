package org.latentlab.train;

import java.util.Random;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.Pixels;
import org.latentlab.model.ModelConfig;

/**
 * What a model draws at one step, in plain values: the training tab's grids. A run draws them at
 * every snapshot; an opened model draws them once, from the fixed noise its run used (same seed),
 * so its prior grid goes on where the run's stopped, with test images in place of the run's
 * training images.
 *
 * @param samples G(z) of the fixed noise batch, sampleCount images of config.pixels() floats
 * @param densitySamples as many G(z), z from a density of E(x) (the running one in a run, the
 *     fitted one of an opened model), or null when there is none
 * @param reals the fixed real batch, realCount images (none when the data are not at hand)
 * @param reconstructions G(E(x)) of it
 * @param reconstructionMse mean squared error per pixel of the reconstructions (NaN without reals)
 */
public record SampleGrids(long step, ModelConfig config, int sampleCount, float[] samples, float[] densitySamples,
        int realCount, float[] reals, float[] reconstructions, float reconstructionMse) {

    /** Images in each of the two sample grids: from the prior and from a density. */
    public static final int SAMPLE_COUNT = 32;
    /** The step of the prior's stream the fixed noise is drawn at (training steps draw at 0 and up). */
    public static final long NOISE_STEP = -1;
    /** Real images beside their reconstructions. */
    public static final int REAL_COUNT = 32;

    /** The grids of these images; {@code reals} and {@code reconstructions} may be null (no data at hand). */
    public static SampleGrids of(long step, ModelConfig config, float[] samples, float[] densitySamples, float[] reals,
            float[] reconstructions) {
        if (reals == null) {
            return new SampleGrids(step, config, SAMPLE_COUNT, samples, densitySamples, 0, new float[0], new float[0],
                    Float.NaN);
        }
        return new SampleGrids(step, config, SAMPLE_COUNT, samples, densitySamples, REAL_COUNT, reals, reconstructions,
                Pixels.meanSquaredError(reals, reconstructions));
    }

    /** The run's fixed real batch: the same images for a seed, whichever process draws them. */
    public static float[] fixedReals(ImageDataset data, long seed) {
        Random rng = new Random(seed ^ 0x5DEECE66DL);
        int n = Math.min(REAL_COUNT, data.count());
        float[] out = new float[REAL_COUNT * data.imageSize()];
        for (int i = 0; i < REAL_COUNT; i++) {
            data.copyImage(i < n ? rng.nextInt(data.count()) : 0, out, i * data.imageSize());
        }
        return out;
    }

    /** Whether there are reals and their reconstructions to show. */
    public boolean hasReals() {
        return realCount > 0;
    }
}
