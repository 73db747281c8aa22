package org.latentlab.eval;

import org.latentlab.model.ModelConfig;

/**
 * What the evaluator needs of a model, whatever made it: its images' shape, G, E and draws of its
 * prior: the engine's models, trained here or imported (engine.LatentModel extends it).
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
}
