package org.latentlab.latent;

import java.util.SplittableRandom;

/**
 * The latent prior U(-1, 1)^d, drawn from a stream fixed by (seed, step) so runs can resume exactly.
 * {@code tools/latentlab_data.py} draws the same numbers for the PyTorch trainer.
 */
public final class Prior {
    private Prior() {}

    public static float[] sample(long seed, long step, int count, int zdim) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        float[] z = new float[count * zdim];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return z;
    }
}
