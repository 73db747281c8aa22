package org.latentlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * How far a batch of codes lies from the prior: the maximum mean discrepancy (MMD) between codes
 * q and prior draws p, with WAE's inverse multiquadratic kernels k(a, b) = C / (C + |a - b|²)
 * summed over seven scales of C (Tolstikhin et al., Wasserstein Auto-Encoders, 2018).
 *
 * <p>One estimator for two uses: the trainer's prior-matching term on E(x) (it back-propagates;
 * every constant it keeps lives in the arrays' own manager, see {@link Losses}), and the
 * evaluation's distance of E(test set) from the prior. Unbiased: the kernel's diagonal is left
 * out of the within-set means, so two samples of one distribution score about 0 (and may score a
 * little below it).
 */
public final class PriorMatch {
    /** WAE's multiples of the base scale C = 2 * d * var(prior). */
    private static final float[] SCALES = {0.1f, 0.2f, 0.5f, 1f, 2f, 5f, 10f};
    /** Variance of one coordinate of U(-1, 1). */
    private static final float PRIOR_VARIANCE = 1f / 3f;

    private PriorMatch() {}

    /** MMD² between rows of {@code q} (n, d) and of {@code p} (m, d); a scalar array. n, m ≥ 2. */
    public static NDArray mmd(NDArray q, NDArray p) {
        long n = q.getShape().get(0);
        long m = p.getShape().get(0);
        long d = q.getShape().get(1);
        float base = 2f * d * PRIOR_VARIANCE;
        NDArray qq = kernelSum(q, q, base);
        NDArray pp = kernelSum(p, p, base);
        NDArray qp = kernelSum(q, p, base);
        // k(a, a) = 1 at every scale: the diagonal adds n * scales to each within-set sum.
        NDArray within = Losses.scale(qq.sub(n * SCALES.length), 1f / (n * (n - 1)))
                .add(Losses.scale(pp.sub(m * SCALES.length), 1f / (m * (m - 1))));
        return within.sub(Losses.scale(qp, 2f / (n * m)));
    }

    /** MMD² of plain row-major codes (n * d floats) against as many prior draws, without gradients. */
    public static double mmd(float[] codes, float[] prior, int d) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray q = m.create(codes, new Shape(codes.length / d, d));
            NDArray p = m.create(prior, new Shape(prior.length / d, d));
            return mmd(q, p).getFloat();
        }
    }

    /** Σ over scales and over all pairs (i, j) of C / (C + |a_i - b_j|²); a scalar array. */
    private static NDArray kernelSum(NDArray a, NDArray b, float base) {
        NDArray aa = a.square().sum(new int[] {1}, true);                  // (n, 1)
        NDArray bb = b.square().sum(new int[] {1}, true).transpose();      // (1, m)
        NDArray ab = a.matMul(b.transpose());                              // (n, m)
        NDArray dist = Activation.relu(aa.add(bb).sub(ab.add(ab)));         // (n, m), rounding kept ≥ 0
        NDArray sum = null;
        for (float s : SCALES) {
            float c = base * s;
            NDArray k = a.getManager().create(c).div(dist.add(c));           // (n, m)
            sum = sum == null ? k.sum() : sum.add(k.sum());
        }
        return sum;
    }
}
