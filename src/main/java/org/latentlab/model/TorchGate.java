package org.latentlab.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one owner of libtorch's JVM-wide state: autograd and the global random generator.
 *
 * <p>DJL 0.36 allows one {@link GradientCollector} per JVM (a static flag in
 * {@code PtGradientCollector}): training, Refine and the first linear probe used to open theirs on
 * different threads and fail each other, which aborted a run or an evaluation and left the
 * failing thread in grad mode. The generator is global too: training reseeds it every step for
 * dropout, and a model initialised on another thread meanwhile drew from the middle of that
 * sequence, so the same seed gave another run. Every collector and every seeded use of the
 * generator goes through this gate; a fair lock hands it between threads at each step, so
 * Refine or Evaluate wait at most one training step (~60 ms) and training waits at most one of
 * theirs.
 */
public final class TorchGate {
    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private TorchGate() {}

    /** Opens a gradient collector once no other thread holds the gate; closing it releases the gate. */
    public static GradientCollector collect() {
        LOCK.lock();
        try {
            return new Gated(Engine.getInstance().newGradientCollector());
        } catch (RuntimeException | Error e) {
            LOCK.unlock();
            throw e;
        }
    }

    /** Runs {@code work} holding the gate, with libtorch's generator seeded first. */
    public static <T> T seeded(long seed, Supplier<T> work) {
        LOCK.lock();
        try {
            Engine.getInstance().setRandomSeed((int) seed);
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }

    /** Runs {@code work} holding the gate (work that draws from the generator without seeding it). */
    public static <T> T exclusive(Supplier<T> work) {
        LOCK.lock();
        try {
            return work.get();
        } finally {
            LOCK.unlock();
        }
    }

    private static final class Gated implements GradientCollector {
        private final GradientCollector inner;
        private boolean closed;

        Gated(GradientCollector inner) {
            this.inner = inner;
        }

        @Override
        public void backward(NDArray target) {
            inner.backward(target);
        }

        @Override
        public void zeroGradients() {
            inner.zeroGradients();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                inner.close();
            } finally {
                LOCK.unlock();
            }
        }
    }
}
