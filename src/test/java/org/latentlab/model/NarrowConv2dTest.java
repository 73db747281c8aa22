package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.engine.TorchThreads;

/**
 * The root cause of the conv architecture's divergence, and its fix: libtorch's input gradient of
 * a convolution with few output channels is wrong on some CPUs; {@link NarrowConv2d}'s is right. The reference
 * is the same convolution with its filters padded by zeros to 32, sliced back.
 */
class NarrowConv2dTest {
    private static final Shape X = new Shape(32, 64, 28, 28);

    /** Input and weight gradients of sigmoid(conv(x))'s squared error; {@code wide} pads the weights to 32 filters. */
    private static NDArray[] gradients(NDManager m, Block conv, NDArray x0, NDArray target) {
        ParameterStore ps = new ParameterStore(m, false);
        NDArray x = x0.duplicate();
        x.setRequiresGradient(true);
        try (GradientCollector gc = TorchGate.collect()) {
            NDArray y = conv.forward(ps, new NDList(x), true).singletonOrThrow();
            gc.backward(Activation.sigmoid(y).sub(target).square().sum());
        }
        return new NDArray[] {x.getGradient(), conv.getParameters().get("weight").getArray().getGradient()};
    }

    /** The reference: weights padded with zero filters to 32 (a width libtorch computes right), output sliced. */
    private static NDArray[] reference(NDManager m, NDArray w, NDArray b, NDArray x0, NDArray target, int filters) {
        NDArray x = x0.duplicate();
        x.setRequiresGradient(true);
        NDArray wide = w.concat(m.zeros(new Shape(32 - filters, 64, 3, 3)), 0);
        wide.setRequiresGradient(true);
        try (GradientCollector gc = TorchGate.collect()) {
            NDArray y = Conv2d.conv2d(x, wide, b.concat(m.zeros(new Shape(32 - filters)), 0), new Shape(1, 1),
                    new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow().get(":, 0:" + filters);
            gc.backward(Activation.sigmoid(y).sub(target).square().sum());
        }
        return new NDArray[] {x.getGradient(), wide.getGradient().get("0:" + filters)};
    }

    private static float maxDiff(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat(); // NaN when either holds NaN
    }

    @Test
    void narrowConvolutionsPassTheRightGradientBack() {
        List<String> libtorchWrong = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            TorchThreads.prepare(threads);
            for (int filters : new int[] {1, 3, 8}) {
                try (NDManager m = NDManager.newBaseManager()) {
                    Conv2d ours = NarrowConv2d.of(filters, 3, 1, 1);
                    Conv2d djls = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                            .setFilters(filters).build();
                    TorchGate.seeded(5, () -> {
                        ours.initialize(m, DataType.FLOAT32, X);
                        djls.initialize(m, DataType.FLOAT32, X);
                        return null;
                    });
                    NDArray w = ours.getParameters().get("weight").getArray();
                    NDArray b = ours.getParameters().get("bias").getArray();
                    djls.getParameters().get("weight").getArray().set(w.toFloatArray());
                    NDArray x = TorchGate.seeded(6, () -> m.randomNormal(X));
                    NDArray target = TorchGate.seeded(7, () -> m.randomUniform(0, 1, new Shape(32, filters, 28, 28)));
                    NDArray[] expected = reference(m, w, b, x, target, filters);
                    NDArray[] got = gradients(m, ours, x, target);
                    float scale = expected[0].abs().max().getFloat();
                    String what = filters + " filters, " + threads + " threads";
                    assertTrue(maxDiff(got[0], expected[0]) <= 1e-5f * scale, "our input gradient, " + what);
                    assertTrue(maxDiff(got[1], expected[1]) <= 1e-4f * expected[1].abs().max().getFloat(),
                            "our weight gradient, " + what);
                    assertArrayEquals(w.toFloatArray(), djls.getParameters().get("weight").getArray().toFloatArray());
                    float theirs = maxDiff(gradients(m, djls, x, target)[0], expected[0]);
                    if (!(theirs <= 1e-3f * scale)) {
                        libtorchWrong.add(what);
                    }
                }
            }
        }
        // The defect itself, reported, not asserted: it depends on the CPU. It made every earlier run of this
        // test see wrong gradients; on an AMD EPYC with AVX-512 (2026-12-03) libtorch was right in all six
        // cases. NarrowConv2d is right on both, so it stays for the CPUs where libtorch is not.
        System.out.println("libtorch's own narrow convolution was wrong here in " + libtorchWrong.size()
                + " of 6 cases " + libtorchWrong);
    }
}
