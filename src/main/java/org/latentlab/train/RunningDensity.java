package org.latentlab.train;

import java.util.Random;
import org.latentlab.data.ImageDataset;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.model.BiGan;

/**
 * What the model draws from a density of its own codes while it trains: at each snapshot a small
 * mixture is fitted to E(x) of a fixed set of training images and G draws from it (the same noise
 * every time, so the grid changes only as the model does). The density written at the end of a
 * run is fitted to many more codes with many more components; this one shows, from the first
 * minutes, what that one will look like.
 */
final class RunningDensity {
    /** Codes fitted per snapshot, and fewer for big images (about 4 M floats of pixels at most). */
    static final int CODES = 1000;
    private static final int MAX_FLOATS = 4_000_000;
    static final int COMPONENTS = 10;
    private static final int ITERATIONS = 10;

    private final float[] reals;
    private final int count;
    private final long seed;

    RunningDensity(ImageDataset data, long seed) {
        this.count = Math.min(data.count(), Math.min(CODES, MAX_FLOATS / data.imageSize()));
        this.seed = seed;
        this.reals = new float[count * data.imageSize()];
        Random rng = new Random(seed ^ 0x2545F4914F6CDD1DL);
        for (int i = 0; i < count; i++) {
            data.copyImage(count == data.count() ? i : rng.nextInt(data.count()), reals, i * data.imageSize());
        }
    }

    /** {@code n} images G(z), z from the mixture fitted to E(x) now; null if there are too few images to fit. */
    float[] samples(BiGan model, int n) {
        float[] z = latents(model, n);
        return z == null ? null : model.generate(z, n);
    }

    /** {@code n} codes from the mixture fitted to E(x) now, at the explorer's default temperature. */
    float[] latents(BiGan model, int n) {
        int components = Math.min(COMPONENTS, count / 2);
        if (components < 1) {
            return null;
        }
        float[] codes = codes(model);
        GaussianMixture fitted = GaussianMixture.fit(codes, count, model.config().zdim(), components, ITERATIONS,
                seed, 1);
        return fitted.tempered(GaussianMixture.DEFAULT_TEMPERATURE).sample(n, seed);
    }

    /** E(x) of the fixed images. */
    float[] codes(BiGan model) {
        return model.encode(reals, count);
    }
}
