package org.latentlab.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Reconstruction quality of G(E(x)) against x. */
final class ReconstructionMetrics {
    private ReconstructionMetrics() {}

    /**
     * recon_mse: mean squared error per pixel. recon_distance_ratio: mean ||x - G(E(x))|| over the
     * mean distance between random pairs of test images (1 = no better than a random image).
     */
    static Map<String, Object> compute(float[] x, float[] recon, int n, int size, long seed) {
        double se = 0;
        double reconDist = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int p = i * size; p < (i + 1) * size; p++) {
                double diff = x[p] - recon[p];
                s += diff * diff;
            }
            se += s;
            reconDist += Math.sqrt(s);
        }
        Random rng = new Random(seed);
        double pairDist = 0;
        for (int k = 0; k < n; k++) {
            int a = rng.nextInt(n);
            int b = rng.nextInt(n);
            double s = 0;
            for (int p = 0; p < size; p++) {
                double diff = x[a * size + p] - x[b * size + p];
                s += diff * diff;
            }
            pairDist += Math.sqrt(s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recon_mse", ModelEvaluator.round(se / ((double) n * size)));
        out.put("recon_distance_ratio", ModelEvaluator.round(reconDist / pairDist));
        return out;
    }
}
