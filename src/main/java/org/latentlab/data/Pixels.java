package org.latentlab.data;

/** Conversions between float images in [0, 1] (CHW) and ARGB pixels. */
public final class Pixels {
    private Pixels() {}

    /** Luminance (0..255) of an RGB pixel, ITU-R 601 weights as in most grayscale conversions. */
    public static float luminance(int rgb) {
        return 0.299f * ((rgb >> 16) & 0xFF) + 0.587f * ((rgb >> 8) & 0xFF) + 0.114f * (rgb & 0xFF);
    }

    /** Opaque ARGB pixels of a CHW float image (1 or 3 channels) with values in [0, 1]. */
    public static int[] toArgb(float[] chw, int channels, int height, int width) {
        int plane = height * width;
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int r = toByte(chw[i]);
            int g = channels == 3 ? toByte(chw[plane + i]) : r;
            int b = channels == 3 ? toByte(chw[2 * plane + i]) : r;
            argb[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return argb;
    }

    /** The mean squared difference per pixel of two images (or batches) of the same size. */
    public static float meanSquaredError(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return (float) (s / a.length);
    }

    public static int toByte(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255f)));
    }
}
