package org.latentlab.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-thread libtorch settings. Grad mode and the intra-op thread count are per thread in
 * libtorch: every thread that runs a model calls {@link #prepare} first, or it records autograd
 * graphs for plain inference and may oversubscribe the cores.
 */
public final class TorchThreads {
    private static final Logger LOG = LoggerFactory.getLogger(TorchThreads.class);

    private TorchThreads() {}

    /**
     * Daemon threads that {@link #prepare} themselves before running their executor's work. A
     * failure to prepare (libtorch that does not load) is logged and the work still runs, so
     * each task fails with that error and its caller hears of it; skipping the work would leave
     * every task queued on the thread waiting forever.
     */
    public static ThreadFactory factory(String name, int threads) {
        return factory(name, () -> prepare(threads));
    }

    /** As {@link #factory(String, int)} with the preparation given (tests make it fail). */
    static ThreadFactory factory(String name, Runnable preparation) {
        return r -> {
            Thread t = new Thread(() -> {
                try {
                    preparation.run();
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("Could not prepare libtorch on thread {}", name, e);
                }
                r.run();
            }, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Loads the engine if needed, switches grad mode off and sets the intra-op thread count. */
    public static void prepare(int threads) {
        Engine.getEngine("PyTorch");
        JniUtils.setGradMode(false);
        JniUtils.setNumThreads(Math.max(1, threads));
    }

    /** Threads for headless work: every core. */
    public static int trainingThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Threads for training behind the window: every core but one, so the UI's inference thread
     * never competes with the training pool (two busy pools on 2 cores cost a 15x slowdown).
     */
    public static int backgroundTrainingThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }
}
