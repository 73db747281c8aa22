package org.latentlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Loads the four IDX files of an MNIST-layout data set (MNIST, Fashion-MNIST, KMNIST...). */
public final class MnistDataset {
    /** The optional file of class names beside the IDX files, one per line. */
    public static final String CLASS_NAMES = "classes.txt";

    private MnistDataset() {}

    public enum Split {
        TRAIN("train"), TEST("t10k");
        final String stem;
        Split(String stem) {
            this.stem = stem;
        }
    }

    /** True if {@code dir} holds the IDX files of at least the training split. */
    public static boolean isIdxFolder(Path dir) {
        return find(dir, "train-images-idx3-ubyte") != null;
    }

    public static ImageDataset load(Path dir, Split split) throws IOException {
        Path imagesFile = require(dir, split.stem + "-images-idx3-ubyte");
        Path labelsFile = require(dir, split.stem + "-labels-idx1-ubyte");
        IdxReader.IdxArray images = IdxReader.read(imagesFile);
        IdxReader.IdxArray labels = IdxReader.read(labelsFile);
        if (images.dims().length != 3) {
            throw new DataFormatException(imagesFile,
                    "expected 3 dimensions (count, rows, columns), found " + images.dims().length);
        }
        if (labels.dims().length != 1) {
            throw new DataFormatException(labelsFile, "expected 1 dimension (count), found " + labels.dims().length);
        }
        if (images.count() != labels.count()) {
            throw new DataFormatException(imagesFile, images.count() + " images but " + labelsFile.getFileName()
                    + " has " + labels.count() + " labels");
        }
        int[] y = new int[labels.count()];
        int maxLabel = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.data()[i] & 0xFF;
            maxLabel = Math.max(maxLabel, y[i]);
        }
        String[] names = classNames(dir, maxLabel + 1);
        return new ImageDataset(dir.getFileName() + "/" + split.name().toLowerCase(), images.count(), 1,
                images.dims()[1], images.dims()[2], images.data(), y, names);
    }

    /**
     * The class names of an IDX folder: the lines of an optional {@code classes.txt} beside the
     * files (label i is line i), else the labels' numbers.
     */
    static String[] classNames(Path dir, int labelCount) throws IOException {
        Path file = dir.resolve(CLASS_NAMES);
        if (!Files.isRegularFile(file)) {
            return IntStream.range(0, labelCount).mapToObj(Integer::toString).toArray(String[]::new);
        }
        List<String> lines = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() < labelCount) {
            throw new DataFormatException(file, "names " + lines.size() + " classes, but the labels go up to "
                    + (labelCount - 1) + " (one name per line, label 0 first)");
        }
        return lines.toArray(String[]::new);
    }

    private static Path require(Path dir, String stem) throws DataFormatException {
        Path p = find(dir, stem);
        if (p == null) {
            throw new DataFormatException("No " + stem + " (or " + stem + ".gz) in " + dir);
        }
        return p;
    }

    private static Path find(Path dir, String stem) {
        for (String name : new String[] {stem, stem + ".gz"}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
