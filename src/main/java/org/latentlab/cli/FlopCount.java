package org.latentlab.cli;

/** Matrix-multiply FLOPs of one reference step (MLP 512, batch 128, zdim 32). */
final class FlopCount {
    private FlopCount() {}

    /**
     * Forward matmul FLOPs of a layer = 2*B*in*out; its backward costs twice that (grad of input
     * and of weight), or once when the input needs no gradient (the first layer).
     */
    static double referenceStepFlops() {
        double b = 128;
        double g = 32 * 512 + 512 * 512 + 512 * 784;          // G: weights (MACs per row)
        double e = 784 * 512 + 512 * 512 + 512 * 32;          // E
        double d = 816 * 512 + 512 * 512 + 512;               // D
        double dFirst = 816 * 512;
        // D step: forward E, G (no grad), D twice; backward D twice (first layer: weight grad only).
        double dStep = g + e + 2 * d + 2 * (2 * d - dFirst);
        // G+E step: forward E, G, D twice; backward D twice (input grads only, D frozen), G and E
        // (weight + input grads, minus input grad of each first layer).
        double geStep = g + e + 2 * d + 2 * d + (2 * g - 32 * 512) + (2 * e - 784 * 512);
        return 2 * b * (dStep + geStep);
    }
}
