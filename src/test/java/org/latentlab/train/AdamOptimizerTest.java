package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.data.BatchIterator;
import org.latentlab.engine.TorchThreads;
import org.latentlab.latent.Prior;

class AdamOptimizerTest {
    /** The tests run with --add-modules jdk.incubator.vector (pom.xml), as the launchers do. */
    @Test
    void theVectorKernelIsTheDefaultWhereTheModuleIsPresent() {
        assertEquals(AdamOptimizer.Kernel.VECTOR, AdamOptimizer.Kernel.best());
    }

    /**
     * Both kernels, five updates of weights whose float counts are and are not multiples of the
     * vector width (the scalar tail), from the same gradients: same weights, moments and zeroed
     * gradients, to float rounding.
     */
    @Test
    void theVectorKernelComputesWhatLibtorchsKernelComputes() {
        TorchThreads.prepare(1);
        Shape[] shapes = {new Shape(64, 37), new Shape(5), new Shape(1)};
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> vector = parameters(m, shapes);
            List<Parameter> torch = parameters(m, shapes);
            try (AdamOptimizer a = new AdamOptimizer(vector, m, 1e-2f, 0.5f, 0.999f, AdamOptimizer.Kernel.VECTOR);
                    AdamOptimizer b = new AdamOptimizer(torch, m, 1e-2f, 0.5f, 0.999f, AdamOptimizer.Kernel.LIBTORCH)) {
                for (int step = 0; step < 5; step++) {
                    backward(vector, step);
                    backward(torch, step);
                    a.step();
                    b.step();
                    for (int i = 0; i < shapes.length; i++) {
                        NDArray w = vector.get(i).getArray();
                        assertClose(torch.get(i).getArray().toFloatArray(), w.toFloatArray(), "weight " + i);
                        try (NDArray g = w.getGradient()) {
                            assertEquals(0, g.countNonzero().getLong(), "gradient zeroed");
                        }
                    }
                    for (int k = 0; k < 2 * shapes.length; k++) {
                        assertClose(b.state().get(k).toFloatArray(), a.state().get(k).toFloatArray(), "moment " + k);
                    }
                }
                assertNotEquals(0f, a.state().get(0).toFloatArray()[0], "the moments moved");
            }
        }
    }

    /**
     * The vector kernel writes through buffers that alias the tensors; a transposed (strided) weight
     * would give it a copy, and the update would vanish. Such a tensor takes libtorch's kernel and
     * is updated exactly as that kernel updates it.
     */
    @Test
    void aWeightTheVectorKernelCannotReachTakesLibtorchsKernel() {
        TorchThreads.prepare(1);
        float[][] results = new float[2][];
        AdamOptimizer.Kernel[] kernels = {AdamOptimizer.Kernel.VECTOR, AdamOptimizer.Kernel.LIBTORCH};
        for (int k = 0; k < 2; k++) {
            try (NDManager m = NDManager.newBaseManager()) {
                Engine.getInstance().setRandomSeed(5);
                Parameter p = Parameter.builder().setName("t").setType(Parameter.Type.WEIGHT).build();
                NDArray strided = m.randomNormal(new Shape(6, 5)).transpose();
                assertTrue(!AdamOptimizer.isAliasedCpuFloat(strided) || k == 1,
                        "a transposed tensor's buffer is a copy");
                float[] before = strided.toFloatArray();
                p.setArray(strided);
                strided.setRequiresGradient(true);
                List<Parameter> params = List.of(p);
                try (AdamOptimizer adam = new AdamOptimizer(params, m, 1e-2f, 0.5f, 0.999f, kernels[k])) {
                    backward(params, 0);
                    adam.step();
                }
                results[k] = p.getArray().toFloatArray();
                assertTrue(!Arrays.equals(before, results[k]), kernels[k] + " left the weight unchanged");
            }
        }
        assertClose(results[1], results[0], "strided weight");
    }

    /** The fast path is the rule: after a training step every parameter of a BiGAN took it. */
    @Test
    void everyParameterOfATrainingStepTakesTheVectorKernel() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
                BiGanTrainer t = TestModels.trainer(m, TestModels.small(), TestModels.smallTrain(1))) {
            t.train(new BatchIterator(TestModels.mnist(64), 32, 1).next(), Prior.sample(1, 0, 32, 8));
            assertEquals(t.dOptimizer().parameters().size(), t.dOptimizer().vectorUpdated());
            assertEquals(t.geOptimizer().parameters().size(), t.geOptimizer().vectorUpdated());
        }
    }

    /** Equal to a few float roundings: the kernels order their multiplies differently. */
    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], actual[j], 1e-6f * Math.max(1f, Math.abs(expected[j])), what + " at " + j);
        }
    }

    /** Parameters with the same seeded values for every call. */
    private static List<Parameter> parameters(NDManager m, Shape[] shapes) {
        List<Parameter> out = new ArrayList<>();
        Engine.getInstance().setRandomSeed(11);
        for (int i = 0; i < shapes.length; i++) {
            Parameter p = Parameter.builder().setName("p" + i).setType(Parameter.Type.WEIGHT).build();
            NDArray w = m.randomNormal(shapes[i]);
            p.setArray(w);
            w.setRequiresGradient(true);
            out.add(p);
        }
        return out;
    }

    /** A loss whose gradient differs per step and per element: sum(w^2 * (step + 1) + w^3). */
    private static void backward(List<Parameter> params, int step) {
        try (NDManager scratch = params.get(0).getArray().getManager().newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = scratch.zeros(new Shape());
            for (Parameter p : params) {
                NDArray w = p.getArray();
                loss = loss.add(w.square().mul(step + 1).add(w.pow(3)).sum());
            }
            gc.backward(loss);
        }
    }
}
