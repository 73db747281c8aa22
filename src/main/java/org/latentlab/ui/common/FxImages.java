package org.latentlab.ui.common;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.latentlab.data.ImageGrid;
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
        int[] big = argb;
        if (scale != 1) {
            big = new int[w * h];
            scaleInto(argb, width, height, scale, big);
        }
        WritableImage img = new WritableImage(w, h);
        img.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), big, 0, w);
        return img;
    }

    /**
     * Writes {@code argb} ({@code width} × {@code height}) into {@code out}, each pixel as a
     * {@code scale} × {@code scale} block; {@code out} holds {@code width*scale} × {@code height*scale}.
     */
    public static void scaleInto(int[] argb, int width, int height, int scale, int[] out) {
        int w = width * scale;
        for (int y = 0; y < height; y++) {
            int row = y * scale * w;
            for (int x = 0; x < width; x++) {
                Arrays.fill(out, row + x * scale, row + (x + 1) * scale, argb[y * width + x]);
            }
            // The row's copies: no division per pixel (this runs on the FX thread for each explorer frame).
            for (int k = 1; k < scale; k++) {
                System.arraycopy(out, row, out, row + k * w, w);
            }
        }
    }

    /** The pixels of {@code image} as non-premultiplied ARGB, row by row. */
    public static int[] argb(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }

    /** A grid of images: {@code count} images of {@code size}, {@code columns} per row, 1-pixel gaps. */
    public static WritableImage grid(float[] images, int count, int columns, int channels, int size, int scale) {
        BufferedImage g = ImageGrid.tile(images, count, columns, channels, size, 1);
        int[] argb = g.getRGB(0, 0, g.getWidth(), g.getHeight(), null, 0, g.getWidth());
        return of(argb, g.getWidth(), g.getHeight(), scale);
    }
}
