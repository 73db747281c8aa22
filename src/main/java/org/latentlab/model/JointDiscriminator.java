package org.latentlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
 * an image head, a logit scores the x features alone (BigBiGAN's unary s_x); with a latent head,
 * a logit scores z alone (s_z). Input NDList(x (B,C,H,W), z (B,zdim)); output (B,k) logits:
 * column 0 the joint score, then the image score and the latent score when present.
 */
final class JointDiscriminator extends AbstractBlock {
    private final Block xFeatures;
    private final Block joint;
    private final Block imageHead;
    private final Block latentHead;

    JointDiscriminator(Block xFeatures, Block joint, Block imageHead, Block latentHead) {
        super((byte) 1);
        this.xFeatures = addChildBlock("x", xFeatures);
        this.joint = addChildBlock("joint", joint);
        this.imageHead = imageHead == null ? null : addChildBlock("image", imageHead);
        this.latentHead = latentHead == null ? null : addChildBlock("latent", latentHead);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray fx = xFeatures.forward(ps, new NDList(inputs.get(0)), training, params).singletonOrThrow(); // (B, F)
        NDArray xz = fx.concat(inputs.get(1), 1);                                                        // (B, F + zdim)
        NDArray jointLogit = joint.forward(ps, new NDList(xz), training, params).singletonOrThrow();      // (B, 1)
        if (imageHead == null && latentHead == null) {
            return new NDList(jointLogit);
        }
        NDList columns = new NDList(jointLogit);
        if (imageHead != null) {
            columns.add(imageHead.forward(ps, new NDList(fx), training, params).singletonOrThrow());       // (B, 1)
        }
        if (latentHead != null) {
            columns.add(latentHead.forward(ps, new NDList(inputs.get(1)), training, params).singletonOrThrow()); // (B, 1)
        }
        return new NDList(NDArrays.concat(columns, 1));                                                   // (B, k)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape j = joint.getOutputShapes(new Shape[] {jointInput(inputShapes)})[0];
        int k = 1 + (imageHead == null ? 0 : 1) + (latentHead == null ? 0 : 1);
        return new Shape[] {new Shape(j.get(0), k)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        xFeatures.initialize(manager, dataType, inputShapes[0]);
        joint.initialize(manager, dataType, jointInput(inputShapes));
        if (imageHead != null) {
            imageHead.initialize(manager, dataType, xFeatures.getOutputShapes(new Shape[] {inputShapes[0]}));
        }
        if (latentHead != null) {
            latentHead.initialize(manager, dataType, inputShapes[1]);
        }
    }

    private Shape jointInput(Shape[] inputShapes) {
        Shape fx = xFeatures.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        return new Shape(fx.get(0), fx.get(1) + inputShapes[1].get(1));
    }
}
