package org.latentlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.latentlab.model.TorchGate;
import org.latentlab.train.AdamOptimizer;
import org.latentlab.train.Losses;

/** How much of the label an encoding keeps: 1-nearest-neighbour and linear-probe accuracy. */
public final class EncoderMetrics {
    private static final int CHUNK = 1000;

    private EncoderMetrics() {}

    /**
     * The BiGAN paper's protocol: each test code takes the label of its nearest training code by
     * cosine similarity. Codes are row-major (n * d floats).
     */
    public static double oneNearestNeighbour(float[] trainZ, int[] trainY, float[] testZ, int[] testY, int d) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray train = normalise(m.create(trainZ, new Shape(trainY.length, d))).transpose(); // (d, Ntrain)
            NDArray test = normalise(m.create(testZ, new Shape(testY.length, d)));                 // (Ntest, d)
            int correct = 0;
            for (int start = 0; start < testY.length; start += CHUNK) {
                int end = Math.min(testY.length, start + CHUNK);
                try (NDManager c = m.newSubManager()) {
                    NDArray sims = test.get(start + ":" + end).matMul(train); // (chunk, Ntrain)
                    c.tempAttachAll(sims);
                    long[] best = sims.argMax(1).toLongArray();
                    for (int i = 0; i < best.length; i++) {
                        if (trainY[(int) best[i]] == testY[start + i]) {
                            correct++;
                        }
                    }
                }
            }
            return correct / (double) testY.length;
        }
    }

    private static NDArray normalise(NDArray z) {
        return z.div(z.square().sum(new int[] {1}, true).sqrt().add(1e-8f));
    }

    /**
     * Multinomial logistic regression on standardised codes, trained with Adam on the training
     * codes, accuracy on the test codes.
     */
    public static double linearProbe(float[] trainZ, int[] trainY, float[] testZ, int[] testY, int d, int classes,
            int epochs, long seed) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray xtr = m.create(trainZ, new Shape(trainY.length, d));
            NDArray mean = xtr.mean(new int[] {0}, true);
            NDArray std = xtr.sub(mean).square().mean(new int[] {0}, true).sqrt().add(1e-6f);
            xtr = xtr.sub(mean).div(std);
            NDArray xte = m.create(testZ, new Shape(testY.length, d)).sub(mean).div(std);
            Parameter w = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
            Parameter b = Parameter.builder().setName("b").setType(Parameter.Type.BIAS).build();
            w.setArray(m.zeros(new Shape(d, classes)));
            b.setArray(m.zeros(new Shape(classes)));
            w.getArray().setRequiresGradient(true);
            b.getArray().setRequiresGradient(true);
            try (AdamOptimizer adam = new AdamOptimizer(List.of(w, b), m, 0.01f, 0.9f, 0.999f)) {
                trainProbe(m, xtr, trainY, w, b, adam, epochs, seed);
            }
            long[] pred = xte.matMul(w.getArray()).add(b.getArray()).argMax(1).toLongArray();
            int correct = 0;
            for (int i = 0; i < pred.length; i++) {
                correct += pred[i] == testY[i] ? 1 : 0;
            }
            return correct / (double) testY.length;
        }
    }

    private static void trainProbe(NDManager m, NDArray x, int[] y, Parameter w, Parameter b, AdamOptimizer adam,
            int epochs, long seed) {
        int n = y.length;
        int batch = 256;
        int classes = (int) w.getArray().getShape().get(1);
        Random rng = new Random(seed);
        for (int e = 0; e < epochs; e++) {
            int[] order = rng.ints(0, n).limit(n).toArray();
            for (int start = 0; start + batch <= n; start += batch) {
                try (NDManager s = m.newSubManager()) {
                    int[] idx = Arrays.copyOfRange(order, start, start + batch);
                    NDArray xb = x.get(s.create(idx));
                    float[] onehot = new float[batch * classes];
                    for (int i = 0; i < batch; i++) {
                        onehot[i * classes + y[idx[i]]] = 1f;
                    }
                    try (GradientCollector gc = TorchGate.collect()) {
                        NDArray logits = xb.matMul(w.getArray()).add(b.getArray());
                        NDArray logp = logits.logSoftmax(1);
                        NDArray loss = Losses.scale(logp.mul(s.create(onehot, new Shape(batch, classes))).sum(),
                                -1f / batch);
                        gc.backward(loss);
                    }
                    adam.step();
                }
            }
        }
    }
}
