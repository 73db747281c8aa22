package org.latentlab.engine;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.latentlab.data.Preparation;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.latent.Refiner;
import org.latentlab.latent.Walk;
import org.latentlab.train.SampleGrids;

/**
 * What the window asks of a model: every method returns at once with a future of plain Java
 * values, completed on the engine's own threads. {@link TorchEngine} runs the models with
 * libtorch; view-model tests use a fake.
 */
public interface LatentEngine extends AutoCloseable {
    /**
     * Tells {@code listener} of every change of the model served (loaded, or refreshed by
     * training), on the engine's thread, in order. Every tab subscribes; nothing else tells them.
     */
    void subscribe(Consumer<ModelChange> listener);

    CompletableFuture<ModelInfo> loadModel(Path checkpoint);

    CompletableFuture<ModelInfo> loadBundledModel();

    /**
     * A random latent vector: from the model's fitted density at {@code temperature} (0 < t <= 1),
     * where G was taught by real images, or from the uniform prior for a model without one.
     */
    default CompletableFuture<float[]> randomLatent(double temperature) {
        return randomLatent(temperature, false);
    }

    /** A random latent vector from the prior U(-1, 1) when {@code prior}, else as {@link #randomLatent(double)}. */
    CompletableFuture<float[]> randomLatent(double temperature, boolean prior);

    /** G(z): pixels of one image (CHW floats). */
    CompletableFuture<float[]> generate(float[] z);

    /**
     * E(x) of a picture made into a model input by {@code preparation} (see
     * {@link org.latentlab.data.DataDescription#defaultPreparation()} for the model's own), with
     * light and dark swapped when {@code invert}.
     */
    CompletableFuture<Encoding> encodeImage(BufferedImage image, Preparation preparation, boolean invert);

    /** Encodes a test-set image by index. */
    CompletableFuture<Encoding> encodeTestImage(int index);

    /** Refines z from E(x); {@code onStep} gets each finished step and may return false to stop. */
    CompletableFuture<Refiner.Result> refine(float[] x, float[] z, int steps, Refiner.StepListener onStep);

    /** {@code frames} images from G along the line (or great circle) from {@code za} to {@code zb}. */
    default CompletableFuture<float[]> interpolate(float[] za, float[] zb, int frames, boolean spherical) {
        return walk(List.of(za, zb), Walk.Settings.between(frames, spherical));
    }

    /** The images of G along a walk through {@code keyframes} ({@link Walk#frames} of them, stacked). */
    CompletableFuture<float[]> walk(List<float[]> keyframes, Walk.Settings settings);

    /** Directions in latent space: principal components of E(x), and class directions where there are labels. */
    CompletableFuture<List<Direction>> directions();

    /** E(x) of test images on their first two principal components, with their labels and codes. */
    CompletableFuture<LatentMap> latentMap();

    /**
     * The same map with its points placed by {@code method} (UMAP and t-SNE take seconds to a
     * minute, computed in the background and kept); {@code progress} hears the fraction done, on a
     * background thread. A newer request cancels one still computing.
     */
    CompletableFuture<LatentMap> latentMap(MapMethod method, DoubleConsumer progress);

    /** The checkpoints of the loaded model's run, oldest first (its own among them); none for an imported model. */
    CompletableFuture<List<RunCheckpoint>> runCheckpoints();

    /** G(z) of another checkpoint of the same latent size (kept loaded until {@link #releaseOthers}). */
    CompletableFuture<float[]> generateWith(Path checkpoint, float[] z);

    /** Frees the other checkpoints {@link #generateWith} loaded (the comparison closed). */
    default void releaseOthers() {}

    /**
     * The training tab's grids of the model opened from disk, at its step: from its run's fixed
     * noise, its fitted density, and its run's fixed training images beside their reconstructions
     * (none when its data are not here). Fails for a model being trained (its run draws them) or an imported generator.
     */
    CompletableFuture<SampleGrids> openedGrids();

    /** The pixels of a test image. */
    CompletableFuture<float[]> testImage(int index);

    /** Every metric of the current model; {@code progress} hears of each stage and may cancel between them. */
    CompletableFuture<Map<String, Object>> evaluate(EvaluationProgress progress);

    /** The versions of the app and of what runs it (Help → About). */
    default Map<String, String> versions() {
        return Versions.describe();
    }

    /** Training runs in the window. */
    TrainingService training();

    @Override
    void close();
}
