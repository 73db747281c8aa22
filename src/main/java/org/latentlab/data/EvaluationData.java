package org.latentlab.data;

import java.io.IOException;

/**
 * A labelled data set split for evaluation: the training images a model saw ({@code all}), the
 * ones its encoder is probed on ({@code train}) and the ones it is tested on ({@code test}). An
 * IDX folder has its own test split (then {@code train} is {@code all}); an image folder holds
 * every {@link #HELD_OUT_EVERY}-th image out.
 */
public record EvaluationData(ImageDataset all, ImageDataset train, ImageDataset test) {
    /** Images an evaluation holds out of an image folder, which has no test split: every n-th. */
    public static final int HELD_OUT_EVERY = 10;

    public static EvaluationData load(String spec, int size, int channels) throws IOException {
        ImageDataset all = DataSources.load(spec, MnistDataset.Split.TRAIN, size, channels);
        if (MnistDataset.isIdxFolder(DataSources.resolve(spec))) {
            return new EvaluationData(all, all, DataSources.load(spec, MnistDataset.Split.TEST, size, channels));
        }
        return of(all, null);
    }

    /**
     * Only the test images: an IDX folder's test split (its training split is not read), or an
     * image folder's held-out tenth.
     */
    public static ImageDataset loadTest(String spec, int size, int channels) throws IOException {
        if (MnistDataset.isIdxFolder(DataSources.resolve(spec))) {
            return DataSources.load(spec, MnistDataset.Split.TEST, size, channels);
        }
        return load(spec, size, channels).test();
    }

    /** The split of {@code all}, with {@code test} as its test split, or every n-th image held out when null. */
    public static EvaluationData of(ImageDataset all, ImageDataset test) {
        if (test != null) {
            return new EvaluationData(all, all, test);
        }
        ImageDataset[] parts = all.splitEvery(HELD_OUT_EVERY);
        return new EvaluationData(all, parts[0], parts[1]);
    }

    /**
     * {@code recorded} when it has a fingerprint, else the description of these data: a manifest
     * written before descriptions existed learns its class names and fingerprint here.
     */
    public DataDescription describe(DataDescription recorded) {
        return recorded.fingerprint() != null ? recorded : DataDescription.of(recorded.source(), all);
    }
}
