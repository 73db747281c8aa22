package org.latentlab.engine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.latentlab.AppPaths;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.Pixels;
import org.latentlab.data.Preparation;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.latent.Refiner;
import org.latentlab.latent.Walk;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.SampleGrids;
import org.latentlab.train.TrainConfig;
import org.latentlab.train.TrainingSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way the UI reaches the models. Inference runs on one model thread that owns the
 * loaded {@link LatentModel}; training runs on its own thread ({@link TrainingRunner}). Every
 * method returns at once with a future of plain Java values.
 */
public final class TorchEngine implements LatentEngine {
    private static final Logger LOG = LoggerFactory.getLogger(TorchEngine.class);
    private final QuietGate quietGate = new QuietGate();
    private LatentModel model;            // model thread only
    private ModelInfo info;               // model thread only
    private DataCache data;               // model thread only
    private final SplittableRandom randomSeeds = new SplittableRandom(); // model thread only
    private CompletableFuture<DataCache.Analysis> analysisInFlight;       // model thread only
    private long weightsVersion;                                          // model thread only
    private final ModelChanges changes = new ModelChanges();
    // single daemon threads prepared for libtorch (grad mode off, one intra-op thread)
    private final ExecutorService modelThread = Executors.newSingleThreadExecutor(
            TorchThreads.factory("latentlab-model", 1));
    private final ExecutorService evaluationThread = Executors.newSingleThreadExecutor(
            TorchThreads.factory("latentlab-evaluation", 1));
    private final ExecutorService analysisThread = Executors.newSingleThreadExecutor(
            TorchThreads.factory("latentlab-analysis", 1));
    private final TrainingRunner training = new TrainingRunner(this);
    private final MapLayouts layouts = new MapLayouts(AppPaths.cacheDir().resolve("maps"));
    private final OtherCheckpoints others = new OtherCheckpoints(); // model thread only

    private <T> CompletableFuture<T> onModelThread(Callable<T> work) {
        try {
            return CompletableFuture.supplyAsync(() -> Futures.unchecked(work), modelThread);
        } catch (RejectedExecutionException e) { // closed: a run's last snapshot may come after the window
            return CompletableFuture.failedFuture(e);
        }
    }

    private LatentModel requireModel() {
        if (model == null) {
            throw new IllegalStateException("No model is loaded. Load a checkpoint or start training first.");
        }
        return model;
    }

    @Override
    public CompletableFuture<ModelInfo> loadModel(Path checkpoint) {
        return onModelThread(() -> {
            LatentModel loaded = LatentModels.open(checkpoint);
            if (model != null) {
                model.close();
            }
            model = loaded;
            newWeights();
            info = LatentModels.infoOf(loaded, checkpoint);
            data = null;
            LOG.info("Loaded {}", info.describe());
            changes.publish(info, true);
            return info;
        });
    }

    @Override
    public void subscribe(Consumer<ModelChange> listener) { changes.subscribe(listener); }

    /** Model thread: encodings made with the previous weights are no longer cached. */
    private void newWeights() {
        weightsVersion++;
        analysisInFlight = null;
    }

    @Override
    public CompletableFuture<ModelInfo> loadBundledModel() { return loadModel(AppPaths.bundledModel()); }

    /** Takes a training snapshot's weights into the inference copies of G and E. */
    CompletableFuture<ModelInfo> applySnapshot(TrainingSnapshot s, TrainConfig recipe, DataDescription dataset) {
        return onModelThread(() -> {
            if (model == null) {
                model = InferenceModel.untrained(s.config());
            }
            boolean sameShape = model.config().equals(s.config());
            model.updateWeights(s.config(), s.generatorWeights(), s.encoderWeights());
            newWeights();
            info = new ModelInfo(s.config(), recipe, s.step(), dataset, null, Map.of(), false);
            if (!sameShape || data != null && !dataset.source().equals(data.spec())) {
                data = null;
            } else if (data != null) {
                data.invalidateEncodings(); // new weights: directions and map are recomputed on request
            }
            changes.publish(info, false);
            return info;
        });
    }

    /** Takes a density fitted after training for the model of that step (ignored if the model moved on). */
    CompletableFuture<ModelInfo> applyDensity(GaussianMixture density, long step) {
        return onModelThread(() -> {
            if (model != null && info != null && info.step() == step && info.source() == null) {
                model.setDensity(density);
                info = info.withFittedDensity(density.temperature());
                changes.publish(info, false);
            }
            return info;
        });
    }

    @Override
    public CompletableFuture<float[]> randomLatent(double temperature, boolean prior) {
        return onModelThread(() -> requireModel().drawLatents(1, randomSeeds.nextLong(), prior, temperature));
    }

    @Override
    public CompletableFuture<float[]> generate(float[] z) {
        quietGate.interacted(); // the explorer's renders: the analysis waits while they come
        return onModelThread(() -> requireModel().generate(z));
    }

    @Override
    public CompletableFuture<Encoding> encodeImage(BufferedImage image, Preparation preparation, boolean invert) {
        return onModelThread(() -> {
            ModelConfig c = requireModel().config();
            return encodeNow(preparation.apply(image, c.imageSize(), c.channels(), invert));
        });
    }

    @Override
    public CompletableFuture<Encoding> encodeTestImage(int index) {
        return onModelThread(() -> {
            ImageDataset test = dataCache().test();
            return encodeNow(test.image(Math.floorMod(index, test.count())));
        });
    }

    private Encoding encodeNow(float[] x) {
        LatentModel m = requireModel();
        float[] z = m.encode(x);
        float[] recon = m.generate(z);
        return new Encoding(x, z, recon, Pixels.meanSquaredError(x, recon));
    }

    @Override
    public CompletableFuture<Refiner.Result> refine(float[] x, float[] z, int steps, Refiner.StepListener onStep) {
        return onModelThread(() -> requireModel().refine(x, z, steps, onStep));
    }

    @Override
    public CompletableFuture<float[]> walk(List<float[]> keyframes, Walk.Settings settings) {
        return onModelThread(() -> requireModel().walk(keyframes, settings));
    }

    @Override
    public CompletableFuture<List<Direction>> directions() {
        return analysis().thenApply(DataCache.Analysis::directions);
    }

    @Override
    public CompletableFuture<LatentMap> latentMap() {
        return analysis().thenApply(DataCache.Analysis::map);
    }

    @Override
    public CompletableFuture<LatentMap> latentMap(MapMethod method, DoubleConsumer progress) {
        return latentMap().thenCompose(m -> layouts.layout(m, method, progress));
    }

    /**
     * E(x) of the test sample, and directions and the map from it. Encoding 5,000 images and loading
     * the data take about a second, so they run on the analysis thread with a copy of the model: the
     * model thread stays free for the explorer's renders (measured: the first slider moves after
     * start-up waited up to 785 ms behind this work). Concurrent requests share one analysis.
     */
    private CompletableFuture<DataCache.Analysis> analysis() {
        return onModelThread(() -> {
            DataCache d = dataCache();
            if (d.analysis() != null) {
                return CompletableFuture.completedFuture(d.analysis());
            }
            if (analysisInFlight == null) {
                analysisInFlight = analyseOnAnalysisThread(d);
            }
            return analysisInFlight;
        }).thenCompose(f -> f);
    }

    /** Model thread: starts the analysis; its result is kept unless new weights came meanwhile. */
    private CompletableFuture<DataCache.Analysis> analyseOnAnalysisThread(DataCache d) throws IOException {
        LatentModel copy = requireModel().copy();
        long version = weightsVersion;
        CompletableFuture<DataCache.Analysis> analysing = CompletableFuture.supplyAsync(() -> {
            try (copy) {
                return Futures.unchecked(() -> d.analyse(copy, quietGate));
            }
        }, analysisThread);
        return analysing.whenCompleteAsync((a, failure) -> {
            if (version == weightsVersion) {
                analysisInFlight = null;
                if (a != null && data == d) {
                    d.setAnalysis(a);
                }
            }
        }, modelThread);
    }

    @Override
    public CompletableFuture<SampleGrids> openedGrids() {
        return onModelThread(() -> ModelGrids.of(requireModel(), info, () -> dataCache().train()));
    }

    @Override
    public CompletableFuture<float[]> testImage(int index) {
        return onModelThread(() -> dataCache().test().image(index));
    }

    /**
     * Every metric of the current model. The model thread only takes a copy of G and E; the
     * evaluation (tens of seconds) runs on its own thread, so the explorer keeps rendering.
     */
    @Override
    public CompletableFuture<Map<String, Object>> evaluate(EvaluationProgress progress) {
        return onModelThread(() -> {
            DataCache d = dataCache();
            if (!d.test().hasLabels()) {
                throw new DataFormatException("Evaluation needs labels: an IDX folder with labels, or an image folder"
                        + " with one subfolder per class.");
            }
            // The data sets load lazily: load them here, on the thread that owns the cache.
            return new Evaluation(requireModel().copy(), d.evaluationData(), info, d);
        }).thenApplyAsync(in -> Futures.unchecked(() -> in.run(progress)), evaluationThread);
    }

    private DataCache dataCache() throws IOException {
        if (data == null) {
            data = DataCache.forModel(info, requireModel().config());
        }
        return data;
    }

    @Override
    public CompletableFuture<List<RunCheckpoint>> runCheckpoints() {
        return onModelThread(() -> info == null || info.source() == null ? List.<RunCheckpoint>of()
                : OtherCheckpoints.of(info.source()));
    }

    @Override
    public CompletableFuture<float[]> generateWith(Path checkpoint, float[] z) {
        return onModelThread(() -> others.generate(checkpoint, z, requireModel().config().zdim()));
    }

    @Override
    public void releaseOthers() { onModelThread(Executors.callable(others::close)); }

    @Override
    public TrainingRunner training() { return training; }

    @Override
    public void close() {
        training.stop();
        training.close();
        modelThread.submit(() -> {
            others.close();
            if (model != null) {
                model.close();
                model = null;
            }
        });
        modelThread.shutdown();
        evaluationThread.shutdown();
        analysisThread.shutdown();
        layouts.close();
    }
}
