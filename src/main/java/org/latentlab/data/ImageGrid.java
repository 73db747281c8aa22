package org.latentlab.data;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/** Tiles many CHW float images into one picture, with a 1-pixel gap, optionally scaled up. */
public final class ImageGrid {
    private ImageGrid() {}

    public static BufferedImage tile(float[] images, int count, int columns, int channels, int size, int scale) {
        int rows = (count + columns - 1) / columns;
        int cell = size * scale + 1;
        BufferedImage out = new BufferedImage(columns * cell + 1, rows * cell + 1, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(new Color(0x40, 0x40, 0x48));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.dispose();
        int pixels = channels * size * size;
        float[] one = new float[pixels];
        for (int i = 0; i < count; i++) {
            System.arraycopy(images, i * pixels, one, 0, pixels);
            int[] argb = Pixels.toArgb(one, channels, size, size);
            int ox = 1 + (i % columns) * cell;
            int oy = 1 + (i / columns) * cell;
            for (int y = 0; y < size * scale; y++) {
                for (int x = 0; x < size * scale; x++) {
                    out.setRGB(ox + x, oy + y, argb[(y / scale) * size + x / scale]);
                }
            }
        }
        return out;
    }

    /** Stacked images (each {@code imageSize} floats) as one array per image. */
    public static List<float[]> split(float[] images, int imageSize) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i + imageSize <= images.length; i += imageSize) {
            out.add(Arrays.copyOfRange(images, i, i + imageSize));
        }
        return out;
    }

    /** Stacked images (each channels × size × size floats) as frames of an animation, scaled up by whole pixels. */
    public static List<BufferedImage> scaledFrames(float[] images, int channels, int size, int scale) {
        List<BufferedImage> out = new ArrayList<>();
        for (float[] one : split(images, channels * size * size)) {
            out.add(scaled(one, channels, size, scale));
        }
        return out;
    }

    /** One image scaled up by whole pixels, without the grid's border (a frame of an animation). */
    public static BufferedImage scaled(float[] image, int channels, int size, int scale) {
        int[] argb = Pixels.toArgb(image, channels, size, size);
        BufferedImage out = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size * scale; y++) {
            for (int x = 0; x < size * scale; x++) {
                out.setRGB(x, y, argb[(y / scale) * size + x / scale]);
            }
        }
        return out;
    }

    public static void writePng(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer available");
        }
    }
}
