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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.IntConsumer;
import org.latentlab.AppPaths;
import org.latentlab.checkpoint.Json;
import org.latentlab.data.DataSources;
import org.latentlab.data.ImageDataset;
import org.latentlab.model.BiGan;
import org.latentlab.model.TorchGate;
import org.latentlab.train.AdamOptimizer;
import org.latentlab.train.Losses;

/**
 * The project's own MNIST digit classifier, used to judge samples and reconstructions. Its
 * 128-unit penultimate layer gives the features of the Frechet distance.
 */
public final class DigitClassifier implements AutoCloseable {
    static final String WEIGHTS = "classifier.params";
    static final String MANIFEST = "manifest.json";
    static final int FEATURES = 128;
    private final NDManager manager;
    private final SequentialBlock features;
    private final SequentialBlock head;
    private ParameterStore store;

    /** Manifest of a saved classifier. */
    public record Manifest(String format, String sha256, double testAccuracy, String command) {}

    public DigitClassifier(NDManager parent) {
        manager = parent.newSubManager();
        features = new SequentialBlock();                                               // (B, 1, 28, 28)
        features.add(conv(32)).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)));   // (B, 32, 13, 13)
        features.add(conv(64)).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)));   // (B, 64, 5, 5)
        features.add(Blocks.batchFlattenBlock());                                       // (B, 1600)
        features.add(Linear.builder().setUnits(FEATURES).build()).add(Activation::relu);  // (B, 128)
        head = new SequentialBlock();
        head.add(Dropout.builder().optRate(0.3f).build());
        head.add(Linear.builder().setUnits(10).build());                                // (B, 10) logits
        features.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 28, 28));
        head.initialize(manager, DataType.FLOAT32, new Shape(2, FEATURES));
        store = new ParameterStore(manager, false);
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).build();
    }

    /** Class probabilities (n*10) and features (n*128) of n 28x28 images. */
    public record Output(float[] probabilities, float[] features) {}

    public Output run(float[] x, int n) {
        float[] probs = new float[n * 10];
        float[] feats = new float[n * FEATURES];
        int chunk = 500;
        for (int start = 0; start < n; start += chunk) {
            int len = Math.min(chunk, n - start);
            try (NDManager m = manager.newSubManager()) {
                NDArray xs = m.create(Arrays.copyOfRange(x, start * 784, (start + len) * 784), new Shape(len, 1, 28,
                        28));
                NDArray f = features.forward(store, new NDList(xs), false).singletonOrThrow();
                NDArray p = head.forward(store, new NDList(f), false).singletonOrThrow().softmax(1);
                System.arraycopy(p.toFloatArray(), 0, probs, start * 10, len * 10);
                System.arraycopy(f.toFloatArray(), 0, feats, start * FEATURES, len * FEATURES);
            }
        }
        return new Output(probs, feats);
    }

    /** Trains with Adam for {@code epochs}; reports each finished epoch. */
    public void train(ImageDataset data, int epochs, long seed, IntConsumer onEpoch) {
        Engine.getInstance().setRandomSeed((int) seed);
        var params = BiGan.trainable(features, head);
        int batch = 128;
        Random rng = new Random(seed);
        float[] x = new float[batch * 784];
        try (AdamOptimizer adam = new AdamOptimizer(params, manager, 1e-3f, 0.9f, 0.999f)) {
            for (int e = 0; e < epochs; e++) {
                adam.setLearningRate((float) (1e-3 * Math.pow(0.5, e / 2))); // halve every two epochs
                int[] order = shuffled(data.count(), rng);
                for (int start = 0; start + batch <= order.length; start += batch) {
                    float[] onehot = new float[batch * 10];
                    for (int i = 0; i < batch; i++) {
                        shifted(data, order[start + i], x, i * 784, rng.nextInt(5) - 2, rng.nextInt(5) - 2);
                        onehot[i * 10 + data.label(order[start + i])] = 1f;
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
                NDArray f = features.forward(store, new NDList(m.create(x, new Shape(batch, 1, 28, 28))),
                        true).singletonOrThrow();
                NDArray logp = head.forward(store, new NDList(f), true).singletonOrThrow().logSoftmax(1);
                gc.backward(Losses.scale(logp.mul(m.create(onehot, new Shape(batch, 10))).sum(), -1f / batch));
            }
            adam.step();
        }
    }

    /** Image {@code index} moved by (dx, dy) pixels: the augmentation that takes the CNN past 99%. */
    private static void shifted(ImageDataset data, int index, float[] out, int offset, int dx, int dy) {
        float[] img = data.image(index);
        Arrays.fill(out, offset, offset + 784, 0f);
        for (int y = Math.max(0, dy); y < Math.min(28, 28 + dy); y++) {
            for (int x = Math.max(0, dx); x < Math.min(28, 28 + dx); x++) {
                out[offset + y * 28 + x] = img[(y - dy) * 28 + (x - dx)];
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

    public double accuracy(ImageDataset data) {
        Output o = run(ModelEvaluator.floats(data), data.count());
        int correct = 0;
        for (int i = 0; i < data.count(); i++) {
            correct += SampleMetrics.argmax(o.probabilities(), i, 10) == data.label(i) ? 1 : 0;
        }
        return correct / (double) data.count();
    }

    public void save(Path dir, double testAccuracy, String command) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            features.saveParameters(out);
            head.saveParameters(out);
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve(WEIGHTS), bytes.toByteArray());
        Manifest m = new Manifest("latentlab-digit-classifier", sha256(bytes.toByteArray()), testAccuracy, command);
        Files.writeString(dir.resolve(MANIFEST), Json.GSON.toJson(m));
    }

    /**
     * The bundled classifier where it applies: to the bundled MNIST data set only. A model of
     * other data (clothes, colour pictures) gets no classifier scores rather than a digit
     * classifier's misleading ones; null then.
     */
    public static Path bundledFor(String dataSpec) {
        return dataSpec == null || DataSources.BUNDLED_MNIST.equalsIgnoreCase(dataSpec) ? AppPaths.bundledClassifier()
                : null;
    }

    /** Why a model's data set has no classifier scores, in words for the user. */
    public static String noClassifierNote(String dataSpec) {
        return "classifier scores are left out: the bundled classifier knows MNIST digits, and this model's data"
                + " is " + dataSpec + " (--classifier DIR gives one for these data)";
    }

    public static DigitClassifier load(Path dir, NDManager parent) throws IOException {
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            throw new IOException("No digit classifier in " + dir + ": train one with 'latentlab train-classifier'.");
        }
        Manifest m = Json.GSON.fromJson(Files.readString(dir.resolve(MANIFEST)), Manifest.class);
        byte[] bytes = Files.readAllBytes(dir.resolve(WEIGHTS));
        if (m == null || !sha256(bytes).equals(m.sha256())) {
            throw new IOException("The digit classifier in " + dir + " is corrupted (hash mismatch).");
        }
        DigitClassifier c = new DigitClassifier(parent);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            c.features.loadParameters(c.manager, in);
            c.head.loadParameters(c.manager, in);
        } catch (MalformedModelException | RuntimeException e) {
            c.close();
            throw new IOException("The digit classifier in " + dir + " is malformed: " + e.getMessage(), e);
        }
        c.store = new ParameterStore(c.manager, false);
        return c;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
