package org.latentlab.data;

import java.util.Arrays;
import java.util.Random;

/**
 * Random whole-pixel translations of a batch of images (NCHW floats), zero-filled at the edges.
 * {@code tools/latentlab_data.py} makes the same moves for the PyTorch trainer.
 */
public final class ImageShift {
    private ImageShift() {}

    /**
     * Writes each image of {@code src}, moved by its own random (dx, dy) in [-maxShift, maxShift],
     * into {@code dst}. All channels of an image move together.
     */
    public static void randomShift(float[] src, float[] dst, int channels, int size, int maxShift, Random rng) {
        int plane = size * size;
        int imageSize = channels * plane;
        if (src.length != dst.length || src.length % imageSize != 0) {
            throw new IllegalArgumentException("Expected two arrays of whole " + channels + "x" + size + "x" + size
                    + " images");
        }
        Arrays.fill(dst, 0f); // the edges a move uncovers stay black
        for (int image = 0; image < src.length / imageSize; image++) {
            int dx = rng.nextInt(2 * maxShift + 1) - maxShift;
            int dy = rng.nextInt(2 * maxShift + 1) - maxShift;
            for (int c = 0; c < channels; c++) {
                shiftPlane(src, dst, image * imageSize + c * plane, size, dx, dy);
            }
        }
    }

    /** Row by row: the overlapping part of each source row is one array copy. */
    static void shiftPlane(float[] src, float[] dst, int base, int size, int dx, int dy) {
        int width = size - Math.abs(dx);
        int fromX = Math.max(0, -dx);
        int toX = Math.max(0, dx);
        for (int y = Math.max(0, dy); y < Math.min(size, size + dy); y++) {
            System.arraycopy(src, base + (y - dy) * size + fromX, dst, base + y * size + toX, width);
        }
    }
}
