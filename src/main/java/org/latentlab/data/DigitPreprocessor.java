package org.latentlab.data;

import java.awt.image.BufferedImage;

/**
 * Turns any picture of a digit into an MNIST-style 28x28 image the way MNIST was made: grayscale,
 * light ink on a dark background, cropped to the ink, fitted into 20x20 keeping its aspect ratio,
 * and placed so that its centre of mass is at the centre of the 28x28 frame.
 */
public final class DigitPreprocessor {
    public static final int SIZE = 28;
    private static final int BOX = 20;
    /** Ink below this level (after normalising to [0, 1]) counts as background when cropping. */
    private static final float INK_THRESHOLD = 0.15f;

    private DigitPreprocessor() {}

    /** A 28x28 image, row-major, values in [0, 1], white ink on black. */
    public static float[] preprocess(BufferedImage image) throws DataFormatException {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] ink = inkOf(image);
        normalise(ink, w, h);
        int[] box = boundingBox(ink, w, h);
        if (box == null) {
            throw new DataFormatException("The image is blank: no digit could be found in it.");
        }
        int bw = box[2] - box[0] + 1;
        int bh = box[3] - box[1] + 1;
        float scale = (float) BOX / Math.max(bw, bh);
        int tw = Math.max(1, Math.round(bw * scale));
        int th = Math.max(1, Math.round(bh * scale));
        float[] fitted = resampleArea(ink, w, box, tw, th);
        return centreByMass(fitted, tw, th);
    }

    /** Ink strength in [0, 1] per pixel: alpha for transparent drawings, else luminance with the polarity fixed. */
    private static float[] inkOf(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        boolean transparent = false;
        if (image.getColorModel().hasAlpha()) {
            for (int p : argb) {
                if ((p >>> 24) < 128) {
                    transparent = true;
                    break;
                }
            }
        }
        float[] ink = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            ink[i] = transparent ? (argb[i] >>> 24) / 255f : Pixels.luminance(argb[i]) / 255f;
        }
        if (!transparent && borderMean(ink, w, h) > 0.5f) {
            for (int i = 0; i < ink.length; i++) {
                ink[i] = 1f - ink[i];
            }
        }
        return ink;
    }

    private static float borderMean(float[] v, int w, int h) {
        double sum = 0;
        int n = 0;
        for (int x = 0; x < w; x++) {
            sum += v[x] + v[(h - 1) * w + x];
            n += 2;
        }
        for (int y = 0; y < h; y++) {
            sum += v[y * w] + v[y * w + w - 1];
            n += 2;
        }
        return (float) (sum / n);
    }

    /** Stretches ink so the background (border level) is 0 and the strongest ink is 1. */
    private static void normalise(float[] ink, int w, int h) {
        float background = borderMean(ink, w, h);
        float max = 0;
        for (float v : ink) {
            max = Math.max(max, v);
        }
        float range = max - background;
        for (int i = 0; i < ink.length; i++) {
            ink[i] = range < 0.05f ? 0f : Math.max(0f, Math.min(1f, (ink[i] - background) / range));
        }
    }

    /** {x0, y0, x1, y1} of the pixels with ink, or null if there is none. */
    private static int[] boundingBox(float[] ink, int w, int h) {
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y * w + x] > INK_THRESHOLD) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
    }

    /** Area-averaging resample of the box of {@code src} (row width {@code w}) to tw x th. */
    static float[] resampleArea(float[] src, int w, int[] box, int tw, int th) {
        float[] out = new float[tw * th];
        double sx = (box[2] - box[0] + 1) / (double) tw;
        double sy = (box[3] - box[1] + 1) / (double) th;
        for (int ty = 0; ty < th; ty++) {
            double ya = box[1] + ty * sy;
            double yb = ya + sy;
            for (int tx = 0; tx < tw; tx++) {
                double xa = box[0] + tx * sx;
                double xb = xa + sx;
                out[ty * tw + tx] = (float) areaMean(src, w, xa, Math.min(xb, box[2] + 1), ya, Math.min(yb,
                        box[3] + 1));
            }
        }
        return out;
    }

    /**
     * The mean of src over [xa, xb) x [ya, yb). The caller clamps xb and ya to the box: the sum of
     * tw steps of (box width / tw) can exceed the box by a rounding error, and the ceiling of that
     * read one pixel past the image when ink touched its right or bottom edge.
     */
    private static double areaMean(float[] src, int w, double xa, double xb, double ya, double yb) {
        double sum = 0;
        double area = 0;
        for (int y = (int) Math.floor(ya); y < Math.ceil(yb); y++) {
            double wy = Math.min(yb, y + 1) - Math.max(ya, y);
            for (int x = (int) Math.floor(xa); x < Math.ceil(xb); x++) {
                double wx = Math.min(xb, x + 1) - Math.max(xa, x);
                sum += src[y * w + x] * wx * wy;
                area += wx * wy;
            }
        }
        return area == 0 ? 0 : sum / area;
    }

    /** Places a tw x th image in 28x28 with its centre of mass at the frame's centre. */
    private static float[] centreByMass(float[] img, int tw, int th) {
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                float v = img[y * tw + x];
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        int ox = (int) Math.round(SIZE / 2.0 - mx / mass);
        int oy = (int) Math.round(SIZE / 2.0 - my / mass);
        ox = Math.max(0, Math.min(SIZE - tw, ox));
        oy = Math.max(0, Math.min(SIZE - th, oy));
        float[] out = new float[SIZE * SIZE];
        for (int y = 0; y < th; y++) {
            System.arraycopy(img, y * tw, out, (y + oy) * SIZE + ox, tw);
        }
        return out;
    }
}
