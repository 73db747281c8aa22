package org.latentlab.eval;

import org.latentlab.latent.Prior;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;

/**
 * What the evaluator needs of a model, whatever made it: its images' shape, G, E and draws of its
 * prior. A BiGAN trained here ({@link #of}) or an imported generator (the engine's adapter).
 */
public interface Generative {
    ModelConfig config();

    /** G(z) for n latent vectors: n * pixels floats in [0, 1]. */
    float[] generate(float[] z, int n);

    /** E(x) for n images: n * zdim floats. */
    float[] encode(float[] x, int n);

    /** count draws of the model's prior, from a stream fixed by (seed, step). */
    float[] samplePrior(long seed, long step, int count);

    /** Whether E is an encoder, not projection (per image gradient steps): then E of whole data sets is cheap. */
    default boolean hasEncoder() {
        return true;
    }

    /** A BiGAN trained here: prior U(-1, 1). */
    static Generative of(BiGan model) {
        return new Generative() {
            @Override
            public ModelConfig config() {
                return model.config();
            }

            @Override
            public float[] generate(float[] z, int n) {
                return model.generate(z, n);
            }

            @Override
            public float[] encode(float[] x, int n) {
                return model.encode(x, n);
            }

            @Override
            public float[] samplePrior(long seed, long step, int count) {
                return Prior.sample(seed, step, count, model.config().zdim());
            }
        };
    }
}
