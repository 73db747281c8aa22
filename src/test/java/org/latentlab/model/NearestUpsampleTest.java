package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The generator's upsampling is the same function as repeating every pixel twice, forward and backward. */
class NearestUpsampleTest {
    @Test
    void sameValuesAndGradientsAsRepeatingEachPixel() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x0 = TorchGate.seeded(3, () -> m.randomNormal(new Shape(4, 5, 7, 6)));
            NDArray weights = TorchGate.seeded(4, () -> m.randomNormal(new Shape(4, 5, 14, 12)));
            NDArray[] ours = run(x0, weights, a -> new NearestUpsample()
                    .forward(new ParameterStore(m, false), new NDList(a), true).singletonOrThrow());
            NDArray[] repeated = run(x0, weights, a -> a.repeat(2, 2).repeat(3, 2));
            assertEquals(new Shape(4, 5, 14, 12), ours[0].getShape());
            assertArrayEquals(repeated[0].toFloatArray(), ours[0].toFloatArray(), 0f);
            assertArrayEquals(repeated[1].toFloatArray(), ours[1].toFloatArray(), 1e-5f);
            assertEquals(new Shape(4, 5, 14, 12),
                    new NearestUpsample().getOutputShapes(new Shape[] {new Shape(4, 5, 7, 6)})[0]);
        }
    }

    /** {upsample(x), d(sum(upsample(x) * weights)) / dx}. */
    private static NDArray[] run(NDArray x0, NDArray weights, UnaryOperator<NDArray> upsample) {
        NDArray x = x0.duplicate();
        x.setRequiresGradient(true);
        NDArray y;
        try (GradientCollector gc = TorchGate.collect()) {
            y = upsample.apply(x);
            gc.backward(y.mul(weights).sum());
        }
        return new NDArray[] {y, x.getGradient()};
    }
}
