package org.latentlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * D(x, z): a feature network on x, concatenated with z, then a joint network to one logit.
 * Input NDList(x (B,C,H,W), z (B,zdim)); output (B,1) logits.
 */
final class JointDiscriminator extends AbstractBlock {
    private final Block xFeatures;
    private final Block joint;

    JointDiscriminator(Block xFeatures, Block joint) {
        super((byte) 1);
        this.xFeatures = addChildBlock("x", xFeatures);
        this.joint = addChildBlock("joint", joint);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray fx = xFeatures.forward(ps, new NDList(inputs.get(0)), training, params).singletonOrThrow();
        NDArray xz = fx.concat(inputs.get(1), 1); // (B, F + zdim)
        return joint.forward(ps, new NDList(xz), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return joint.getOutputShapes(new Shape[] {jointInput(inputShapes)});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        xFeatures.initialize(manager, dataType, inputShapes[0]);
        joint.initialize(manager, dataType, jointInput(inputShapes));
    }

    private Shape jointInput(Shape[] inputShapes) {
        Shape fx = xFeatures.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        return new Shape(fx.get(0), fx.get(1) + inputShapes[1].get(1));
    }
}
