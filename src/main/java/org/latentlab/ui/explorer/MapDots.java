package org.latentlab.ui.explorer;

import java.util.Arrays;
import javafx.scene.paint.Color;

/**
 * The map's points as pixels: a 3x3 dot a point, corners fainter so it reads as round, blended
 * over what is under it. 5,000 canvas ovals took 103-109 ms to paint in the software pipeline
 * (pulse logger); one image of dots a frame keeps panning smooth (BENCHMARKS, "The window").
 */
final class MapDots {
    static final int BACKGROUND = 0xff1e1f24;

    private MapDots() {}

    /**
     * Paints into {@code argb} ({@code width} × {@code height}, cleared first) a dot at ({@code
     * sx[i]}, {@code sy[i]}) in colour {@code rgb[i]} for every point; points off the picture are skipped.
     */
    static void paint(float[] sx, float[] sy, int[] rgb, int width, int height, int[] argb) {
        Arrays.fill(argb, 0, width * height, BACKGROUND);
        for (int i = 0; i < rgb.length; i++) {
            int cx = Math.round(sx[i]);
            int cy = Math.round(sy[i]);
            if (cx < -1 || cy < -1 || cx > width || cy > height) {
                continue;
            }
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int x = cx + dx;
                    int y = cy + dy;
                    if (x >= 0 && y >= 0 && x < width && y < height) {
                        argb[y * width + x] = blend(argb[y * width + x], rgb[i], dx != 0 && dy != 0 ? 0.35 : 0.75);
                    }
                }
            }
        }
    }

    static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** {@code alpha} of {@code rgb} over the opaque pixel {@code under}. */
    static int blend(int under, int rgb, double alpha) {
        int out = 0xff000000;
        for (int shift = 0; shift <= 16; shift += 8) {
            double mixed = alpha * (rgb >> shift & 0xff) + (1 - alpha) * (under >> shift & 0xff);
            out |= (int) Math.round(mixed) << shift;
        }
        return out;
    }
}
