package org.latentlab.engine;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.latentlab.checkpoint.CheckpointException;
import org.latentlab.checkpoint.CheckpointLoader;
import org.latentlab.checkpoint.CheckpointManifest;
import org.latentlab.checkpoint.Checkpoints;
import org.latentlab.checkpoint.LatentDensityFile;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.Preparation;
import org.latentlab.data.ImageDataset;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.eval.ModelEvaluator;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.latent.Refiner;
import org.latentlab.model.BiGan;
import org.latentlab.model.ModelConfig;

/**
 * A loaded BiGAN for inference, speaking plain Java values: float[] latent vectors and CHW float
 * images in [0, 1]. Not thread-safe: exactly one thread uses it (the engine's model thread, or the
 * CLI's main thread), and that thread called {@link TorchThreads#prepare} first.
 */
public final class InferenceModel implements LatentModel {
    private final NDManager manager;
    private final CheckpointManifest manifest;
    private BiGan model;
    private GaussianMixture density; // fitted to this model's E(x); null: draw from the uniform prior

    private InferenceModel(NDManager manager, CheckpointManifest manifest, BiGan model, GaussianMixture density) {
        this.manager = manager;
        this.manifest = manifest;
        this.model = model;
        this.density = density;
    }

    public static InferenceModel load(Path checkpoint) throws CheckpointException {
        NDManager manager = NDManager.newBaseManager();
        try {
            Path dir = Checkpoints.resolve(checkpoint);
            CheckpointManifest m = Checkpoints.readManifest(dir);
            return new InferenceModel(manager, m, CheckpointLoader.loadModel(dir, manager), LatentDensityFile.read(dir,
                    m));
        } catch (CheckpointException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A model with fresh weights, to receive a training snapshot when no checkpoint was loaded. */
    public static InferenceModel untrained(ModelConfig config) {
        NDManager manager = NDManager.newBaseManager();
        return new InferenceModel(manager, null, new BiGan(config, manager), null);
    }

    @Override
    public ModelConfig config() {
        return model.config();
    }

    @Override
    public DataDescription data() {
        return manifest == null ? null : manifest.dataDescription();
    }

    /** The loaded checkpoint's manifest, or null for a model that only ever received snapshots. */
    public CheckpointManifest manifest() {
        return manifest;
    }

    /** Replaces G's and E's weights with a trainer's snapshot; the old ones are freed. */
    @Override
    public void updateWeights(ModelConfig config, byte[] generatorWeights, byte[] encoderWeights) throws IOException {
        BiGan fresh = new BiGan(config, manager);
        try {
            fresh.generator().loadParameters(fresh.manager(),
                    new DataInputStream(new ByteArrayInputStream(generatorWeights)));
            fresh.encoder().loadParameters(fresh.manager(),
                    new DataInputStream(new ByteArrayInputStream(encoderWeights)));
            fresh.refreshStore();
        } catch (IOException | MalformedModelException | RuntimeException e) {
            fresh.close();
            throw new IOException("Could not load the training snapshot: " + e.getMessage(), e);
        }
        model.close();
        model = fresh;
        density = null; // fitted to the old encoder
    }

    /** The latent density fitted to this model's codes, or null when samples come from the uniform prior. */
    @Override
    public GaussianMixture density() {
        return density;
    }

    /** Takes a density fitted to the current weights (after training, for example). */
    @Override
    public void setDensity(GaussianMixture fitted) {
        if (fitted != null && fitted.dimension() != config().zdim()) {
            throw new IllegalArgumentException("The density has " + fitted.dimension() + " dimensions, the model "
                    + config().zdim());
        }
        density = fitted;
    }

    /**
     * An independent copy of G and E (own manager), for work on another thread such as an
     * evaluation that must not hold up this model's thread.
     */
    @Override
    public InferenceModel copy() throws IOException {
        InferenceModel c = untrained(model.config());
        try {
            c.updateWeights(model.config(), BiGan.weightsOf(model.generator()),
                    BiGan.weightsOf(model.encoder()));
            c.density = density;
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** G(z) for n latent vectors; n * pixels floats. */
    @Override
    public float[] generate(float[] z, int n) {
        return model.generate(z, n);
    }


    /** E(x) for n images; n * zdim floats. */
    @Override
    public float[] encode(float[] x, int n) {
        return model.encode(x, n);
    }


    /**
     * Any picture to the model's input, made the way {@code preparation} says (null: the way the
     * model's own data were made, from its manifest).
     */
    @Override
    public float[] preprocess(BufferedImage image, Preparation preparation, boolean invert)
            throws DataFormatException {
        Preparation p = preparation != null ? preparation : manifest().dataDescription().defaultPreparation();
        return p.apply(image, config().imageSize(), config().channels(), invert);
    }

    @Override
    public Refiner.Result refine(float[] x, float[] z0, int steps, Refiner.StepListener onStep) {
        return Refiner.refine(model, x, z0, steps, onStep);
    }

    /**
     * Every metric of {@link ModelEvaluator}; the classifier-based ones only if a classifier is
     * found. Samples from the fitted density are drawn at {@code temperature}, which the figures
     * list as {@code density_temperature}.
     */
    @Override
    public Map<String, Object> evaluate(ImageDataset train, ImageDataset test,
            Path classifierDir, long seed, double temperature, EvaluationProgress progress) throws IOException {
        return Evaluation.measure(this, density, train, test, classifierDir, seed, temperature,
                progress, manager);
    }

    @Override
    public void close() {
        manager.close();
    }
}
