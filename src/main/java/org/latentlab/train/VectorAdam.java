package org.latentlab.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam's update of one weight in a single pass over libtorch's memory, with the JDK's vector API.
 *
 * <p>Why: DJL's {@code adamUpdate} runs about twelve libtorch kernels per weight (a clone of the
 * gradient, an add of zero weight decay, four temporaries for the step, a separate zeroing of the
 * gradient), 6.6 ms of a 37 ms BiGAN step on 2 M parameters. This pass reads w, g, m and v once,
 * writes w, m, v and zeroes g: about a third of the time (measured: docs/decisions.md).
 *
 * <p>Same arithmetic as DJL's kernel: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 * w -= (lr' m) / (sqrt(v) + eps), where lr' is the bias-corrected rate. The buffers must alias
 * the tensors (contiguous CPU float tensors: {@code NDArray.toByteBuffer(true)}).
 *
 * <p>Loaded only when {@code jdk.incubator.vector} is in the boot layer (the launchers and the
 * tests add it); {@link AdamOptimizer} falls back to libtorch's kernel otherwise.
 */
final class VectorAdam {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorAdam() {}

    /** Updates {@code w}, {@code m}, {@code v} in place and zeroes {@code g}; all hold the same number of floats. */
    static void update(ByteBuffer w, ByteBuffer g, ByteBuffer m, ByteBuffer v,
                       float lrBiasCorrected, float beta1, float beta2, float epsilon) {
        int n = w.capacity() / Float.BYTES;
        if (g.capacity() != w.capacity() || m.capacity() != w.capacity() || v.capacity() != w.capacity()) {
            throw new IllegalArgumentException("weight, gradient and moments differ in size");
        }
        int step = SPECIES.length();
        int vectorEnd = n - n % step;
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int i = 0; i < vectorEnd; i += step) {
            int at = i * Float.BYTES;
            FloatVector gi = FloatVector.fromByteBuffer(SPECIES, g, at, ORDER);
            FloatVector mi = FloatVector.fromByteBuffer(SPECIES, m, at, ORDER).mul(beta1).add(gi.mul(1 - beta1));
            FloatVector vi = FloatVector.fromByteBuffer(SPECIES, v, at,
                    ORDER).mul(beta2).add(gi.mul(gi).mul(1 - beta2));
            FloatVector wi = FloatVector.fromByteBuffer(SPECIES, w, at, ORDER);
            FloatVector delta = mi.mul(lrBiasCorrected).div(vi.lanewise(VectorOperators.SQRT).add(epsilon));
            wi.sub(delta).intoByteBuffer(w, at, ORDER);
            mi.intoByteBuffer(m, at, ORDER);
            vi.intoByteBuffer(v, at, ORDER);
            zero.intoByteBuffer(g, at, ORDER);
        }
        for (int i = vectorEnd; i < n; i++) {
            int at = i * Float.BYTES;
            float gi = g.getFloat(at);
            float mi = m.getFloat(at) * beta1 + gi * (1 - beta1);
            float vi = v.getFloat(at) * beta2 + gi * gi * (1 - beta2);
            w.putFloat(at, w.getFloat(at) - mi * lrBiasCorrected / ((float) Math.sqrt(vi) + epsilon));
            m.putFloat(at, mi);
            v.putFloat(at, vi);
            g.putFloat(at, 0f);
        }
    }
}
