package org.latentlab.eval;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntConsumer;
import org.latentlab.data.DataDescription;
import org.latentlab.data.ImageDataset;
import org.latentlab.model.BiGan;
import org.latentlab.model.TorchGate;
import org.latentlab.train.AdamOptimizer;
import org.latentlab.train.Losses;

/**
 * A small CNN classifier of one labelled data set, used to judge samples and reconstructions of
 * models of that data set. Its 128-unit penultimate layer gives the features of the Frechet
 * distance. Made by {@code train-classifier}; stored with a {@link ClassifierManifest} naming its data.
 */
public final class ImageClassifier implements AutoCloseable {
    static final String WEIGHTS = "classifier.params";
    static final int FEATURES = 128;
    private final NDManager manager;
    private final DataDescription data;
    /** What it was saved with (null until saved or loaded). */
    private ClassifierManifest manifest;
    private final int classes;
    private final int imageSize;
    private final SequentialBlock features;
    private final SequentialBlock head;
    private ParameterStore store;

    /** A fresh classifier for images and classes of {@code data}. */
    public ImageClassifier(NDManager parent, DataDescription data) {
        if (!data.labelled()) {
            throw new IllegalArgumentException("a classifier needs labelled data");
        }
        manager = parent.newSubManager();
        this.data = data;
        classes = data.classNames().size();
        imageSize = data.channels() * data.size() * data.size();
        features = new SequentialBlock();                                               // (B, C, S, S)
        features.add(conv(32)).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2))); // (B, 32, 13, 13) at 28
        features.add(conv(64)).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2))); // (B, 64, 5, 5) at 28
        features.add(Blocks.batchFlattenBlock());                                       // (B, 1600) at 28, 2304 at 32
        features.add(Linear.builder().setUnits(FEATURES).build()).add(Activation::relu);  // (B, 128)
        head = new SequentialBlock();
        head.add(Dropout.builder().optRate(0.3f).build());
        head.add(Linear.builder().setUnits(classes).build());                           // (B, classes) logits
        features.initialize(manager, DataType.FLOAT32, new Shape(2, data.channels(), data.size(), data.size()));
        head.initialize(manager, DataType.FLOAT32, new Shape(2, FEATURES));
        store = new ParameterStore(manager, false);
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).build();
    }

    /** The data set this classifier knows. */
    public DataDescription data() {
        return data;
    }

    /** Its manifest (test accuracy, command), once saved or loaded; null before. */
    public ClassifierManifest manifest() {
        return manifest;
    }

    public int classes() {
        return classes;
    }

    /** Class probabilities (n * classes) and features (n * 128) of n images. */
    public record Output(float[] probabilities, float[] features, int classes) {}

    public Output run(float[] x, int n) {
        float[] probs = new float[n * classes];
        float[] feats = new float[n * FEATURES];
        int chunk = 500;
        for (int start = 0; start < n; start += chunk) {
            int len = Math.min(chunk, n - start);
            try (NDManager m = manager.newSubManager()) {
                NDArray xs = m.create(Arrays.copyOfRange(x, start * imageSize, (start + len) * imageSize),
                        new Shape(len, data.channels(), data.size(), data.size()));
                NDArray f = features.forward(store, new NDList(xs), false).singletonOrThrow();
                NDArray p = head.forward(store, new NDList(f), false).singletonOrThrow().softmax(1);
                System.arraycopy(p.toFloatArray(), 0, probs, start * classes, len * classes);
                System.arraycopy(f.toFloatArray(), 0, feats, start * FEATURES, len * FEATURES);
            }
        }
        return new Output(probs, feats, classes);
    }

    /** Trains with Adam for {@code epochs}; reports each finished epoch. */
    public void train(ImageDataset train, int epochs, long seed, IntConsumer onEpoch) {
        Engine.getInstance().setRandomSeed((int) seed);
        var params = BiGan.trainable(features, head);
        int batch = Math.min(128, train.count());
        int shift = Math.max(2, data.size() / 14); // ±2 px at 28: the augmentation that takes MNIST past 99 %
        Random rng = new Random(seed);
        float[] x = new float[batch * imageSize];
        try (AdamOptimizer adam = new AdamOptimizer(params, manager, 1e-3f, 0.9f, 0.999f)) {
            for (int e = 0; e < epochs; e++) {
                adam.setLearningRate((float) (1e-3 * Math.pow(0.5, e / 2))); // halve every two epochs
                int[] order = shuffled(train.count(), rng);
                for (int start = 0; start + batch <= order.length; start += batch) {
                    float[] onehot = new float[batch * classes];
                    for (int i = 0; i < batch; i++) {
                        shifted(train, order[start + i], x, i * imageSize, rng.nextInt(2 * shift + 1) - shift,
                                rng.nextInt(2 * shift + 1) - shift);
                        onehot[i * classes + train.label(order[start + i])] = 1f;
                    }
                    step(x, onehot, batch, adam);
                }
                onEpoch.accept(e + 1);
            }
        }
    }

    private void step(float[] x, float[] onehot, int batch, AdamOptimizer adam) {
        try (NDManager m = manager.newSubManager()) {
            try (GradientCollector gc = TorchGate.collect()) {
                NDArray xs = m.create(x, new Shape(batch, data.channels(), data.size(), data.size()));
                NDArray f = features.forward(store, new NDList(xs), true).singletonOrThrow();
                NDArray logp = head.forward(store, new NDList(f), true).singletonOrThrow().logSoftmax(1);
                gc.backward(Losses.scale(logp.mul(m.create(onehot, new Shape(batch, classes))).sum(), -1f / batch));
            }
            adam.step();
        }
    }

    /** Image {@code index} moved by (dx, dy) pixels, every channel alike, the uncovered edge black. */
    private static void shifted(ImageDataset d, int index, float[] out, int offset, int dx, int dy) {
        float[] img = d.image(index);
        int h = d.height();
        int w = d.width();
        Arrays.fill(out, offset, offset + img.length, 0f);
        for (int c = 0; c < d.channels(); c++) {
            int plane = c * h * w;
            for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
                for (int x = Math.max(0, dx); x < Math.min(w, w + dx); x++) {
                    out[offset + plane + y * w + x] = img[plane + (y - dy) * w + (x - dx)];
                }
            }
        }
    }

    /** A random permutation of 0..n-1 (Fisher-Yates). */
    static int[] shuffled(int n, Random rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    public double accuracy(ImageDataset test) {
        Output o = run(test.floats(), test.count());
        int correct = 0;
        for (int i = 0; i < test.count(); i++) {
            correct += SampleMetrics.argmax(o.probabilities(), i, classes) == test.label(i) ? 1 : 0;
        }
        return correct / (double) test.count();
    }

    /** Writes the weights and a manifest naming the data set, its test accuracy and the command. */
    public void save(Path dir, double testAccuracy, String command) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            features.saveParameters(out);
            head.saveParameters(out);
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve(WEIGHTS), bytes.toByteArray());
        manifest = ClassifierManifest.of(bytes.toByteArray(), testAccuracy, command, data);
        ClassifierManifest.write(dir, manifest);
    }

    /** The classifier saved in {@code dir}, its weights checked against the manifest's hash. */
    public static ImageClassifier load(Path dir, NDManager parent) throws IOException {
        ClassifierManifest m = ClassifierManifest.read(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve(WEIGHTS));
        if (!ClassifierManifest.sha256(bytes).equals(m.sha256())) {
            throw new IOException("The classifier in " + dir + " is corrupted (hash mismatch).");
        }
        ImageClassifier c = new ImageClassifier(parent, m.dataDescription());
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            c.features.loadParameters(c.manager, in);
            c.head.loadParameters(c.manager, in);
        } catch (MalformedModelException | RuntimeException e) {
            c.close();
            throw new IOException("The classifier in " + dir + " is malformed: " + e.getMessage(), e);
        }
        c.store = new ParameterStore(c.manager, false);
        c.manifest = m;
        return c;
    }

    @Override
    public void close() {
        manager.close();
    }
}
