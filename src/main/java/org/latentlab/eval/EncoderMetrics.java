package org.latentlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** How much of the label an encoding keeps by nearest neighbour; the linear probe is {@link LinearProbe}. */
public final class EncoderMetrics {
    private static final int CHUNK = 1000;

    private EncoderMetrics() {}

    /**
     * The BiGAN paper's protocol: each test code takes the label of its nearest training code by
     * cosine similarity. Codes are row-major (n * d floats).
     */
    public static double oneNearestNeighbour(float[] trainZ, int[] trainY, float[] testZ, int[] testY, int d) {
        return oneNearestNeighbour(trainZ, trainY, testZ, testY, d, () -> {});
    }

    /** As above, running {@code betweenChunks} before each chunk of test codes (it may throw to stop). */
    public static double oneNearestNeighbour(float[] trainZ, int[] trainY, float[] testZ, int[] testY, int d,
            Runnable betweenChunks) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray train = normalise(m.create(trainZ, new Shape(trainY.length, d))).transpose(); // (d, Ntrain)
            NDArray test = normalise(m.create(testZ, new Shape(testY.length, d)));                 // (Ntest, d)
            int correct = 0;
            for (int start = 0; start < testY.length; start += CHUNK) {
                betweenChunks.run();
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
}
