package org.latentlab.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.latentlab.checkpoint.Json;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataSources;

/**
 * The manifest.json of a saved {@link ImageClassifier}: its weights' hash, the data set it knows
 * and its accuracy on that data set's test split.
 *
 * @param data null in classifiers written before it was recorded: those are MNIST digit classifiers
 */
public record ClassifierManifest(String format, String sha256, double testAccuracy, String command,
        DataDescription data) {
    static final String FILE = "manifest.json";
    static final String FORMAT = "latentlab-image-classifier";
    /** What the first classifiers (MNIST only) called themselves. */
    static final String DIGIT_FORMAT = "latentlab-digit-classifier";

    static ClassifierManifest of(byte[] weights, double testAccuracy, String command, DataDescription data) {
        return new ClassifierManifest(FORMAT, sha256(weights), testAccuracy, command, data);
    }

    /** The data set it classifies; an old digit classifier's is MNIST. */
    public DataDescription dataDescription() {
        return data != null ? data : DataDescription.implied(DataSources.BUNDLED_MNIST, 1, 28);
    }

    /** The manifest of the classifier in {@code dir}, or null when {@code dir} holds none (or an unreadable one). */
    static ClassifierManifest readIfAny(Path dir) {
        try {
            return read(dir);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static ClassifierManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("No classifier in " + dir + ": train one with 'latentlab train-classifier'.");
        }
        ClassifierManifest m = Json.GSON.fromJson(Files.readString(file), ClassifierManifest.class);
        if (m == null || !(FORMAT.equals(m.format()) || DIGIT_FORMAT.equals(m.format())) || m.sha256() == null) {
            throw new IOException(dir + " does not hold a Latent Lab classifier.");
        }
        return m;
    }

    static void write(Path dir, ClassifierManifest m) throws IOException {
        Files.writeString(dir.resolve(FILE), Json.GSON.toJson(m));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
