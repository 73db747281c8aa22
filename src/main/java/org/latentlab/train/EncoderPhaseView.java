package org.latentlab.train;

import java.util.function.Supplier;

/**
 * D's view of the step's pairs while E trains alone, for the charts: {lossD, adversarial loss,
 * mean D(x, E(x)), mean D(G(z), z)}. D and G stand still in E's phase, so these move only as E
 * does; measuring them costs an E, a G and a D pass of the batch, about a third of an E-only step.
 * So they are measured at E's first step and every {@link #EVERY} steps, and repeated between:
 * the conv E of an MLP G on MNIST, 1,200 steps on 2 threads, runs alternating, 12.2 and 12.4
 * steps/s against 9.8 and 10.0 measuring at every step (docs/BENCHMARKS.md, Speed).
 */
final class EncoderPhaseView {
    /** Steps between two measurements; {@code tools/latentlab_train.py} uses the same. */
    static final int EVERY = 10;
    private float[] last;

    /** The view at {@code step} (the step being trained, before it counts): measured, or the last one. */
    float[] at(long step, Supplier<float[]> measure) {
        if (last == null || step % EVERY == 0) {
            last = measure.get();
        }
        return last;
    }
}
