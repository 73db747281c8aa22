package org.latentlab.train;

import java.util.Random;
import org.latentlab.data.ImageDataset;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.model.BiGan;

/**
 * What the model draws from a density of its own codes while it trains: every few hundred steps a
 * small mixture is fitted to E(x) of a fixed set of training images, and at each snapshot G draws
 * from it (the same noise every time, so the grid changes only as the model does). The density written at the end of a
 * run is fitted to many more codes with many more components; this one shows, from the first
 * minutes, what that one will look like.
 */
final class RunningDensity {
    /** Codes fitted per snapshot, and fewer for big images (about 4 M floats of pixels at most). */
    static final int CODES = 1000;
    private static final int MAX_FLOATS = 4_000_000;
    static final int COMPONENTS = 10;
    private static final int ITERATIONS = 10;
    /**
     * Steps between refits. Why not every snapshot: a fit with its 1,000 codes took 280-760 ms
     * on the shared 2-core machine (RdProbe, 2026-12-02), 5-15 % of the 5 s between the window's
     * snapshots; codes move little in 500 steps, so the draws from a fit that old still show the model.
     */
    static final int REFIT_STEPS = 500;

    private final float[] reals;
    private final int count;
    private final long seed;
    private GaussianMixture fitted;
    private long fittedAt;

    RunningDensity(ImageDataset data, long seed) {
        this.count = Math.min(data.count(), Math.min(CODES, MAX_FLOATS / data.imageSize()));
        this.seed = seed;
        this.reals = new float[count * data.imageSize()];
        Random rng = new Random(seed ^ 0x2545F4914F6CDD1DL);
        for (int i = 0; i < count; i++) {
            data.copyImage(count == data.count() ? i : rng.nextInt(data.count()), reals, i * data.imageSize());
        }
    }

    /**
     * {@code n} images G(z) at training step {@code step}, z from the mixture fitted to E(x) at most
     * {@link #REFIT_STEPS} steps ago; null if there are too few images to fit one.
     */
    float[] samples(BiGan model, int n, long step) {
        float[] z = latents(model, n, step);
        return z == null ? null : model.generate(z, n);
    }

    /** {@code n} codes from the mixture, refitted when it is REFIT_STEPS old, at the explorer's default temperature. */
    float[] latents(BiGan model, int n, long step) {
        int components = Math.min(COMPONENTS, count / 2);
        if (components < 1) {
            return null;
        }
        if (fitted == null || step - fittedAt >= REFIT_STEPS || step < fittedAt) {
            fitted = GaussianMixture.fit(codes(model), count, model.config().zdim(), components, ITERATIONS, seed, 1);
            fittedAt = step;
        }
        return fitted.tempered(GaussianMixture.DEFAULT_TEMPERATURE).sample(n, seed);
    }

    /** E(x) of the fixed images. */
    float[] codes(BiGan model) {
        return model.encode(reals, count);
    }
}
