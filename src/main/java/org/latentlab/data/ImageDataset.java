package org.latentlab.data;

import java.util.Arrays;

/**
 * Images kept as unsigned bytes (one copy, about 47 MB for MNIST) and turned into floats one batch
 * at a time. Layout: image-major, then channel, row, column (NCHW).
 *
 * @param labels one label per image, or {@code null} when the data set has none
 * @param classNames names of the labels (index = label), empty when there are no labels
 */
public record ImageDataset(String name, int count, int channels, int height, int width,
        byte[] pixels, int[] labels, String[] classNames) {

    public ImageDataset {
        if ((long) count * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("pixel buffer does not match " + count + "x" + channels + "x" + height
                    + "x" + width);
        }
        if (labels != null && labels.length != count) {
            throw new IllegalArgumentException("labels do not match image count");
        }
    }

    public int imageSize() {
        return channels * height * width;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** Copies image {@code index} into {@code out} at {@code offset}, scaled to [0, 1]. */
    public void copyImage(int index, float[] out, int offset) {
        int size = imageSize();
        int base = index * size;
        for (int i = 0; i < size; i++) {
            out[offset + i] = (pixels[base + i] & 0xFF) / 255f;
        }
    }

    public float[] image(int index) {
        float[] out = new float[imageSize()];
        copyImage(index, out, 0);
        return out;
    }

    /** Every image, one after another, scaled to [0, 1]. */
    public float[] floats() {
        float[] out = new float[count * imageSize()];
        for (int i = 0; i < count; i++) {
            copyImage(i, out, i * imageSize());
        }
        return out;
    }

    /** The first {@code n} images (or fewer) as a smaller data set sharing no buffers. */
    public ImageDataset head(int n) {
        int m = Math.min(n, count);
        return new ImageDataset(name, m, channels, height, width,
                Arrays.copyOf(pixels, m * imageSize()),
                labels == null ? null : Arrays.copyOf(labels, m), classNames);
    }

    /**
     * Two data sets sharing no buffers: every {@code n}-th image held out, the rest kept (in order),
     * for a labelled folder that has no test split of its own.
     */
    public ImageDataset[] splitEvery(int n) {
        int held = (count + n - 1) / n;
        int[][] picks = {new int[count - held], new int[held]};
        int[] next = new int[2];
        for (int i = 0; i < count; i++) {
            int part = i % n == 0 ? 1 : 0;
            picks[part][next[part]++] = i;
        }
        return new ImageDataset[] {pick(name + "/train", picks[0]), pick(name + "/held-out", picks[1])};
    }

    private ImageDataset pick(String newName, int[] indices) {
        int size = imageSize();
        byte[] px = new byte[indices.length * size];
        int[] y = labels == null ? null : new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * size, px, k * size, size);
            if (y != null) {
                y[k] = labels[indices[k]];
            }
        }
        return new ImageDataset(newName, indices.length, channels, height, width, px, y, classNames);
    }

    public int label(int index) {
        return labels == null ? -1 : labels[index];
    }
}
