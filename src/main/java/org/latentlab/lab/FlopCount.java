package org.latentlab.lab;

/** Matrix-multiply FLOPs of one step on the reference architecture (MLP 512, batch 128, zdim 32). */
final class FlopCount {
    private static final double B = 128;
    private static final double G = 32 * 512 + 512 * 512 + 512 * 784;  // G: weights (MACs per row)
    private static final double E = 784 * 512 + 512 * 512 + 512 * 32;  // E
    private static final double D = 816 * 512 + 512 * 512 + 512;       // D
    private static final double D_FIRST = 816 * 512;

    private FlopCount() {}

    /**
     * Latent Lab's step. Forward matmul FLOPs of a layer = 2*B*in*out; its backward costs twice
     * that (grad of input and of weight), or once when the input needs no gradient (the first
     * layer). E(x) and G(z) are computed once a step and serve both updates, and the G+E step
     * back-propagates through D's first layer per part: the real pair's gradient to E(x) only
     * (32 columns), the fake pair's to G(z) only (784 columns), one row's worth instead of two.
     */
    static double stepFlops() {
        return fullInputGradientStepFlops() - 2 * B * D_FIRST;
    }

    /** The reference script's step: E(x) and G(z) again for its D step, D's full input gradient. */
    static double referenceScriptStepFlops() {
        return fullInputGradientStepFlops() + 2 * B * (G + E);
    }

    /** E(x) and G(z) once, D's input gradient for all 816 columns of both pairs. */
    private static double fullInputGradientStepFlops() {
        // Forward E, G once.
        double shared = G + E;
        // D step: D twice forward; backward D twice (first layer: weight grad only).
        double dStep = 2 * D + 2 * (2 * D - D_FIRST);
        // G+E step: D twice forward; backward D twice (input grads only, D frozen), G and E
        // (weight + input grads, minus the input grad of each first layer).
        double geStep = 2 * D + 2 * D + (2 * G - 32 * 512) + (2 * E - 784 * 512);
        return 2 * B * (shared + dStep + geStep);
    }
}
