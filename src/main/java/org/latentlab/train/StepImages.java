package org.latentlab.train;

import ai.djl.ndarray.NDArray;

/**
 * x and G(z) of a step, and what D sees of them: the same images, or with the recipe's instance
 * noise, one draw for D's step and G+E's. The cycles compare with x and G(z) themselves.
 */
record StepImages(NDArray x, NDArray gz, NDArray seenX, NDArray seenGz) {
    /** D sees x and G(z) plus N(0, sigma²) each, drawn from the step's seeded generator (none at sigma 0). */
    static StepImages of(NDArray x, NDArray gz, float sigma) {
        return new StepImages(x, gz, GaussianNoise.added(x, sigma), GaussianNoise.added(gz, sigma));
    }
}
