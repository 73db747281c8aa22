package org.latentlab.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.Preparation;
import org.latentlab.engine.Direction;
import org.latentlab.engine.Encoding;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.LatentMap;
import org.latentlab.engine.MapMethod;
import org.latentlab.engine.ModelChange;
import org.latentlab.engine.ModelInfo;
import org.latentlab.engine.RunCheckpoint;
import org.latentlab.engine.TrainingEvents;
import org.latentlab.engine.TrainingRequest;
import org.latentlab.engine.TrainingService;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.latent.LatentPrior;
import org.latentlab.latent.Refiner;
import org.latentlab.latent.Walk;
import org.latentlab.model.Architecture;
import org.latentlab.model.ModelConfig;
import org.latentlab.train.SampleGrids;
import org.latentlab.train.TrainConfig;

/**
 * A model without libtorch for view-model tests: G paints each pixel from one latent value, E
 * reads the values back, so images differ exactly when z does. Every answer is a completed
 * future, the way the real engine's arrive, only at once.
 */
public final class FakeEngine implements LatentEngine {
    public static final int ZDIM = 8;
    public static final int SIZE = 28;
    /** The preparation of each picture encoded, with " inverted" when it was. */
    public final List<String> preparations = new ArrayList<>();
    /** The data set the fake model was trained on (MNIST unless a test says otherwise). */
    public DataDescription data = DataDescription.implied("mnist", 1, SIZE);
    private final Random random = new Random(7);
    private final boolean fittedDensity;
    /** The temperature of the last Randomize, to check the slider reaches the engine. */
    public double lastTemperature = Double.NaN;
    public final List<String> trainingCalls = new ArrayList<>();
    /** The events of the last run started, so a test can play the training thread. */
    public TrainingEvents events;

    public FakeEngine(boolean fittedDensity) {
        this.fittedDensity = fittedDensity;
    }

    private final List<Consumer<ModelChange>> subscribers = new ArrayList<>();
    private long revision;
    /** Whether the last random latent was asked of the prior. */
    public boolean lastFromPrior;
    public static final String NO_DATA = "This imported generator came without a data set";
    /** The prior of the model it loads; N(0, 1) stands for an imported generator. */
    public LatentPrior prior = LatentPrior.UNIFORM;
    /** Whether the model it loads has no data set (an imported generator): no directions, no map. */
    public boolean withoutData;
    /** Runs between the fake evaluation's two stages (a test cancels there). */
    public Runnable betweenEvaluationStages = () -> {};

    @Override
    public void subscribe(Consumer<ModelChange> listener) {
        subscribers.add(listener);
    }

    private CompletableFuture<ModelInfo> publish(ModelInfo info) {
        ModelChange change = new ModelChange(info, ++revision, true);
        subscribers.forEach(s -> s.accept(change));
        return CompletableFuture.completedFuture(info);
    }

    public ModelInfo info() {
        return info(Path.of("fake-model"));
    }

    private ModelInfo info(Path source) {
        var config = new ModelConfig(Architecture.MLP, ZDIM, data.channels(), data.size(), 64, true, 0.2f, false);
        return new ModelInfo(config, TrainConfig.defaults(1), 1000, data, source, Map.of(), fittedDensity, prior);
    }

    @Override
    public CompletableFuture<ModelInfo> loadModel(Path checkpoint) {
        if (!Files.isDirectory(checkpoint)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Checkpoint not found: " + checkpoint));
        }
        return publish(info(checkpoint));
    }

    @Override
    public CompletableFuture<ModelInfo> loadBundledModel() {
        return publish(info());
    }

    @Override
    public CompletableFuture<float[]> randomLatent(double temperature, boolean prior) {
        lastTemperature = temperature;
        lastFromPrior = prior;
        float[] z = new float[ZDIM];
        for (int i = 0; i < ZDIM; i++) {
            z[i] = (float) ((random.nextFloat() * 2 - 1) * temperature);
        }
        return CompletableFuture.completedFuture(z);
    }

    @Override
    public CompletableFuture<float[]> generate(float[] z) {
        return CompletableFuture.completedFuture(FakePictures.paint(z));
    }

    @Override
    public CompletableFuture<Encoding> encodeImage(BufferedImage image, Preparation preparation, boolean invert) {
        preparations.add(preparation.name() + (invert ? " inverted" : ""));
        float[] px = new float[SIZE * SIZE];
        for (int i = 0; i < px.length; i++) {
            int x = i % SIZE * image.getWidth() / SIZE;
            int y = i / SIZE * image.getHeight() / SIZE;
            px[i] = (image.getRGB(x, y) & 0xFF) / 255f;
        }
        return CompletableFuture.completedFuture(FakePictures.encode(px));
    }

    @Override
    public CompletableFuture<Encoding> encodeTestImage(int index) {
        return CompletableFuture.completedFuture(FakePictures.encode(FakePictures.testPixels(index)));
    }

    /** Halves the error each step, moving z toward E's reading of x. */
    @Override
    public CompletableFuture<Refiner.Result> refine(float[] x, float[] z, int steps, Refiner.StepListener onStep) {
        float[] errors = new float[steps + 1];
        float e = FakePictures.encode(x).error();
        for (int s = 0; s <= steps; s++) {
            errors[s] = e;
            if (s < steps && !onStep.onStep(s + 1, e)) {
                break;
            }
            e /= 2;
        }
        return CompletableFuture.completedFuture(new Refiner.Result(FakePictures.read(x), errors));
    }

    @Override
    public CompletableFuture<float[]> walk(List<float[]> keyframes, Walk.Settings settings) {
        int frames = Walk.frames(keyframes.size(), settings);
        float[] zs = Walk.path(keyframes, settings);
        float[] out = new float[frames * SIZE * SIZE];
        for (int f = 0; f < frames; f++) {
            float[] frame = FakePictures.paint(Arrays.copyOfRange(zs, f * ZDIM, (f + 1) * ZDIM));
            System.arraycopy(frame, 0, out, f * SIZE * SIZE, SIZE * SIZE);
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletableFuture<List<Direction>> directions() {
        if (withoutData) {
            return CompletableFuture.failedFuture(new DataFormatException(NO_DATA));
        }
        List<Direction> d = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            float[] v = new float[ZDIM];
            v[i] = 1;
            d.add(new Direction("PC" + (i + 1), "principal", v));
        }
        return CompletableFuture.completedFuture(d);
    }

    @Override
    public CompletableFuture<LatentMap> latentMap() {
        if (withoutData) {
            return CompletableFuture.failedFuture(new DataFormatException(NO_DATA));
        }
        return CompletableFuture.completedFuture(new LatentMap(new float[] {0, 0, 1, 1}, new int[] {0, 1},
                new int[] {0, 1}, new String[] {"0", "1"}, FakeMap.codes(ZDIM)));
    }

    /** When set, the layouts' futures come from here (a test completes them when it wants). */
    public Function<MapMethod, CompletableFuture<LatentMap>> layouts;

    @Override
    public CompletableFuture<LatentMap> latentMap(MapMethod method, DoubleConsumer progress) {
        return layouts != null && method != MapMethod.PCA ? layouts.apply(method)
                : latentMap().thenApply(m -> FakeMap.laidOut(m, method, progress));
    }

    /** Two checkpoints of the fake run: step 100's generator draws at half the brightness of step 200's. */
    @Override
    public CompletableFuture<List<RunCheckpoint>> runCheckpoints() {
        return CompletableFuture.completedFuture(List.of(new RunCheckpoint(100, Path.of("run/step-00000100")),
                new RunCheckpoint(200, Path.of("run/step-00000200"))));
    }

    /** How many times the comparison freed its generators. */
    public int othersReleased;

    @Override
    public void releaseOthers() {
        othersReleased++;
    }

    @Override
    public CompletableFuture<float[]> generateWith(Path checkpoint, float[] z) {
        float[] px = FakePictures.paint(z);
        for (int i = 0; checkpoint.toString().endsWith("100") && i < px.length; i++) {
            px[i] /= 2;
        }
        return CompletableFuture.completedFuture(px);
    }

    @Override
    public CompletableFuture<SampleGrids> openedGrids() {
        return CompletableFuture.completedFuture(FakePictures.grids(info(), fittedDensity, !withoutData));
    }

    @Override
    public CompletableFuture<float[]> testImage(int index) {
        return CompletableFuture.completedFuture(FakePictures.testPixels(index));
    }

    @Override
    public CompletableFuture<Map<String, Object>> evaluate(EvaluationProgress progress) {
        try {
            progress.stage("Encoding", 1, 2);
            betweenEvaluationStages.run();
            progress.stage("Samples", 2, 2);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture(Map.of("one_nn_accuracy", 0.9, "seconds", 0.1));
    }

    @Override
    public TrainingService training() {
        return new TrainingService() {
            @Override
            public void start(TrainingRequest request, TrainingEvents events) {
                trainingCalls.add("start");
                FakeEngine.this.events = events;
            }

            @Override
            public void pause() {
                trainingCalls.add("pause");
            }

            @Override
            public void resume() {
                trainingCalls.add("resume");
            }

            @Override
            public void stop() {
                trainingCalls.add("stop");
            }

            @Override
            public void stopForExit() {
                trainingCalls.add("stopForExit");
            }

            @Override
            public void redirectCheckpoints(Path dir) {
                trainingCalls.add("redirect " + dir);
            }

            @Override
            public void copyCheckpoint(Path source, Path target) {
                trainingCalls.add("copy " + source + " " + target);
            }

            @Override
            public CompletableFuture<Path> saveRunningModel(Path target) {
                trainingCalls.add("save " + target);
                return CompletableFuture.completedFuture(target);
            }
        };
    }

    @Override
    public void close() {
        // nothing to free
    }
}
