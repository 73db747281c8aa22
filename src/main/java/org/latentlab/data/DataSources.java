package org.latentlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.latentlab.AppPaths;

/** Resolves the {@code --data} argument: {@code mnist}, a folder of IDX files, or a folder of images. */
public final class DataSources {
    public static final String BUNDLED_MNIST = "mnist";

    private DataSources() {}

    /** The training split of the named data, images sized {@code size} x {@code size} with {@code channels}. */
    public static ImageDataset load(String spec, MnistDataset.Split split, int size, int channels) throws IOException {
        return load(spec, split, size, channels, LoadProgress.NONE);
    }

    /** As {@link #load(String, MnistDataset.Split, int, int)}, telling {@code progress} as images are decoded. */
    public static ImageDataset load(String spec, MnistDataset.Split split, int size, int channels,
            LoadProgress progress) throws IOException {
        Path dir = resolve(spec);
        if (MnistDataset.isIdxFolder(dir)) {
            ImageDataset d = MnistDataset.load(dir, split);
            if (d.height() != size || d.width() != size || channels != 1) {
                throw new DataFormatException("The IDX data in " + dir + " is " + d.height() + "x" + d.width()
                        + " grayscale, but the model expects " + size + "x" + size + " with " + channels
                                + " channel(s).");
            }
            return d;
        }
        if (split == MnistDataset.Split.TEST) {
            throw new DataFormatException("An image folder has no separate test split: " + dir);
        }
        return ImageFolderDataset.load(dir, size, channels, progress);
    }

    public static Path resolve(String spec) throws DataFormatException {
        if (BUNDLED_MNIST.equalsIgnoreCase(spec)) {
            return AppPaths.bundledMnist();
        }
        Path dir = Path.of(spec);
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException("Data set not found: '" + spec + "' is neither 'mnist' nor a folder.");
        }
        return dir;
    }
}
