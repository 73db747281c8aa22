package org.latentlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;

/** Builds G, E and D for a {@link ModelConfig}. Shapes: x (B,C,S,S) in [0,1]; z (B,zdim) in [-1,1]. */
final class Networks {
    private static final float SLOPE = 0.2f;

    private Networks() {}

    static Block generator(ModelConfig c) {
        return c.arch() == Architecture.MLP ? mlpGenerator(c) : convGenerator(c);
    }

    static Block encoder(ModelConfig c) {
        return c.encoder() == Architecture.MLP ? mlpEncoder(c) : convEncoder(c);
    }

    static Block discriminator(ModelConfig c) {
        Block features = c.arch() == Architecture.MLP ? Blocks.batchFlattenBlock() : convFeatures(c);
        SequentialBlock joint = new SequentialBlock();
        joint.add(dropout(c));                                             // (B, F+zdim)
        joint.add(Linear.builder().setUnits(c.hidden()).build()).add(leaky()).add(dropout(c)); // (B, h)
        joint.add(Linear.builder().setUnits(c.hidden()).build()).add(leaky()).add(dropout(c)); // (B, h)
        joint.add(Linear.builder().setUnits(1).build());                   // (B, 1) logit
        return new JointDiscriminator(features, joint, c.imageScore() ? imageHead(c) : null);
    }

    /** The unary image score on D's x features: an MLP on raw pixels, or one logit on conv features. */
    private static Block imageHead(ModelConfig c) {
        SequentialBlock head = new SequentialBlock();                       // (B, F)
        if (c.arch() == Architecture.MLP) {
            head.add(Linear.builder().setUnits(c.hidden()).build()).add(leaky()).add(dropout(c)); // (B, h)
        }
        head.add(Linear.builder().setUnits(1).build());                    // (B, 1) logit
        return head;
    }

    private static Block mlpGenerator(ModelConfig c) {
        SequentialBlock g = new SequentialBlock();                          // (B, zdim)
        hidden(g, c, c.hidden());                                           // (B, h)
        hidden(g, c, c.hidden());                                           // (B, h)
        g.add(Linear.builder().setUnits(c.pixels()).build());               // (B, C*S*S)
        g.add(Activation::sigmoid);
        g.add(reshape(c.channels(), c.imageSize(), c.imageSize()));          // (B, C, S, S)
        return g;
    }

    private static Block mlpEncoder(ModelConfig c) {
        SequentialBlock e = new SequentialBlock();                          // (B, C, S, S)
        e.add(Blocks.batchFlattenBlock());                                  // (B, C*S*S)
        hidden(e, c, c.encoderWidth());                                     // (B, w)
        hidden(e, c, c.encoderWidth());                                     // (B, w)
        e.add(Linear.builder().setUnits(c.zdim()).build());                 // (B, zdim)
        e.add(Activation::tanh);
        return e;
    }

    /** Upsamplings by 2 from the first feature map: 28 = 7*4, 32 = 8*4, 64 = 8*8. */
    private static int upsamplings(ModelConfig c) {
        return c.imageSize() == 64 ? 3 : 2;
    }

    private static Block convGenerator(ModelConfig c) {
        int ups = upsamplings(c);
        int s0 = c.imageSize() >> ups;
        int ch = c.hidden() << (ups - 1);
        SequentialBlock g = new SequentialBlock();                          // (B, zdim)
        hidden(g, c, ch * s0 * s0);                                         // (B, ch*s0*s0)
        g.add(reshape(ch, s0, s0));                                         // (B, ch, s0, s0)
        for (int i = 1; i < ups; i++) {
            ch /= 2;
            g.add(upConv(ch));                                              // (B, ch, 2s, 2s)
            if (c.batchNorm()) {
                g.add(BatchNorm.builder().build());
            }
            g.add(leaky());
        }
        g.add(upConv(c.channels()));                                        // (B, C, S, S)
        g.add(Activation::sigmoid);
        return g;
    }

    private static Block convEncoder(ModelConfig c) {
        int ups = upsamplings(c);
        SequentialBlock e = new SequentialBlock();                          // (B, C, S, S)
        int ch = c.encoderWidth();
        for (int i = 0; i < ups; i++) {
            e.add(downConv(ch));                                            // (B, ch, S/2^(i+1), ..)
            if (c.batchNorm() && i > 0) {
                e.add(BatchNorm.builder().build());
            }
            e.add(leaky());
            ch *= 2;
        }
        e.add(Blocks.batchFlattenBlock());                                  // (B, F)
        if (c.convEncoderFc() > 0) {
            hidden(e, c, c.convEncoderFc());                                // (B, h): an MLP G's width
        }
        e.add(Linear.builder().setUnits(c.zdim()).build());                 // (B, zdim)
        e.add(Activation::tanh);
        return e;
    }

    private static Block convFeatures(ModelConfig c) {
        SequentialBlock f = new SequentialBlock();                          // (B, C, S, S)
        int ch = c.hidden();
        for (int i = 0; i < upsamplings(c); i++) {
            f.add(downConv(ch)).add(leaky()).add(dropout(c));               // (B, ch, S/2^(i+1), ..)
            ch *= 2;
        }
        f.add(Blocks.batchFlattenBlock());                                  // (B, F)
        return f;
    }

    private static void hidden(SequentialBlock b, ModelConfig c, int units) {
        b.add(Linear.builder().setUnits(units).build());
        if (c.batchNorm()) {
            b.add(BatchNorm.builder().build());
        }
        b.add(leaky());
    }

    /**
     * Doubles height and width: nearest-neighbour upsampling, then a 3x3 convolution, computed
     * folded ({@link ResizeConv}). DJL's PyTorch engine has no transposed convolution
     * (Deconvolution throws "Not implemented"), and resize-convolution also avoids the
     * checkerboard artefacts of strided transposed kernels.
     */
    private static Block upConv(int filters) {
        return new ResizeConv(filters);                                     // (B, filters, 2s, 2s)
    }

    private static Block downConv(int filters) {
        return NarrowConv2d.of(filters, 4, 2, 1);                           // (B, filters, s/2, s/2)
    }

    private static Block leaky() {
        return new LambdaBlock(x -> new NDList(Activation.leakyRelu(x.singletonOrThrow(), SLOPE)), "leaky_relu");
    }

    private static Block dropout(ModelConfig c) {
        return c.dDropout() > 0 ? Dropout.builder().optRate(c.dDropout()).build()
                : new LambdaBlock(x -> x, "identity");
    }

    private static Block reshape(int channels, int h, int w) {
        return new LambdaBlock(x -> {
            NDArray a = x.singletonOrThrow();
            return new NDList(a.reshape(new Shape(a.getShape().get(0), channels, h, w)));
        }, "reshape");
    }
}
