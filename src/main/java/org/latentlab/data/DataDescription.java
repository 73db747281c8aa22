package org.latentlab.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The data a model was trained on, as its manifest keeps it: where it came from, the shape of its
 * images, how pictures are prepared for it, its class names, and a fingerprint of its training
 * images that recognises the same data under another path (a classifier made for it, a copy of
 * MNIST).
 *
 * @param source the {@code --data} argument: 'mnist', an IDX folder or an image folder
 * @param classNames one name per label, empty when the data has no labels
 * @param preparation {@link Preparation#id()} of how pictures become inputs
 * @param fingerprint {@link #fingerprint(ImageDataset)} of the training split, null when unknown
 */
public record DataDescription(String source, String name, int channels, int size, int count,
        List<String> classNames, String preparation, String fingerprint) {

    /**
     * The fingerprint of the bundled MNIST training split; any IDX folder with the same images is
     * MNIST and gets MNIST's digit centring and the bundled digit classifier. Computed by
     * {@link #fingerprint} (DataDescriptionTest checks it against the bundled files).
     */
    public static final String MNIST_FINGERPRINT = "4dfa252e1eab3527";

    public DataDescription {
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    /** What an imported generator's data are: unknown (no source, no classes), its images' shape. */
    public static DataDescription none(int channels, int size) {
        return new DataDescription("", "no data set", channels, size, 0, List.of(), Preparation.CROP.id(), null);
    }

    /** Whether there are data to read: false for an imported generator. */
    public boolean hasSource() {
        return source != null && !source.isEmpty();
    }

    /** The description of {@code train}, the training split of {@code source} as loaded. */
    public static DataDescription of(String source, ImageDataset train) {
        String fp = fingerprint(train);
        boolean digits = DataSources.BUNDLED_MNIST.equalsIgnoreCase(source) || MNIST_FINGERPRINT.equals(fp);
        return new DataDescription(source, train.name().replaceFirst("/train$", ""), train.channels(), train.height(),
                train.count(), Arrays.asList(train.classNames()), preparationOf(source, digits).id(), fp);
    }

    /** How the data at {@code source} were made: MNIST's digit centring, a folder's crop, else letterboxing. */
    private static Preparation preparationOf(String source, boolean digits) {
        return digits ? Preparation.CENTRE_DIGIT : isIdx(source) ? Preparation.LETTERBOX : Preparation.CROP;
    }

    /**
     * What a manifest written before descriptions existed implies: the source and shape, MNIST's
     * digits and centring for 'mnist', else the preparation of the data there and no class names yet.
     */
    public static DataDescription implied(String source, int channels, int size) {
        boolean digits = DataSources.BUNDLED_MNIST.equalsIgnoreCase(source);
        List<String> names = digits ? IntStream.range(0, 10).mapToObj(Integer::toString).toList() : List.of();
        Path file = digits ? null : Path.of(source).getFileName();
        String name = file == null ? source : file.toString();
        return new DataDescription(source, name, channels, size, 0, names,
                preparationOf(source, digits).id(), digits ? MNIST_FINGERPRINT : null);
    }

    /**
     * This description with its data found at {@code newSource} ({@code found}: those data as
     * loaded), or an error when they are other images than the model's. Class names the model
     * recorded are kept where the data there only number theirs.
     */
    public DataDescription movedTo(String newSource, ImageDataset found) throws DataFormatException {
        DataDescription there = of(newSource, found);
        if (fingerprint != null && !fingerprint.equals(there.fingerprint)) {
            throw new DataFormatException(newSource + " holds other images than the ones this model was trained on"
                    + " (" + name + ").");
        }
        List<String> names = List.of(namesOf(found.classNames(), classNames));
        return new DataDescription(newSource, there.name, there.channels, there.size, there.count, names, preparation,
                there.fingerprint);
    }

    /**
     * The names of classes: {@code recorded} (what a model's manifest keeps) when the data only
     * number theirs (an IDX folder without its classes.txt on this machine), else the data's own.
     */
    public static String[] namesOf(String[] dataNames, List<String> recorded) {
        String[] numbered = IntStream.range(0, dataNames.length).mapToObj(Integer::toString).toArray(String[]::new);
        boolean onlyNumbered = Arrays.equals(numbered, dataNames);
        return onlyNumbered && recorded.size() == numbered.length ? recorded.toArray(String[]::new) : dataNames;
    }

    public boolean labelled() {
        return !classNames.isEmpty();
    }

    public boolean isMnist() {
        return MNIST_FINGERPRINT.equals(fingerprint);
    }

    public Preparation defaultPreparation() {
        Preparation p = Preparation.fromId(preparation);
        return p.fits(channels, size) ? p : Preparation.LETTERBOX;
    }

    /** Whether {@code other} holds the same images (by fingerprint) at the same shape. */
    public boolean sameData(DataDescription other) {
        return other != null && fingerprint != null && fingerprint.equals(other.fingerprint)
                && channels == other.channels && size == other.size;
    }

    /**
     * SHA-256 of the shape, pixels and labels, first 16 hex digits: the same for the same images
     * wherever they are stored, different for any other data.
     */
    public static String fingerprint(ImageDataset d) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(16).putInt(d.count()).putInt(d.channels()).putInt(d.height())
                    .putInt(d.width()).array());
            sha.update(d.pixels());
            if (d.labels() != null) {
                ByteBuffer labels = ByteBuffer.allocate(4 * d.count());
                labels.asIntBuffer().put(d.labels());
                sha.update(labels.array());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isIdx(String source) {
        try {
            return MnistDataset.isIdxFolder(DataSources.resolve(source));
        } catch (DataFormatException e) {
            return false;
        }
    }
}
