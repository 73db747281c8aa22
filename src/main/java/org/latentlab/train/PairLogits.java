package org.latentlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** D's logits of the real and the fake pairs, scored together. */
final class PairLogits {
    private PairLogits() {}

    /**
     * D scores the real pairs (x, E(x)) and the fake pairs (G(z), z) in one forward pass of 2B rows
     * (D has no batch norm, so every row is scored on its own, and one matmul of 2B rows runs
     * faster than two of B). Splits its (2B, k) logits into {real (B, k), fake (B, k)}.
     */
    static NDArray[] split(NDArray both) {
        long b = both.getShape().get(0) / 2;
        return new NDArray[] {both.get("0:" + b), both.get(b + ":")};
    }

    /** Mean D(x, z) of the joint score (column 0), the figure the BiGAN game is about. */
    static float meanJointProbability(NDArray logits) {
        NDArray joint = logits.getShape().get(1) == 1 ? logits : logits.get(":, 0");
        return Activation.sigmoid(joint).mean().getFloat();
    }
}
