package org.latentlab.ui.common;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.latentlab.data.Pixels;

/** Builds JavaFX images from CHW float pixels, scaled up with crisp (nearest-neighbour) pixels. */
public final class FxImages {
    private FxImages() {}

    public static WritableImage of(float[] chw, int channels, int size, int scale) {
        return of(Pixels.toArgb(chw, channels, size, size), size, size, scale);
    }

    public static WritableImage of(int[] argb, int width, int height, int scale) {
        int w = width * scale;
        int h = height * scale;
        int[] big = new int[w * h];
        for (int y = 0; y < h; y++) {
            int src = (y / scale) * width;
            for (int x = 0; x < w; x++) {
                big[y * w + x] = argb[src + x / scale];
            }
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), big, 0, w);
        return img;
    }

    /** A grid of images: {@code count} images of {@code size}, {@code columns} per row, 1-pixel gaps. */
    public static WritableImage grid(float[] images, int count, int columns, int channels, int size, int scale) {
        java.awt.image.BufferedImage g = org.latentlab.data.ImageGrid.tile(images, count, columns, channels, size, 1);
        int[] argb = g.getRGB(0, 0, g.getWidth(), g.getHeight(), null, 0, g.getWidth());
        return of(argb, g.getWidth(), g.getHeight(), scale);
    }
}
