package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** The folded resize-convolution computes what upsampling then convolving computes, forward and backward. */
class ResizeConvTest {
    @Test
    void sameOutputAndGradientsAsUpsamplingThenConvolving() {
        for (int filters : new int[] {3, 16}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Shape in = new Shape(4, 5, 7, 6);
                ResizeConv block = new ResizeConv(filters);
                TorchGate.seeded(11, () -> {
                    block.initialize(m, DataType.FLOAT32, in);
                    return null;
                });
                NDArray x0 = TorchGate.seeded(12, () -> m.randomNormal(in));
                NDArray target = TorchGate.seeded(13, () -> m.randomNormal(new Shape(4, filters, 14, 12)));
                NDArray[] folded = run(m, block, x0, target);
                Block up = block.getChildren().get(0).getValue();
                Block conv = block.getChildren().get(1).getValue();
                NDArray[] plain = run(m, new Block[] {up, conv}, x0, target, block);
                assertEquals(new Shape(4, filters, 14, 12), folded[0].getShape());
                assertArrayEquals(plain[0].toFloatArray(), folded[0].toFloatArray(), 1e-4f, "output, F " + filters);
                assertArrayEquals(plain[1].toFloatArray(), folded[1].toFloatArray(), 1e-3f, "input gradient");
                assertArrayEquals(plain[2].toFloatArray(), folded[2].toFloatArray(), 1e-3f, "weight gradient");
                assertArrayEquals(plain[3].toFloatArray(), folded[3].toFloatArray(), 1e-3f, "bias gradient");
            }
        }
    }

    private static NDArray[] run(NDManager m, ResizeConv block, NDArray x0, NDArray target) {
        return run(m, new Block[] {block}, x0, target, block);
    }

    /** {y, dL/dx, dL/dW, dL/db} for L = sum((y - target)^2), y the blocks applied in turn. */
    private static NDArray[] run(NDManager m, Block[] blocks, NDArray x0, NDArray target, ResizeConv owner) {
        var weight = owner.getChildren().get(1).getValue().getParameters().get("weight").getArray();
        var bias = owner.getChildren().get(1).getValue().getParameters().get("bias").getArray();
        weight.setRequiresGradient(true);
        bias.setRequiresGradient(true);
        NDArray x = x0.duplicate();
        x.setRequiresGradient(true);
        NDArray y;
        try (NDManager step = m.newSubManager(); GradientCollector gc = TorchGate.collect()) {
            ParameterStore ps = new ParameterStore(step, false);
            NDList out = new NDList(x);
            for (Block b : blocks) {
                out = b.forward(ps, out, true);
            }
            y = out.singletonOrThrow();
            gc.backward(y.sub(target).square().sum());
            y = y.duplicate();
            y.attach(m);
        }
        NDArray[] got = {y, x.getGradient().duplicate(), weight.getGradient().duplicate(),
            bias.getGradient().duplicate()};
        weight.getGradient().muli(0); // gradients accumulate: the next run starts from zero
        bias.getGradient().muli(0);
        return got;
    }
}
