package org.latentlab.checkpoint;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.data.ImageDataset;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.model.BiGan;

/**
 * The optional latent-density.json of a checkpoint: a {@link GaussianMixture} fitted to the codes
 * E(x) of the training set, from which samples and random explorer positions are drawn. Listed in
 * the manifest with its SHA-256 like the weights, so a damaged file is an error, not a wrong model;
 * a checkpoint without it samples the uniform prior.
 */
public final class LatentDensityFile {
    public static final String FILE = "latent-density.json";
    static final String FORMAT = "latentlab-latent-density";
    /**
     * How much to fit. Measured on the bundled model (classifier score of 10,000 samples; the
     * prior gives 4.36): 50 components on 20,000 codes 8.67 (11 s on 2 cores), 100 on all 60,000
     * 8.97 (59 s), 200 on 60,000 9.02 (133 s). The held-out log-likelihood still rose at 200, so
     * more components are not over-fitting; they cost time for little gain.
     */
    public static final int THOROUGH_COMPONENTS = 100;
    public static final int THOROUGH_MAX_CODES = 60_000;

    public record Settings(int components, int maxCodes, int threads) {
        /** For the CLI's train and fit-density, on every core: 13 s (MNIST) to 27 s (Fashion-MNIST, z 64) on 2. */
        public static final Settings THOROUGH = new Settings(THOROUGH_COMPONENTS, THOROUGH_MAX_CODES,
                Runtime.getRuntime().availableProcessors());

        /** For training in the window: seconds, so the user is not kept waiting after Stop; one core left to the UI. */
        public static Settings quick() {
            return new Settings(50, 20_000, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        }
    }

    private static final int ITERATIONS = 25;
    private static final int ENCODE_CHUNK = 2_000;

    private LatentDensityFile() {}

    /**
     * What is stored: weights (K), means (K, d) and each covariance's Cholesky factor as its lower
     * triangle, row by row; the temperature samples are drawn at by default (absent in files
     * written before it was kept: {@link GaussianMixture#DEFAULT_TEMPERATURE}).
     */
    record Stored(String format, int version, int dimension, double[] weights, double[][] means,
            double[][] choleskyLower, Double temperature) {}

    /**
     * Encodes up to maxCodes images of data with the model's E and fits up to k components to the
     * codes: at most one per 2 * zdim codes, so that a small data set does not get a component for
     * every few images. The images are evenly spaced through the data set, so a folder sorted by
     * label gives every label its share.
     */
    public static GaussianMixture fit(BiGan model, ImageDataset data, Settings settings, long seed) {
        int components = settings.components();
        int maxCodes = settings.maxCodes();
        int n = Math.min(maxCodes, data.count());
        int k = Math.max(1, Math.min(components, n / (2 * model.config().zdim())));
        return GaussianMixture.fit(codes(model, data, n), n, model.config().zdim(), k, ITERATIONS, seed,
                settings.threads());
    }

    /**
     * E(x) of n images evenly spaced through the data set, encoded a chunk at a time: the images
     * of 60,000 codes as one array would be 188 MB of heap for a moment at the end of training.
     */
    private static float[] codes(BiGan model, ImageDataset data, int n) {
        int pixels = data.imageSize();
        int d = model.config().zdim();
        float[] z = new float[n * d];
        float[] x = new float[Math.min(n, ENCODE_CHUNK) * pixels];
        for (int start = 0; start < n; start += ENCODE_CHUNK) {
            int len = Math.min(ENCODE_CHUNK, n - start);
            for (int i = 0; i < len; i++) {
                data.copyImage((int) ((long) (start + i) * data.count() / n), x, i * pixels);
            }
            System.arraycopy(model.encode(x, len), 0, z, start * d, len * d);
        }
        return z;
    }

    /** Fits and stores the density in the checkpoint: what a finished training run does. */
    public static GaussianMixture fitAndAttach(BiGan model, ImageDataset data, Path checkpoint, Settings settings,
            long seed) throws IOException {
        GaussianMixture g = fit(model, data, settings, seed);
        attach(checkpoint, g);
        return g;
    }

    /**
     * Adds (or replaces) the density of a checkpoint folder. The folder is replaced as a whole
     * ({@link Checkpoints#replaceFiles}): a crash or a full disk leaves the checkpoint as it was,
     * never a new density beside a manifest that lists the old one's hash.
     */
    public static void attach(Path checkpoint, GaussianMixture density) throws IOException {
        Path dir = Checkpoints.resolve(checkpoint);
        CheckpointManifest m = Checkpoints.readManifest(dir);
        if (density.dimension() != m.model().zdim()) {
            throw new IllegalArgumentException("The density has " + density.dimension() + " dimensions, the model "
                    + m.model().zdim());
        }
        byte[] json = Json.COMPACT.toJson(toStored(density)).getBytes(StandardCharsets.UTF_8);
        Map<String, String> files = new LinkedHashMap<>(m.files());
        files.put(FILE, CheckpointFiles.sha256(json));
        Checkpoints.replaceFiles(dir, m.withFiles(files), Map.of(FILE, out -> out.write(json)));
    }

    /** The checkpoint's density, or null when it has none. */
    public static GaussianMixture read(Path checkpoint) throws CheckpointException {
        Path dir = Checkpoints.resolve(checkpoint);
        return read(dir, Checkpoints.readManifest(dir));
    }

    /** As {@link #read(Path)} for a resolved checkpoint folder whose manifest the caller has read already. */
    public static GaussianMixture read(Path dir, CheckpointManifest m) throws CheckpointException {
        if (!m.files().containsKey(FILE)) {
            return null;
        }
        byte[] bytes = CheckpointLoader.verifiedBytes(dir, m, FILE);
        try {
            Stored s = Json.GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), Stored.class);
            return fromStored(s, m.model().zdim());
        } catch (JsonParseException | IllegalArgumentException | NullPointerException
                | ArrayIndexOutOfBoundsException e) {
            throw new CheckpointException(dir, FILE + " is not a valid latent density (" + e.getMessage() + ")");
        }
    }

    static Stored toStored(GaussianMixture g) {
        int k = g.components();
        int d = g.dimension();
        double[][] means = new double[k][];
        double[][] lower = new double[k][d * (d + 1) / 2];
        for (int c = 0; c < k; c++) {
            means[c] = g.mean(c);
            double[][] l = g.cholesky(c);
            int p = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    lower[c][p++] = l[i][j];
                }
            }
        }
        return new Stored(FORMAT, 1, d, g.weights(), means, lower, g.temperature());
    }

    static GaussianMixture fromStored(Stored s, int zdim) {
        if (s == null || !FORMAT.equals(s.format()) || s.version() != 1) {
            throw new IllegalArgumentException("unknown format");
        }
        int d = s.dimension();
        int k = s.weights().length;
        if (d != zdim) {
            throw new IllegalArgumentException(d + " dimensions, but the model's latent size is " + zdim);
        }
        if (k == 0 || s.means().length != k || s.choleskyLower().length != k) {
            throw new IllegalArgumentException("component counts disagree");
        }
        double[][][] chol = new double[k][d][d];
        for (int c = 0; c < k; c++) {
            requireFinite(s.means()[c], d, "mean");
            requireFinite(s.choleskyLower()[c], d * (d + 1) / 2, "covariance");
            int p = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    chol[c][i][j] = s.choleskyLower()[c][p++];
                }
                if (!(chol[c][i][i] > 0)) {
                    throw new IllegalArgumentException("a covariance is not positive definite");
                }
            }
            if (!(s.weights()[c] > 0) || !Double.isFinite(s.weights()[c])) {
                throw new IllegalArgumentException("a component weight is not positive");
            }
        }
        GaussianMixture g = new GaussianMixture(s.weights(), s.means(), chol);
        return s.temperature() == null ? g : g.withTemperature(s.temperature());
    }

    private static void requireFinite(double[] v, int length, String what) {
        if (v == null || v.length != length) {
            throw new IllegalArgumentException("a " + what + " has the wrong length");
        }
        for (double x : v) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("a " + what + " is not finite");
            }
        }
    }
}
