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
 * D(x, z): a feature network on x, concatenated with z, then a joint network to one logit; with
 * an image head, a second logit scores the x features alone (BigBiGAN's unary score s_x).
 * Input NDList(x (B,C,H,W), z (B,zdim)); output (B,1) or, with the image head, (B,2) logits:
 * column 0 the joint score, column 1 the image score.
 */
final class JointDiscriminator extends AbstractBlock {
    private final Block xFeatures;
    private final Block joint;
    private final Block imageHead;

    JointDiscriminator(Block xFeatures, Block joint, Block imageHead) {
        super((byte) 1);
        this.xFeatures = addChildBlock("x", xFeatures);
        this.joint = addChildBlock("joint", joint);
        this.imageHead = imageHead == null ? null : addChildBlock("image", imageHead);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray fx = xFeatures.forward(ps, new NDList(inputs.get(0)), training, params).singletonOrThrow(); // (B, F)
        NDArray xz = fx.concat(inputs.get(1), 1);                                                        // (B, F + zdim)
        NDArray jointLogit = joint.forward(ps, new NDList(xz), training, params).singletonOrThrow();      // (B, 1)
        if (imageHead == null) {
            return new NDList(jointLogit);
        }
        NDArray imageLogit = imageHead.forward(ps, new NDList(fx), training, params).singletonOrThrow(); // (B, 1)
        return new NDList(jointLogit.concat(imageLogit, 1));                                             // (B, 2)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape j = joint.getOutputShapes(new Shape[] {jointInput(inputShapes)})[0];
        return new Shape[] {new Shape(j.get(0), imageHead == null ? 1 : 2)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        xFeatures.initialize(manager, dataType, inputShapes[0]);
        joint.initialize(manager, dataType, jointInput(inputShapes));
        if (imageHead != null) {
            imageHead.initialize(manager, dataType, xFeatures.getOutputShapes(new Shape[] {inputShapes[0]}));
        }
    }

    private Shape jointInput(Shape[] inputShapes) {
        Shape fx = xFeatures.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        return new Shape(fx.get(0), fx.get(1) + inputShapes[1].get(1));
    }
}
