package org.latentlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Nearest-neighbour upsampling by 2, then a 3x3 convolution (padding 1): G's resize-convolution.
 * Its children and parameters are exactly those two blocks, so checkpoints are as before; its
 * forward pass computes the same function without the upsampled map.
 *
 * <p>How: each output pixel (2i + a, 2j + b) of conv3x3(up2(x)) sees only rows i - 1 .. i or
 * i .. i + 1 of x and likewise columns, so it is a 2x2 convolution of x whose kernel sums rows
 * and columns of the 3x3 one: kernel rows [w0, w1 + w2] for a = 0 and [w0 + w1, w2] for a = 1.
 * The four phases run as one convolution with 4F filters, and the phases are interleaved.
 *
 * <p>Why: 16 instead of 36 multiply-adds per input pixel and filter pair, and no upsampled map
 * (libtorch 2.7.1's upsampling forward took 1.8 of 3 steps' 10.7 s at 64 px; docs/BENCHMARKS.md).
 */
final class ResizeConv extends SequentialBlock {
    private final int filters;

    ResizeConv(int filters) {
        this.filters = filters;
        add(new NearestUpsample());                                        // (B, c, 2s, 2s)
        add(NarrowConv2d.of(filters, 3, 1, 1));                            // (B, F, 2s, 2s)
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();                             // (B, c, s, s)
        NDManager m = x.getManager();
        Conv2d conv = (Conv2d) getChildren().get(1).getValue();
        NDArray w = ps.getValue(conv.getParameters().get("weight"), x.getDevice(), training).get(":"); // (F, c, 3, 3)
        NDArray b = ps.getValue(conv.getParameters().get("bias"), x.getDevice(), training).get(":");   // (F)
        w.attach(m); // views of the weights made in the model's manager would live as long as the model
        b.attach(m);
        NDArray k = NDArrays.concat(new NDList(phase(phase(w, 0, 2), 0, 3), phase(phase(w, 0, 2), 1, 3),
                phase(phase(w, 1, 2), 0, 3), phase(phase(w, 1, 2), 1, 3)));   // (4F, c, 2, 2)
        NDArray bias = NDArrays.concat(new NDList(b, b, b, b));            // (4F)
        int wide = Math.max(4 * filters, NarrowConv2d.SAFE_FILTERS);       // libtorch's narrow-conv defect
        if (wide > 4 * filters) {
            Shape ks = k.getShape();
            k = k.concat(m.zeros(new Shape(wide - 4 * filters, ks.get(1), 2, 2)), 0);
            bias = bias.concat(m.zeros(new Shape(wide - 4 * filters)), 0);
        }
        NDArray p = Conv2d.conv2d(x, k, bias, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                .singletonOrThrow();                                       // (B, wide, s+1, s+1)
        Shape xs = x.getShape();
        long n = xs.get(0);
        long h = xs.get(2);
        long v = xs.get(3);
        NDArray row0 = NDArrays.stack(new NDList(part(p, 0, 0, h, v), part(p, 1, 0, h, v)), 4)
                .reshape(n, filters, h, 2 * v);                            // (B, F, s, 2s): even rows
        NDArray row1 = NDArrays.stack(new NDList(part(p, 2, 1, h, v), part(p, 3, 1, h, v)), 4)
                .reshape(n, filters, h, 2 * v);                            // (B, F, s, 2s): odd rows
        return new NDList(NDArrays.stack(new NDList(row0, row1), 3).reshape(n, filters, 2 * h, 2 * v));
    }

    /**
     * The 3-tap kernel along {@code axis} folded to 2 taps for output phase {@code a}:
     * [w0, w1 + w2] for a = 0 (input offsets -1, 0), [w0 + w1, w2] for a = 1 (offsets 0, +1).
     */
    private static NDArray phase(NDArray w, int a, int axis) {
        String[] idx = axis == 2 ? new String[] {":, :, 0:1", ":, :, 1:2", ":, :, 2:3"}
                : new String[] {":, :, :, 0:1", ":, :, :, 1:2", ":, :, :, 2:3"};
        NDArray t0 = w.get(idx[0]);
        NDArray t1 = w.get(idx[1]);
        NDArray t2 = w.get(idx[2]);
        return a == 0 ? t0.concat(t1.add(t2), axis) : t0.add(t1).concat(t2, axis);
    }

    /** Phase {@code q} (a * 2 + b) of the folded convolution's output, at its rows and columns: (B, F, s, s). */
    private NDArray part(NDArray p, int q, int a, long h, long v) {
        int b = q % 2;
        return p.get(":, " + q * filters + ":" + (q + 1) * filters + ", " + a + ":" + (a + h) + ", " + b + ":"
                + (b + v));
    }
}
