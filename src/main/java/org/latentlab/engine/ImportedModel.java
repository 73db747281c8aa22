package org.latentlab.engine;

import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.Preparation;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.interop.ImportException;
import org.latentlab.interop.ImportManifest;
import org.latentlab.interop.TorchScriptImport;
import org.latentlab.interop.TorchScriptNets;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.latent.LatentPrior;
import org.latentlab.latent.Refiner;
import org.latentlab.model.ModelConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A generator trained elsewhere, imported as TorchScript ({@code latentlab import}). With an
 * encoder, E(x) encodes; without one, encoding is projection: the best of {@link #DRAWS} prior
 * draws, then gradient steps on z through G (the encoder panel's refinement). One thread uses it.
 */
public final class ImportedModel implements LatentModel {
    private static final Logger LOG = LoggerFactory.getLogger(ImportedModel.class);
    /** Prior draws a projection starts from (the best one by pixel error). */
    static final int DRAWS = 64;
    /** Images projected together: their steps cost about what one image's cost. */
    static final int BATCH = 64;
    /** Gradient steps of a projection by default. */
    public static final int PROJECTION_STEPS = 100;

    private final Path dir;
    private final ImportManifest manifest;
    private final TorchScriptNets nets;
    private final ModelConfig config;
    private final int projectionSteps;
    private GaussianMixture density;
    private float[] draws;
    private float[] drawImages;

    private ImportedModel(Path dir, ImportManifest manifest, TorchScriptNets nets, int projectionSteps) {
        this.dir = dir;
        this.manifest = manifest;
        this.nets = nets;
        this.config = ModelConfig.imported(manifest.zdim(), manifest.channels(), manifest.imageSize());
        this.projectionSteps = projectionSteps;
    }

    /** Opens an imported model's folder (already resolved), checking its files' hashes. */
    public static ImportedModel load(Path dir, int projectionSteps) throws ImportException, IOException {
        ImportManifest m = TorchScriptImport.read(dir);
        float[] range = m.outputRange();
        TorchScriptNets nets = TorchScriptNets.load(dir.resolve(ImportManifest.GENERATOR),
                m.hasEncoder() ? dir.resolve(ImportManifest.ENCODER) : null, range[0], range[1]);
        return new ImportedModel(dir, m, nets, projectionSteps);
    }

    public ImportManifest manifest() {
        return manifest;
    }

    @Override
    public DataDescription data() {
        return manifest.dataOrNone();
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public LatentPrior prior() {
        return manifest.latentPrior();
    }

    private Shape image() {
        return new Shape(config.channels(), config.imageSize(), config.imageSize());
    }

    @Override
    public float[] generate(float[] z, int n) {
        return nets.generate(z, n, config.zdim(), image());
    }

    @Override
    public boolean hasEncoder() {
        return nets.hasEncoder();
    }

    @Override
    public float[] encode(float[] x, int n) {
        if (nets.hasEncoder()) {
            return nets.encode(x, n, config.zdim(), image());
        }
        int d = config.zdim();
        int pixels = config.pixels();
        float[] out = new float[n * d];
        Shape s = image();
        for (int start = 0; start < n; start += BATCH) {
            int len = Math.min(BATCH, n - start);
            float[] images = Arrays.copyOfRange(x, start * pixels, (start + len) * pixels);
            float[] z0 = new float[len * d];
            for (int i = 0; i < len; i++) {
                System.arraycopy(bestDraw(Arrays.copyOfRange(images, i * pixels, (i + 1) * pixels)), 0, z0, i * d, d);
            }
            float[] z = Refiner.refineBatch(nets.manager(), zz -> nets.generate(zz, true), new Shape(len, s.get(0),
                    s.get(1), s.get(2)), prior().bound(), images, z0, projectionSteps);
            System.arraycopy(z, 0, out, start * d, len * d);
        }
        return out;
    }

    /** Projection of one image: the best of DRAWS prior draws, refined by {@code steps} gradient steps. */
    public Refiner.Result project(float[] x, int steps, Refiner.StepListener onStep) {
        return refine(x, bestDraw(x), steps, onStep);
    }

    /** Of DRAWS fixed prior draws, the one whose image is nearest x in pixels. */
    private float[] bestDraw(float[] x) {
        int d = config.zdim();
        int pixels = config.pixels();
        if (drawImages == null) { // the same draws for every image: their pictures are drawn once
            draws = prior().sample(7, 0, DRAWS, d);
            drawImages = generate(draws, DRAWS);
        }
        float[] images = drawImages;
        int best = 0;
        double bestError = Double.MAX_VALUE;
        for (int k = 0; k < DRAWS; k++) {
            double e = 0;
            for (int p = 0; p < pixels; p++) {
                double diff = images[k * pixels + p] - x[p];
                e += diff * diff;
            }
            if (e < bestError) {
                bestError = e;
                best = k;
            }
        }
        return Arrays.copyOfRange(draws, best * d, (best + 1) * d);
    }

    /**
     * Projected codes are kept in the model's folder, one file per set of images and step count
     * ({@code projected-<hash>.f32}); a folder that cannot be written (a read-only install) keeps none.
     */
    @Override
    public float[] cachedCodes(String key) {
        Path file = codesFile(key);
        try {
            byte[] bytes = Files.readAllBytes(file);
            float[] codes = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(codes);
            return codes;
        } catch (IOException e) {
            return null; // none yet
        }
    }

    @Override
    public void cacheCodes(String key, float[] codes) {
        ByteBuffer b = ByteBuffer.allocate(4 * codes.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(codes);
        Path file = codesFile(key);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, b.array());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.info("Projected codes not kept in {}: {}", dir, e.getMessage());
        }
    }

    private Path codesFile(String key) {
        String id = key + "|steps " + projectionSteps + "|" + manifest.files().get(ImportManifest.GENERATOR);
        return dir.resolve("projected-" + Integer.toHexString(id.hashCode()) + ".f32");
    }

    @Override
    public Refiner.Result refine(float[] x, float[] z0, int steps, Refiner.StepListener onStep) {
        Shape s = image();
        return Refiner.refine(nets.manager(), z -> nets.generate(z, true), new Shape(1, s.get(0), s.get(1), s.get(2)),
                prior().bound(), x, z0, steps, onStep);
    }

    @Override
    public GaussianMixture density() {
        return density;
    }

    @Override
    public void setDensity(GaussianMixture fitted) {
        density = fitted;
    }

    @Override
    public void updateWeights(ModelConfig c, byte[] generatorWeights, byte[] encoderWeights) throws IOException {
        throw new IOException("An imported generator is explored here, not trained");
    }

    @Override
    public LatentModel copy() throws IOException {
        try {
            ImportedModel c = load(dir, projectionSteps);
            c.density = density;
            return c;
        } catch (ImportException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> evaluate(ImageDataset train, ImageDataset test, Path classifier, long seed,
            double temperature, EvaluationProgress progress) throws IOException {
        return Evaluation.measure(this, density, train, test, classifier, seed, temperature, progress,
                nets.manager());
    }

    @Override
    public float[] preprocess(BufferedImage image, Preparation preparation, boolean invert)
            throws DataFormatException {
        Preparation p = preparation != null ? preparation : Preparation.CROP;
        return p.apply(image, config.imageSize(), config.channels(), invert);
    }

    @Override
    public void close() {
        nets.close();
    }
}
