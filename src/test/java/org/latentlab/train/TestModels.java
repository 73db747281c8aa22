package org.latentlab.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataSources;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.MnistDataset;
import org.latentlab.engine.TorchThreads;
import org.latentlab.latent.Prior;
import org.latentlab.model.Architecture;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;

/** Small models and data for fast tests. */
public final class TestModels {
    /** The bundled MNIST as a model's manifest describes it. */
    public static final DataDescription MNIST_DATA = DataDescription.implied("mnist", 1, 28);

    private static ImageDataset mnistSubset;

    private TestModels() {}

    public static ModelConfig small() {
        return new ModelConfig(Architecture.MLP, 8, 1, 28, 64, true, 0.2f, true);
    }

    public static TrainConfig smallTrain(long seed) {
        return new TrainConfig(32, 2e-4f, 2e-4f, 0.5f, 0.999f, 0.1f, 1f, seed);
    }

    public static synchronized ImageDataset mnist(int n) throws IOException {
        if (mnistSubset == null) {
            mnistSubset = DataSources.load("mnist", MnistDataset.Split.TEST, 28, 1).head(2000);
        }
        return mnistSubset.head(n);
    }

    public static BiGanTrainer trainer(NDManager m, ModelConfig mc, TrainConfig tc) {
        TorchThreads.prepare(1);
        return new BiGanTrainer(BiGan.seeded(mc, m, tc.seed()), tc);
    }

    /**
     * The first step of a fresh small model per recipe, each from the same weights (its seed's), on
     * batch {@code x} and the same prior draws: for comparing what a recipe's term changes.
     */
    public static List<StepStats> firstSteps(float[] x, TrainConfig... recipes) {
        List<StepStats> out = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            for (TrainConfig tc : recipes) {
                try (BiGanTrainer t = trainer(m, small(), tc)) {
                    out.add(t.train(x, Prior.sample(3, 0, 32, 8)));
                }
            }
        }
        return out;
    }

    /** Copies of every parameter's values (trainable and statistics alike). */
    public static List<float[]> values(Block block) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    public static boolean same(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** True if every trainable parameter's values changed. */
    public static boolean allTrainableChanged(Block block, List<float[]> before) {
        int i = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            float[] now = p.getValue().getArray().toFloatArray();
            if (p.getValue().requiresGradient() && Arrays.equals(now, before.get(i))) {
                return false;
            }
            i++;
        }
        return true;
    }
}
