package org.latentlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Numerically stable losses used by the trainer and the metrics, safe to back-propagate.
 *
 * <p>Why no {@code mul(Number)}, {@code div(Number)} or {@code maximum(Number)} here: DJL 0.36
 * wraps the number in a tensor over a new direct buffer, runs the op and closes the wrapper at
 * once. libtorch's backward of these ops keeps that tensor to read it later, and once the wrapper
 * is gone the JVM may free the buffer before the backward pass runs: a read of freed memory
 * whenever the collector runs mid-step. Measured: runs with the same seed parted only when the
 * JVM collected during training (docs/decisions.md). Ops whose backward keeps no operand (add of
 * a number) are safe, and a number the graph must keep goes through {@link #scale}.
 */
public final class Losses {
    private Losses() {}

    /**
     * Mean binary cross-entropy of logits against an all-ones ({@code target = true}) or all-zeros
     * label: softplus(-a) or softplus(a), with softplus(a) = relu(a) + log(1 + exp(-|a|)).
     */
    public static NDArray bceWithLogits(NDArray logits, boolean target) {
        NDArray a = target ? logits.neg() : logits;
        return Activation.relu(a).add(a.abs().neg().exp().add(1f).log()).mean();
    }

    /** Mean over the batch of the per-row sum of squared differences; any shape (B, ...). */
    public static NDArray sumSquaredPerRow(NDArray a, NDArray b) {
        NDArray diff = a.sub(b.reshape(a.getShape()));
        long batch = a.getShape().get(0);
        return scale(diff.mul(diff).sum(), 1f / batch);
    }

    /**
     * {@code a * w}, with w a tensor in {@code a}'s manager that lives until that manager closes,
     * so a backward pass that reads it reads w (see the class comment).
     */
    public static NDArray scale(NDArray a, float w) {
        return a.mul(a.getManager().create(w));
    }
}
