package org.latentlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Doubles height and width by repeating each pixel (nearest neighbour), with libtorch's
 * {@code upsample_nearest2d}. It is {@link ResizeConv}'s first child, which fixes the block's
 * shapes and checkpoint format; ResizeConv computes upsampling and convolution folded, and its
 * test takes this block followed by the convolution as the reference.
 */
final class NearestUpsample extends AbstractBlock {
    /** DJL's code for nearest in {@link JniUtils#interpolate}; checked against repeat in NearestUpsampleTest. */
    private static final int NEAREST = 0;

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String,
            Object> params) {
        NDArray x = inputs.singletonOrThrow();                             // (B, c, s, s)
        Shape s = x.getShape();
        long[] size = {s.get(2) * 2, s.get(3) * 2};
        return new NDList(JniUtils.interpolate((PtNDArray) x, size, NEAREST, false)); // (B, c, 2s, 2s)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), s.get(2) * 2, s.get(3) * 2)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no parameters
    }
}
