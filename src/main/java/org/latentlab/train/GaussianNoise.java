package org.latentlab.train;

import ai.djl.ndarray.NDArray;

/** Gaussian noise on a recipe's tensors, drawn from the step's seeded generator (a resumed run draws the same). */
final class GaussianNoise {
    private GaussianNoise() {}

    /** {@code values} plus N(0, sigma²) of the same shape, or {@code values} itself when sigma is 0. */
    static NDArray added(NDArray values, float sigma) {
        if (sigma == 0) {
            return values;
        }
        NDArray noise = values.getManager().randomNormal(values.getShape());
        return values.add(Losses.scale(noise, sigma));
    }
}
