package org.latentlab.data;

import java.util.Random;

/**
 * Endless mini-batches in a seeded shuffled order. The order of epoch {@code e} depends only on the
 * seed and {@code e}, so a run resumed at step {@code s} sees exactly the batches it would have
 * seen. Holds one float buffer of one batch; the data stay as bytes. {@code tools/latentlab_data.py}
 * repeats this order for the PyTorch trainer.
 */
public final class BatchIterator {
    private final ImageDataset data;
    private final int batchSize;
    private final long seed;
    private final int[] order;
    private final float[] buffer;
    private int epoch = -1;
    private int position;

    public BatchIterator(ImageDataset data, int batchSize, long seed) {
        if (data.count() < batchSize) {
            throw new IllegalArgumentException("The data set has " + data.count()
                    + " images, fewer than one batch of " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.seed = seed;
        this.order = new int[data.count()];
        this.buffer = new float[batchSize * data.imageSize()];
    }

    public int batchesPerEpoch() {
        return data.count() / batchSize;
    }

    /** Positions the iterator so that the next batch is the one of global step {@code step} (0-based). */
    public void seek(long step) {
        int epochOf = (int) (step / batchesPerEpoch());
        shuffle(epochOf);
        position = (int) (step % batchesPerEpoch()) * batchSize;
    }

    /** The next batch, NCHW floats in [0, 1]; the returned array is reused by the next call. */
    public float[] next() {
        if (epoch < 0 || position + batchSize > order.length) {
            shuffle(epoch + 1);
            position = 0;
        }
        int size = data.imageSize();
        for (int i = 0; i < batchSize; i++) {
            data.copyImage(order[position + i], buffer, i * size);
        }
        position += batchSize;
        return buffer;
    }

    private void shuffle(int newEpoch) {
        epoch = newEpoch;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rng = new Random(seed * 1_000_003L + newEpoch);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
