package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentlab.engine.TorchThreads;

class JointDiscriminatorTest {
    private static final int B = 4;
    private static final int ZDIM = 8;

    /**
     * The G+E step's form of D (first joint layer per part) must give the same logits and the same
     * gradients of E(x) and G(z) as D on the concatenated pairs, for both architectures, with and
     * without the image score. D is frozen, as in the G+E step.
     */
    @ParameterizedTest
    @CsvSource({"MLP, false", "MLP, true", "CONV, false", "CONV, true"})
    void pairsForInputGradientsMatchTheConcatenatedForward(Architecture arch, boolean imageScore) {
        TorchThreads.prepare(1);
        Engine.getInstance().setRandomSeed(3);
        ModelConfig mc = new ModelConfig(arch, ZDIM, 1, 28, 16, false, 0.2f, imageScore);
        try (NDManager m = NDManager.newBaseManager(); BiGan model = new BiGan(mc, m)) {
            model.discriminator().freezeParameters(true);
            NDArray x = m.randomUniform(0, 1, new Shape(B, 1, 28, 28));
            NDArray z = m.randomUniform(-1, 1, new Shape(B, ZDIM));
            NDArray ex = m.randomUniform(-1, 1, new Shape(B, ZDIM));
            NDArray gz = m.randomUniform(0, 1, new Shape(B, 1, 28, 28));
            NDArray weights = m.randomNormal(new Shape(2 * B, mc.discriminatorOutputs()));
            float[][] concatenated = logitsAndGradients(model, x, ex, gz, z, weights, false);
            float[][] split = logitsAndGradients(model, x, ex, gz, z, weights, true);
            assertArrayEquals(concatenated[0], split[0], 1e-5f, "logits");
            assertArrayEquals(concatenated[1], split[1], 1e-5f, "gradient of E(x)");
            assertArrayEquals(concatenated[2], split[2], 1e-5f, "gradient of G(z)");
        }
    }

    /** {logits, d(loss)/d(ex), d(loss)/d(gz)} for loss = sum(weights * logits), dropout off. */
    private static float[][] logitsAndGradients(BiGan model, NDArray x, NDArray ex, NDArray gz, NDArray z,
                                                NDArray weights, boolean split) {
        NDArray exLeaf = ex.duplicate();
        NDArray gzLeaf = gz.duplicate();
        exLeaf.setRequiresGradient(true);
        gzLeaf.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = split
                    ? model.discriminatePairsForInputGradients(x, exLeaf, gzLeaf, z, false)
                    : model.discriminate(x.concat(gzLeaf), exLeaf.concat(z), false);
            gc.backward(logits.mul(weights).sum());
            return new float[][] {logits.toFloatArray(), exLeaf.getGradient().toFloatArray(),
                gzLeaf.getGradient().toFloatArray()};
        }
    }
}
