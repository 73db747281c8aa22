package org.latentlab.ui.explorer;

import javafx.scene.paint.Color;
import org.latentlab.engine.LatentMap;
import org.latentlab.ui.common.Palette;

/**
 * The colour of each map point: its class's (grey when unlabelled), or its value along one latent
 * dimension on a blue–grey–red ramp from the lowest value on the map to the highest.
 */
final class MapColours {
    static final Color LOW = Color.web("#3b6fd4");
    static final Color MID = Color.web("#c8c8c8");
    static final Color HIGH = Color.web("#e0452b");

    /** The colours (RGB) and, for a dimension, its range on the map. */
    record Result(int[] rgb, float low, float high) {}

    private MapColours() {}

    static Result of(LatentMap m, int dim) {
        int[] rgb = new int[m.size()];
        if (dim < 0 || dim >= m.zdim()) {
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = MapDots.rgb(Palette.of(m.labels()[i]));
            }
            return new Result(rgb, 0, 0);
        }
        int d = m.zdim();
        float low = Float.MAX_VALUE;
        float high = -Float.MAX_VALUE;
        for (int i = 0; i < rgb.length; i++) {
            low = Math.min(low, m.codes()[i * d + dim]);
            high = Math.max(high, m.codes()[i * d + dim]);
        }
        float span = Math.max(1e-6f, high - low);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = MapDots.rgb(ramp((m.codes()[i * d + dim] - low) / span));
        }
        return new Result(rgb, low, high);
    }

    /** t in [0, 1] along low → mid → high. */
    static Color ramp(double t) {
        return t < 0.5 ? LOW.interpolate(MID, 2 * t) : MID.interpolate(HIGH, 2 * t - 1);
    }
}
