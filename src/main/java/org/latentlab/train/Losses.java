package org.latentlab.train;

import ai.djl.ndarray.NDArray;

/** Numerically stable losses used by the trainer and the metrics. */
public final class Losses {
    private Losses() {}

    /**
     * Mean binary cross-entropy of logits against an all-ones ({@code target = true}) or all-zeros
     * label: softplus(-a) or softplus(a), with softplus(a) = max(a, 0) + log(1 + exp(-|a|)).
     */
    public static NDArray bceWithLogits(NDArray logits, boolean target) {
        NDArray a = target ? logits.neg() : logits;
        return a.maximum(0f).add(a.abs().neg().exp().add(1f).log()).mean();
    }

    /** Mean over the batch of the per-row sum of squared differences; any shape (B, ...). */
    public static NDArray sumSquaredPerRow(NDArray a, NDArray b) {
        NDArray diff = a.sub(b.reshape(a.getShape()));
        long batch = a.getShape().get(0);
        return diff.mul(diff).sum().div(batch);
    }
}
