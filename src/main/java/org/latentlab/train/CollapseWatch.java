package org.latentlab.train;

import java.util.Locale;

/**
 * Notices when D has won outright: its mean output on fake pairs stays near 0 over hundreds of
 * steps, so G and E get almost no gradient and the run has collapsed. Runs of the default recipe
 * do this now and then (measured: docs/decisions.md), and a user watching only the samples would
 * wait in vain. The first 500 steps are left alone: D leads there in healthy runs too.
 */
final class CollapseWatch {
    static final int WINDOW = 500;
    static final long FROM_STEP = 500;
    static final double FAKE_BELOW = 0.01;

    private final float[] fakes = new float[WINDOW];
    private double sum;
    private int seen;
    private boolean reported;

    /** The warning, the first time the last {@value #WINDOW} steps show a collapse; else null. */
    String observe(StepStats s) {
        int slot = seen % WINDOW;
        sum += s.dFake() - (seen >= WINDOW ? fakes[slot] : 0);
        fakes[slot] = s.dFake();
        seen++;
        double mean = sum / Math.min(seen, WINDOW);
        if (reported || seen < WINDOW || s.step() < FROM_STEP || mean >= FAKE_BELOW) {
            return null;
        }
        reported = true;
        return String.format(Locale.ROOT,
                "At step %,d the discriminator has won outright: D(G(z), z) averaged %.4f over "
                + "the last %d steps, so G and E get almost no gradient and samples and reconstructions "
                + "stop improving. "
                + "This run has most likely collapsed: start again from an earlier checkpoint or with another seed.",
                s.step(), mean, WINDOW);
    }
}
