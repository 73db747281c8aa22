package org.latentlab.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Per-thread libtorch settings. Grad mode and the intra-op thread count are per thread in
 * libtorch: every thread that runs a model calls {@link #prepare} first, or it records autograd
 * graphs for plain inference and may oversubscribe the cores.
 */
public final class TorchThreads {
    private TorchThreads() {}

    /** Loads the engine if needed, switches grad mode off and sets the intra-op thread count. */
    public static void prepare(int threads) {
        Engine.getEngine("PyTorch");
        JniUtils.setGradMode(false);
        JniUtils.setNumThreads(Math.max(1, threads));
    }

    /** Threads for training: every core but one is left to the UI when there are more than two. */
    public static int trainingThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores <= 2 ? cores : cores - 1;
    }
}
