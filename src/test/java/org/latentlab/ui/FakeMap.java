package org.latentlab.ui;

import java.util.Arrays;
import java.util.function.DoubleConsumer;
import org.latentlab.engine.LatentMap;
import org.latentlab.engine.MapMethod;

/** The fake engine's map of two points, and its layouts. */
final class FakeMap {
    private FakeMap() {}

    /** Point 0's code is 0.1 in every dimension, point 1's 0.5. */
    static float[] codes(int zdim) {
        float[] codes = new float[2 * zdim];
        Arrays.fill(codes, 0, zdim, 0.1f);
        Arrays.fill(codes, zdim, 2 * zdim, 0.5f);
        return codes;
    }

    /** The map's points swapped over for any method but PCA; progress hears a half and the whole. */
    static LatentMap laidOut(LatentMap m, MapMethod method, DoubleConsumer progress) {
        if (method == MapMethod.PCA) {
            return m;
        }
        progress.accept(0.5);
        progress.accept(1);
        return m.withLayout(method, new float[] {1, 1, 0, 0});
    }
}
