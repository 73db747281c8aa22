package org.latentlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
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
    private final SequentialBlock joint;
    private final Block imageHead;

    /** {@code joint}: input dropout, the first Linear, then the rest (Networks.discriminator). */
    JointDiscriminator(Block xFeatures, SequentialBlock joint, Block imageHead) {
        super((byte) 1);
        this.xFeatures = addChildBlock("x", xFeatures);
        this.joint = addChildBlock("joint", joint);
        this.imageHead = imageHead == null ? null : addChildBlock("image", imageHead);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String,
            Object> params) {
        NDArray fx = xFeatures.forward(ps, new NDList(inputs.get(0)), training, params).singletonOrThrow(); // (B, F)
        // (B, F + zdim)
        NDArray xz = fx.concat(inputs.get(1), 1);
        NDArray jointLogit = joint.forward(ps, new NDList(xz), training, params).singletonOrThrow();      // (B, 1)
        if (imageHead == null) {
            return new NDList(jointLogit);
        }
        NDArray imageLogit = imageHead.forward(ps, new NDList(fx), training, params).singletonOrThrow(); // (B, 1)
        return new NDList(jointLogit.concat(imageLogit, 1));                                             // (B, 2)
    }

    /**
     * Logits of the real pairs (x, ex) and the fake pairs (gz, z), rows [real; fake]: (2B, k), the
     * same numbers as {@code forward} on the concatenated pairs, computed for a backward pass to
     * the inputs only (the G+E step). The first joint layer runs per part, W [f(x) | z] =
     * W_x f(x) + W_z z, so back-propagation computes the gradient of ex (B x zdim) and of gz
     * (B x F) instead of all 2B x (F + zdim) inputs: x and z are data. 4 % of a step's FLOPs.
     */
    NDArray forwardPairsForInputGradients(ParameterStore ps, NDArray x, NDArray ex, NDArray gz, NDArray z,
                                          boolean training) {
        NDArray fxReal = features(ps, x, training);                                   // (B, F)
        NDArray fxFake = features(ps, gz, training);                                  // (B, F)
        NDArray hidden = firstJointLayer(ps, fxReal, ex, training)
                .concat(firstJointLayer(ps, fxFake, z, training));                     // (2B, h)
        NDList out = new NDList(hidden);
        for (int i = 2; i < joint.getChildren().size(); i++) {
            out = joint.getChildren().get(i).getValue().forward(ps, out, training);
        }
        NDArray jointLogit = out.singletonOrThrow();                                  // (2B, 1)
        if (imageHead == null) {
            return jointLogit;
        }
        NDArray imageLogit = head(ps, fxReal, training).concat(head(ps, fxFake, training)); // (2B, 1)
        return jointLogit.concat(imageLogit, 1);                                      // (2B, 2)
    }

    private NDArray features(ParameterStore ps, NDArray x, boolean training) {
        return xFeatures.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    private NDArray head(ParameterStore ps, NDArray fx, boolean training) {
        return imageHead.forward(ps, new NDList(fx), training).singletonOrThrow();
    }

    /** Input dropout and the first Linear of the joint network on (f(x), z) given apart: (B, h). */
    private NDArray firstJointLayer(ParameterStore ps, NDArray fx, NDArray z, boolean training) {
        Block dropout = joint.getChildren().get(0).getValue();
        Linear first = (Linear) joint.getChildren().get(1).getValue();
        NDArray w = value(ps, first.getParameters().get("weight"), fx, training);   // (h, F + zdim)
        NDArray b = value(ps, first.getParameters().get("bias"), fx, training);     // (h)
        long f = fx.getShape().get(1);
        NDArray fxIn = dropout.forward(ps, new NDList(fx), training).singletonOrThrow();
        NDArray zIn = dropout.forward(ps, new NDList(z), training).singletonOrThrow();
        // Views of W, moved to the step's manager: made in W's own (the model's), they would stay
        // until the model closes, a few kilobytes a step.
        NDArray wx = w.get(":, 0:" + f);                                              // (h, F)
        NDArray wz = w.get(":, " + f + ":");                                          // (h, zdim)
        wx.attach(fx.getManager());
        wz.attach(fx.getManager());
        NDArray fromX = Linear.linear(fxIn, wx, b).singletonOrThrow();                // (B, h)
        NDArray fromZ = Linear.linear(zIn, wz, null).singletonOrThrow();              // (B, h)
        return fromX.add(fromZ);
    }

    private static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ps.getValue(p, like.getDevice(), training);
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
