package org.latentlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 2-D convolution with fewer than {@link #SAFE_FILTERS} output channels, computed as one with
 * {@link #SAFE_FILTERS} whose extra filters are zeros, sliced back to its own channels. The same
 * outputs and the same weight gradients as {@link Conv2d}; the difference is the gradient it
 * passes back to its input.
 *
 * <p>Why: libtorch 2.7.1 on the CPU (DJL's {@code pytorch-native-cpu}) returns a wrong input
 * gradient for a 3x3 or 5x5 convolution with 1 to 8 output channels, and now and then NaN; its
 * forward pass and weight gradient are right, and 16 or more output channels are right
 * (measured: {@code NarrowConv2dTest}, against the same convolution padded to 16 and 32
 * filters). The conv generator ends in such a layer (64 channels to 1 or 3), so every layer
 * before it got garbage gradients: NaN in G and, through the cycles, in E after the first step.
 * That was the "diverged at step 2" of the conv architecture. (The defect depends on the CPU:
 * on an AMD EPYC with AVX-512 libtorch was right, 2026-12-03; this layer is right on both.) The
 * padding costs the last layer's multiply 16/C times over (about 7 MFLOP more per 28 px gray image).
 */
final class NarrowConv2d extends Conv2d {
    /** The fewest output channels whose input gradient libtorch computes right. */
    static final int SAFE_FILTERS = 16;

    private NarrowConv2d(Builder builder) {
        super(builder);
    }

    /** A k x k convolution to {@code filters} channels: DJL's own at 16 or more, this one below. */
    static Conv2d of(int filters, int kernel, int stride, int padding) {
        Builder b = new Builder();
        b.setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding)).setFilters(filters);
        return filters >= SAFE_FILTERS ? b.build() : new NarrowConv2d(b);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String,
            Object> params) {
        NDArray x = inputs.singletonOrThrow();                                     // (B, Cin, H, W)
        NDManager m = x.getManager();
        NDArray w = ps.getValue(weight, x.getDevice(), training);                  // (F, Cin, k, k)
        NDArray b = ps.getValue(bias, x.getDevice(), training);                    // (F)
        Shape ws = w.getShape();
        NDArray wide = w.concat(m.zeros(new Shape(SAFE_FILTERS - filters, ws.get(1), ws.get(2), ws.get(3))), 0);
        NDArray wideBias = b.concat(m.zeros(new Shape(SAFE_FILTERS - filters)), 0);
        wide.attach(m); // made in the weights' manager, they would live as long as the model
        wideBias.attach(m);
        NDArray y = conv2d(x, wide, wideBias, stride, padding, dilation, groups).singletonOrThrow(); // (B, 16, H', W')
        return new NDList(y.get(":, 0:" + filters));                               // (B, F, H', W')
    }

    /** Conv2d's builder, whose constructor only subclasses may call. */
    private static final class Builder extends Conv2d.Builder {}
}
