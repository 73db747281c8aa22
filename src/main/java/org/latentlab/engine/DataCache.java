package org.latentlab.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.latentlab.data.DataDescription;
import org.latentlab.data.DataFormatException;
import org.latentlab.data.DataSources;
import org.latentlab.data.EvaluationData;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.MnistDataset;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.eval.ModelEvaluator;
import org.latentlab.latent.LatentDirections;
import org.latentlab.model.ModelConfig;

/**
 * The data behind the explorer, and what is derived from encoding it: directions and the 2-D map.
 * The {@link Analysis} is computed once per model version on any thread ({@link #analyse}) and
 * kept and read on the engine's model thread only (the engine drops it when weights change); the
 * data sets load on whichever thread asks first (synchronized).
 */
final class DataCache {
    /** What the explorer derives from the test sample's codes, all from one model version. */
    record Analysis(List<Direction> directions, LatentMap map) {}

    /**
     * Images encoded for directions and the map: all of MNIST's test set, enough for stable
     * statistics (BENCHMARKS has the map's frame times with them).
     */
    static final int ENCODED = 10_000;
    /**
     * Images projected instead, for a generator without an encoder: each takes its own gradient
     * steps (0.14 s an image at 100 steps, in batches, for a Fashion-MNIST MLP generator here:
     * `dev projection`, BENCHMARKS.md), so the map has fewer points.
     */
    static final int PROJECTED = 300;
    static final int PRINCIPAL_COMPONENTS = 8;
    /** Images per encoding chunk: about 10 ms on one core, so a drag waits at most that long. */
    static final int CHUNK = 250;

    private final String spec;
    private final ModelConfig config;
    /** The class names the model's manifest records (empty when it records none). */
    private final List<String> recordedNames;
    private ImageDataset train;
    private ImageDataset test;
    private Analysis analysis;
    /** The raw pixels' figures on these data ({@link ModelEvaluator#pixelFigures}), once measured (any thread). */
    private volatile Map<String, Double> pixelFigures;

    private DataCache(String spec, ModelConfig config, List<String> recordedNames) {
        this.spec = spec;
        this.config = config;
        this.recordedNames = recordedNames;
    }

    static DataCache load(String spec, ModelConfig config, List<String> recordedNames) {
        return new DataCache(spec, config, recordedNames);
    }

    /** The data of the model {@code info} describes (null: the bundled MNIST), or why there are none, in words. */
    static DataCache forModel(ModelInfo info, ModelConfig config) throws IOException {
        String spec = info != null && info.dataset() != null ? info.dataset() : DataSources.BUNDLED_MNIST;
        if (info != null && !info.data().hasSource()) {
            throw new DataFormatException("This imported generator came without a data set: the map, the directions"
                    + " and test images need one; the sliders, Randomize and your own pictures work.");
        }
        try {
            DataSources.resolve(spec);
        } catch (DataFormatException e) {
            throw new DataFormatException("This model's data (" + spec + ") is not there any more: the map,"
                    + " the directions and test images need it; the sliders, Randomize and your own pictures"
                    + " still work.");
        }
        return load(spec, config, info != null ? info.classNames() : List.of());
    }

    /** The class names of {@code t}, or the model's recorded ones where {@code t} only numbers its classes. */
    private String[] classNames(ImageDataset t) {
        return DataDescription.namesOf(t.classNames(), recordedNames);
    }

    String spec() {
        return spec;
    }

    synchronized ImageDataset train() throws IOException {
        if (train == null) {
            train = DataSources.load(spec, MnistDataset.Split.TRAIN, config.imageSize(), config.channels());
        }
        return train;
    }

    /** The test split, or the training images when the data has none (an image folder). */
    synchronized ImageDataset test() throws IOException {
        if (test == null) {
            boolean idx = MnistDataset.isIdxFolder(DataSources.resolve(spec));
            test = idx ? DataSources.load(spec, MnistDataset.Split.TEST, config.imageSize(),
                    config.channels()) : train();
        }
        return test;
    }

    /** The training and test images for evaluation (an image folder: every tenth image held out). */
    EvaluationData evaluationData() throws IOException {
        ImageDataset t = train();
        return EvaluationData.of(t, test() != t ? test() : null);
    }

    /**
     * The raw pixels' 1-NN and linear probe on these data: properties of the data, not of the
     * model, so they are measured once (about 35 s for MNIST on two cores) and kept for every later
     * evaluation. A cancelled measurement keeps nothing.
     */
    Map<String, Double> pixelFigures(EvaluationData split, EvaluationProgress progress) {
        Map<String, Double> known = pixelFigures;
        if (known == null) {
            known = ModelEvaluator.pixelFigures(split.train(), split.test(), progress);
            pixelFigures = known;
        }
        return known;
    }

    void invalidateEncodings() {
        analysis = null;
    }

    /** This model version's analysis, if it is known. */
    Analysis analysis() {
        return analysis;
    }

    void setAnalysis(Analysis a) {
        analysis = a;
    }

    /** Encodes the test sample with {@code model} (any thread's copy) and derives directions and the map. */
    Analysis analyse(LatentModel model, QuietGate gate) throws IOException, InterruptedException {
        float[] codes = encodeSample(model, gate);
        return new Analysis(directions(codes), map(codes));
    }

    /**
     * E(x) of the first {@link #ENCODED} test images, with {@code model} (any thread's copy), in
     * chunks of {@link #CHUNK} images; {@code gate} is awaited before loading and before each chunk.
     */
    float[] encodeSample(LatentModel model, QuietGate gate) throws IOException, InterruptedException {
        gate.awaitQuiet(); // loading the test set is work too
        ImageDataset t = test();
        int n = Math.min(!model.hasEncoder() ? PROJECTED : ENCODED, t.count());
        int d = config.zdim();
        String key = spec + "|" + t.name() + "|" + t.count() + "|" + n; // which images, for projected codes
        float[] cached = !model.hasEncoder() ? model.cachedCodes(key) : null;
        if (cached != null && cached.length == n * d) {
            return cached;
        }
        float[] codes = new float[n * d];
        for (int start = 0; start < n; start += CHUNK) {
            gate.awaitQuiet();
            int count = Math.min(CHUNK, n - start);
            float[] x = new float[count * t.imageSize()];
            for (int i = 0; i < count; i++) {
                t.copyImage(start + i, x, i * t.imageSize());
            }
            System.arraycopy(model.encode(x, count), 0, codes, start * d, count * d);
        }
        if (!model.hasEncoder()) {
            model.cacheCodes(key, codes); // projection took seconds an image: the next opening reads them
        }
        return codes;
    }

    /**
     * The explorer's directions from the codes {@code c}: principal components and, with labels,
     * class directions.
     */
    private List<Direction> directions(float[] c) throws IOException {
        int d = config.zdim();
        int n = c.length / d;
        List<Direction> all = new ArrayList<>();
        for (var pc : LatentDirections.principalComponents(c, n, d, PRINCIPAL_COMPONENTS)) {
            all.add(new Direction(pc.name(), "principal component", pc.vector()));
        }
        ImageDataset t = test();
        if (t.hasLabels()) {
            int[] labels = Arrays.copyOf(t.labels(), n);
            for (var cd : LatentDirections.classDirections(c, labels, d, classNames(t))) {
                all.add(new Direction(cd.name(), "class", cd.vector()));
            }
        }
        return List.copyOf(all);
    }

    /** The 2-D map from the codes {@code c}: the test sample on its first two principal components. */
    private LatentMap map(float[] c) throws IOException {
        int d = config.zdim();
        int n = c.length / d;
        var pcs = LatentDirections.principalComponents(c, n, d, 2);
        float[] xy = LatentDirections.project2d(c, n, d, LatentDirections.mean(c, n, d), pcs.get(0).vector(),
                pcs.get(1).vector());
        ImageDataset t = test();
        int[] labels = new int[n];
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = t.label(i);
            indices[i] = i;
        }
        String subject = t == train() ? "images" : "test set"; // an image folder has no test split
        return new LatentMap(xy, labels, indices, classNames(t), c, MapMethod.PCA, subject);
    }
}
