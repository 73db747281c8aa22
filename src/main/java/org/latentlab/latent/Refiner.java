package org.latentlab.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.latentlab.model.BiGan;
import org.latentlab.model.TorchGate;

/**
 * Improves an encoding by gradient steps on z (starting from E(x)) that lower the per-pixel mean
 * squared error of G(z) against x. Adam on z alone; z stays inside the prior's range.
 */
public final class Refiner {
    private static final float LEARNING_RATE = 0.05f;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;

    /** Told of each finished step and the error before it; returns false to stop early. */
    public interface StepListener {
        boolean onStep(int step, float error);
    }

    /** The refined z (the best seen) and the error before and after each step ({@code steps + 1} values). */
    public record Result(float[] z, float[] errors) {
        /** The error of {@link #z}: the lowest on the curve. */
        public float error() {
            float min = Float.POSITIVE_INFINITY;
            for (float e : errors) {
                min = Math.min(min, e);
            }
            return min;
        }
    }

    private Refiner() {}

    /**
     * @param x one image, pixels floats; @param z0 the start, zdim floats
     * @param onStep called after each step with the error before it; return false to stop early
     */
    public static Result refine(BiGan model, float[] x, float[] z0, int steps, StepListener onStep) {
        var c = model.config();
        return refine(model.manager(), z -> model.generate(z, false), new Shape(1, c.channels(), c.imageSize(),
                c.imageSize()), 1f, x, z0, steps, onStep);
    }

    /**
     * The same for any differentiable generator: {@code generator} maps z (1, zdim) to an image of
     * {@code imageShape} (1, C, H, W) in [0, 1]; z stays within [-bound, bound].
     */
    public static Result refine(NDManager parent, UnaryOperator<NDArray> generator, Shape imageShape, float bound,
            float[] x, float[] z0, int steps, StepListener onStep) {
        float[] errors = new float[steps + 1];
        try (NDManager m = parent.newSubManager()) {
            NDArray target = m.create(x, imageShape);
            NDArray z = m.create(z0, new Shape(1, z0.length));
            NDArray mean = m.zeros(z.getShape());
            NDArray var = m.zeros(z.getShape());
            // Adam's steps do not always lower the error (the last ones can overshoot): the z
            // returned is the best one seen, not the last.
            float[] best = z0.clone();
            float bestError = Float.POSITIVE_INFINITY;
            int done = 0;
            for (int t = 1; t <= steps; t++) {
                z.setRequiresGradient(true);
                NDArray loss;
                try (GradientCollector gc = TorchGate.collect()) {
                    NDArray diff = generator.apply(z).sub(target);
                    loss = diff.mul(diff).mean();
                    gc.backward(loss);
                }
                errors[t - 1] = loss.getFloat();
                if (errors[t - 1] < bestError) {
                    bestError = errors[t - 1];
                    best = z.toFloatArray();
                }
                z = adamStep(z, mean, var, t, bound);
                done = t;
                if (!onStep.onStep(t, errors[t - 1])) {
                    break;
                }
            }
            NDArray diff = generator.apply(z).sub(target);
            errors[done] = diff.mul(diff).mean().getFloat();
            if (errors[done] < bestError) {
                best = z.toFloatArray();
            }
            return new Result(best, Arrays.copyOf(errors, done + 1));
        }
    }

    /**
     * Projection of many images at once: the same Adam steps on each row of z (B, zdim), whose
     * loss is the sum of the rows' mean squared errors, so each row's gradient is its own image's
     * (G runs in eval mode: no row sees another). One batch of B images costs about what one image
     * costs here, where a step is mostly per-call overhead. Returns each row's best z (B * zdim).
     *
     * @param imageShape (B, C, H, W); @param x B images; @param z0 B starts
     */
    public static float[] refineBatch(NDManager parent, UnaryOperator<NDArray> generator, Shape imageShape,
            float bound, float[] x, float[] z0, int steps) {
        int b = (int) imageShape.get(0);
        int d = z0.length / b;
        float[] best = z0.clone();
        float[] bestError = new float[b];
        Arrays.fill(bestError, Float.POSITIVE_INFINITY);
        try (NDManager m = parent.newSubManager()) {
            NDArray target = m.create(x, imageShape);
            NDArray z = m.create(z0, new Shape(b, d));
            NDArray mean = m.zeros(z.getShape());
            NDArray var = m.zeros(z.getShape());
            for (int t = 1; t <= steps + 1; t++) {
                z.setRequiresGradient(true);
                NDArray rowErrors;
                try (GradientCollector gc = TorchGate.collect()) {
                    NDArray diff = generator.apply(z).sub(target);
                    rowErrors = diff.mul(diff).reshape(b, -1).mean(new int[] {1}); // (B)
                    gc.backward(rowErrors.sum());
                }
                keepBest(rowErrors.toFloatArray(), z.toFloatArray(), best, bestError, d);
                if (t > steps) {
                    break; // the last pass only measures the last step's z
                }
                z = adamStep(z, mean, var, t, bound);
            }
        }
        return best;
    }

    /** One Adam step on z from its gradient (moments updated in place); z kept within [-bound, bound]. */
    private static NDArray adamStep(NDArray z, NDArray mean, NDArray var, int t, float bound) {
        NDArray g = z.getGradient();
        mean.muli(BETA1).addi(g.mul(1 - BETA1));
        var.muli(BETA2).addi(g.mul(g).mul(1 - BETA2));
        NDArray mHat = mean.div(1 - Math.pow(BETA1, t));
        NDArray vHat = var.div(1 - Math.pow(BETA2, t));
        return z.stopGradient().sub(mHat.div(vHat.sqrt().add(1e-8f)).mul(LEARNING_RATE)).clip(-bound, bound);
    }

    private static void keepBest(float[] errors, float[] z, float[] best, float[] bestError, int d) {
        for (int i = 0; i < errors.length; i++) {
            if (errors[i] < bestError[i]) {
                bestError[i] = errors[i];
                System.arraycopy(z, i * d, best, i * d, d);
            }
        }
    }
}
