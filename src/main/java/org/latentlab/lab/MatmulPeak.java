package org.latentlab.lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The matrix-multiply rate libtorch reaches on this machine for the reference step's own shapes
 * (batch 128 against each layer's weights, forward and both backward products), timed back to
 * back with no other work: the ceiling for the trainer's matmul GFLOP/s.
 */
final class MatmulPeak {
    /** {rows, inner, cols} of every product in a reference step's layers (B = 128). */
    private static final int[][] SHAPES = {
        {128, 32, 512}, {128, 512, 512}, {128, 512, 784},      // G forward
        {128, 784, 512}, {128, 512, 32},                      // E forward
        {128, 816, 512}, {128, 512, 1},                       // D forward
        {512, 128, 512}, {784, 128, 512}, {128, 512, 816},    // typical weight and input gradients
    };

    private MatmulPeak() {}

    static double gflops(int seconds) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[][] pairs = new NDArray[SHAPES.length][];
            double flopsPerRound = 0;
            for (int i = 0; i < SHAPES.length; i++) {
                int[] s = SHAPES[i];
                pairs[i] = new NDArray[] {m.randomNormal(new Shape(s[0], s[1])), m.randomNormal(new Shape(s[1], s[2]))};
                flopsPerRound += 2.0 * s[0] * s[1] * s[2];
            }
            round(m, pairs); // warm-up
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            int rounds = 0;
            while (System.nanoTime() < deadline) {
                round(m, pairs);
                rounds++;
            }
            return rounds * flopsPerRound / ((System.nanoTime() - start) / 1e9) / 1e9;
        }
    }

    private static void round(NDManager m, NDArray[][] pairs) {
        try (NDManager scope = m.newSubManager()) {
            for (NDArray[] p : pairs) {
                NDArray r = p[0].matMul(p[1]);
                scope.tempAttachAll(r);
            }
        }
    }
}
