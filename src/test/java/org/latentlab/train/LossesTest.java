package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.latentlab.engine.TorchThreads;

/**
 * The losses must back-propagate the numbers they were given even when the JVM collects garbage
 * between the forward and the backward pass. DJL's {@code mul(3f)} fails this: its backward reads
 * a buffer the collector has freed, and after the reuse below the gradient is 1234, not 3.
 */
class LossesTest {
    @Test
    void aScaledLossKeepsItsWeightThroughAGarbageCollection() {
        assertArrayEquals(new float[] {3, 3, 3}, gradientAfterCollection(x -> Losses.scale(x, 3f).sum()), 0f);
    }

    /**
     * Negative control: DJL's own {@code mul(3f)} through the same harness loses its 3, so the two
     * tests above could fail. (If this one ever passes with 3, the harness no longer reproduces
     * the freed scalar and the tests above prove nothing.)
     */
    @Test
    void theHarnessCatchesDjlsFreedScalar() {
        float[] g = gradientAfterCollection(x -> x.mul(3f).sum());
        assertFalse(Arrays.equals(new float[] {3, 3, 3}, g),
                "DJL's mul(3f) kept its scalar through the collection: " + Arrays.toString(g));
    }

    @Test
    void squaredErrorAndCrossEntropyKeepTheirNumbersThroughAGarbageCollection() {
        // d/dx of sum((x - 0)^2) / B with B = 1 row: 2x.
        assertArrayEquals(new float[] {2, 4, 6},
                gradientAfterCollection(x -> Losses.sumSquaredPerRow(x.reshape(1, 3), x.zerosLike().reshape(1, 3))),
                        1e-6f);
        // d/dx of mean(softplus(x)) = sigmoid(x) / 3, for x > 0 where relu is x.
        float[] g = gradientAfterCollection(x -> Losses.bceWithLogits(x, false));
        float[] expected = new float[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = (float) (1 / (1 + Math.exp(-(i + 1))) / 3);
        }
        assertArrayEquals(expected, g, 1e-6f);
    }

    /** Gradient of loss(x) at x = (1, 2, 3), with a collection and a reuse of small native buffers in between. */
    private static float[] gradientAfterCollection(UnaryOperator<NDArray> loss) {
        TorchThreads.prepare(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = loss.apply(x);
                List<ByteBuffer> reuse = collectAndReuseFreedBuffers();
                gc.backward(y);
                reuse.clear();
            }
            return x.getGradient().toFloatArray();
        }
    }

    private static List<ByteBuffer> collectAndReuseFreedBuffers() {
        System.gc();
        try {
            Thread.sleep(50); // the JDK's cleaner thread frees collected direct buffers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> keep = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            keep.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1234f));
        }
        return keep;
    }
}
