package org.latentlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The three networks of a BiGAN and the manager that owns their weights. Not thread-safe: one
 * thread uses a BiGan at a time. Close it to free the weights.
 */
public final class BiGan implements AutoCloseable {
    private final ModelConfig config;
    private final NDManager manager;
    private final Block generator;
    private final Block encoder;
    private final Block discriminator;
    private ParameterStore store;
    private SpectralNormStore dStore;

    /**
     * Fresh networks initialised from libtorch's generator seeded with {@code seed}: the same seed
     * gives the same weights whatever other threads do meanwhile (see {@link TorchGate}).
     */
    public static BiGan seeded(ModelConfig config, NDManager parent, long seed) {
        return TorchGate.seeded(seed, () -> new BiGan(config, parent));
    }

    /**
     * Builds and initialises fresh networks in a sub-manager of {@code parent}, drawing from the
     * generator as it stands (inside the gate, so never in the middle of a training step).
     */
    public BiGan(ModelConfig config, NDManager parent) {
        this.config = config;
        this.manager = parent.newSubManager();
        this.generator = Networks.generator(config);
        this.encoder = Networks.encoder(config);
        this.discriminator = Networks.discriminator(config);
        Shape x = new Shape(2, config.channels(), config.imageSize(), config.imageSize());
        Shape z = new Shape(2, config.zdim());
        TorchGate.exclusive(() -> {
            generator.initialize(manager, DataType.FLOAT32, z);
            encoder.initialize(manager, DataType.FLOAT32, x);
            discriminator.initialize(manager, DataType.FLOAT32, x, z);
            return null;
        });
        this.store = new ParameterStore(manager, false);
        this.dStore = config.spectralNorm() ? new SpectralNormStore(manager) : null;
    }

    /** D's store: the plain one, or one that normalises D's weights, for a forward pass in x's manager. */
    private ParameterStore dStore(NDArray x) {
        if (dStore == null) {
            return store;
        }
        dStore.begin(x.getManager());
        return dStore;
    }

    public ModelConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    public Block generator() {
        return generator;
    }

    public Block encoder() {
        return encoder;
    }

    public Block discriminator() {
        return discriminator;
    }

    public ParameterStore store() {
        return store;
    }

    /** A new store after weights were replaced: the old one would keep serving released arrays. */
    public void refreshStore() {
        store = new ParameterStore(manager, false);
        dStore = dStore == null ? null : dStore.renewed(manager);
    }

    /**
     * The u vector of each of D's normalised weights (empty without spectral normalisation, or
     * before the first training pass), for checkpoints and exports.
     */
    public Map<Parameter, float[]> spectralVectors() {
        return dStore == null ? Map.of() : dStore.leftVectors();
    }

    /** Restores the u vector of one of D's weights; a weight D does not normalise, or a wrong length, is refused. */
    public void restoreSpectralVector(Parameter weight, float[] u) {
        if (dStore == null) {
            throw new IllegalArgumentException("this model's D is not spectrally normalised");
        }
        boolean inD = discriminator.getParameters().values().contains(weight);
        Shape shape = weight.getArray().getShape();
        if (!inD || weight.getType() != Parameter.Type.WEIGHT || shape.dimension() < 2 || shape.get(0) != u.length) {
            throw new IllegalArgumentException(weight.getName() + " is not one of D's weights with " + u.length
                    + " rows");
        }
        dStore.restoreLeftVector(weight, u);
    }

    /** G(z): (B, zdim) to (B, C, S, S). */
    public NDArray generate(NDArray z, boolean training) {
        return generator.forward(store, new NDList(z), training).singletonOrThrow();
    }

    /** E(x): (B, C, S, S) to (B, zdim). */
    public NDArray encode(NDArray x, boolean training) {
        return encoder.forward(store, new NDList(x), training).singletonOrThrow();
    }

    /** D(x, z) logits: (B, 1). */
    public NDArray discriminate(NDArray x, NDArray z, boolean training) {
        return discriminator.forward(dStore(x), new NDList(x, z), training).singletonOrThrow();
    }

    /**
     * D's logits of the real pairs (x, ex) then the fake pairs (gz, z): (2B, k). The same numbers as
     * {@link #discriminate} on the concatenated pairs, arranged so that back-propagation computes
     * only the gradients of ex and gz (the G+E step, D frozen).
     */
    public NDArray discriminatePairsForInputGradients(NDArray x, NDArray ex, NDArray gz, NDArray z, boolean training) {
        return ((JointDiscriminator) discriminator).forwardPairsForInputGradients(dStore(x), x, ex, gz, z, training);
    }

    /** G(z) for {@code n} latent vectors (n*zdim floats) in inference mode: n*pixels floats. */
    public float[] generate(float[] z, int n) {
        return runBatched(z, n, config.zdim(), config.pixels(), true);
    }

    /** E(x) for {@code n} images (n*pixels floats) in inference mode: n*zdim floats. */
    public float[] encode(float[] x, int n) {
        return runBatched(x, n, config.pixels(), config.zdim(), false);
    }

    private float[] runBatched(float[] in, int n, int inSize, int outSize, boolean generate) {
        float[] out = new float[n * outSize];
        int chunk = 500;
        for (int start = 0; start < n; start += chunk) {
            int len = Math.min(chunk, n - start);
            float[] part = Arrays.copyOfRange(in, start * inSize, (start + len) * inSize);
            try (NDManager m = manager.newSubManager()) {
                NDArray result = generate
                        ? generate(m.create(part, new Shape(len, config.zdim())), false)
                        : encode(m.create(part, new Shape(len, config.channels(), config.imageSize(),
                                config.imageSize())), false);
                System.arraycopy(result.toFloatArray(), 0, out, start * outSize, len * outSize);
            }
        }
        return out;
    }

    /** The parameters an optimizer updates (BatchNorm running statistics excluded). */
    public static List<Parameter> trainable(Block... blocks) {
        List<Parameter> out = new ArrayList<>();
        for (Block b : blocks) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    out.add(p.getValue());
                }
            }
        }
        return out;
    }

    /** Total number of weights in G, E and D. */
    public long parameterCount() {
        long n = 0;
        for (Block b : List.of(generator, encoder, discriminator)) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }

    /** A block's parameters in DJL's format, for checkpoints and for training snapshots. */
    public static byte[] weightsOf(Block block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        manager.close();
    }
}
