package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** D's weights served divided by their largest singular value, with sigma's own gradient. */
class SpectralNormStoreTest {
    /** Singular values 3, 1 and 0.5 (rows scaled and swapped), so sigma is 3. */
    private static final float[] W = {0, 1, 0, 3, 0, 0, 0, 0, 0.5f};

    private static Parameter parameter(NDManager m, Parameter.Type type, float[] values, Shape shape) {
        Parameter p = Parameter.builder().setName("weight").setType(type).build();
        p.setArray(m.create(values, shape));
        return p;
    }

    private static float[] served(SpectralNormStore store, NDManager m, Parameter p, boolean training) {
        try (NDManager step = m.newSubManager()) {
            store.begin(step);
            return store.getValue(p, m.getDevice(), training).toFloatArray();
        }
    }

    @Test
    void powerIterationFindsTheLargestSingularValue() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = parameter(m, Parameter.Type.WEIGHT, W, new Shape(3, 3));
            SpectralNormStore store = new SpectralNormStore(m);
            for (int i = 0; i < 30; i++) {
                served(store, m, p, true);
            }
            float[] expected = new float[W.length];
            for (int i = 0; i < W.length; i++) {
                expected[i] = W[i] / 3f;
            }
            assertArrayEquals(expected, served(store, m, p, false), 1e-4f);
            // A store for reloaded weights starts from the vectors found, not from scratch.
            assertArrayEquals(expected, served(store.renewed(m), m, p, false), 1e-4f);
        }
    }

    @Test
    void biasesAndStoresOutsideAStepAreServedAsTheyAre() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter bias = parameter(m, Parameter.Type.BIAS, new float[] {2, 4}, new Shape(2));
            SpectralNormStore store = new SpectralNormStore(m);
            assertArrayEquals(new float[] {2, 4}, served(store, m, bias, true));
            Parameter weight = parameter(m, Parameter.Type.WEIGHT, W, new Shape(3, 3));
            assertSame(weight.getArray(), new SpectralNormStore(m).getValue(weight, m.getDevice(), true));
        }
    }

    /**
     * W / sigma(W) has gradient (G - <G, W / sigma> u v^T) / sigma for an upstream gradient G: for the
     * sum of W's served entries and a rank-one W = 2 e1 e1^T, that is (1 - e1 e1^T) / 2, zero where
     * sigma's term cancels the plain one. Without sigma's gradient every entry would be 1/2.
     */
    @Test
    void theGradientReachesTheWeightsThroughSigma() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = parameter(m, Parameter.Type.WEIGHT, new float[] {2, 0, 0, 0}, new Shape(2, 2));
            p.getArray().setRequiresGradient(true);
            SpectralNormStore store = new SpectralNormStore(m);
            for (int i = 0; i < 5; i++) {
                served(store, m, p, true);
            }
            try (NDManager step = m.newSubManager(); GradientCollector gc = TorchGate.collect()) {
                store.begin(step);
                NDArray w = store.getValue(p, m.getDevice(), true);
                gc.backward(w.sum());
            }
            float[] gradient = p.getArray().getGradient().toFloatArray();
            assertEquals(0f, Math.abs(gradient[0]), 1e-4f);
            assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, new float[] {gradient[1], gradient[2], gradient[3]},
                    1e-4f);
        }
    }
}
