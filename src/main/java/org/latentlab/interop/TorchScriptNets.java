package org.latentlab.interop;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.latentlab.train.Losses;

/**
 * A TorchScript generator G: z (N, zdim) to images (N, C, H, W) in its own output range, and
 * optionally an encoder E: images in that range to (N, zdim), loaded through DJL's PyTorch engine.
 * Pixels in and out of this class are in [0, 1]; it maps them to and from the declared range.
 * One thread uses an instance.
 */
public final class TorchScriptNets implements AutoCloseable {
    private static final int CHUNK = 256;

    private final Model generator;
    private final Model encoder; // null: none
    private final float low;
    private final float high;

    private TorchScriptNets(Model generator, Model encoder, float low, float high) {
        this.generator = generator;
        this.encoder = encoder;
        this.low = low;
        this.high = high;
    }

    /**
     * Loads {@code generator} and, if not null, {@code encoder}; outputs in [low, high].
     *
     * @throws ImportException in words when a file is not TorchScript
     */
    public static TorchScriptNets load(Path generator, Path encoder, float low, float high) throws ImportException {
        Model g = loadModule(generator, "generator");
        try {
            return new TorchScriptNets(g, encoder == null ? null : loadModule(encoder, "encoder"), low, high);
        } catch (ImportException | RuntimeException e) {
            g.close();
            throw e;
        }
    }

    private static Model loadModule(Path file, String what) throws ImportException {
        Model m = Model.newInstance(what, "PyTorch");
        try {
            // trainParam: weights as ordinary tensors, so gradients reach z through them (projection);
            // by default DJL loads inference tensors, which autograd refuses. Frozen: only z learns.
            m.load(file.toAbsolutePath().getParent(), stem(file), Map.of("trainParam", "true"));
            m.getBlock().freezeParameters(true);
            return m;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            m.close();
            throw new ImportException(file + " is not a TorchScript " + what + " (save one with torch.jit.trace or"
                    + " torch.jit.script, then .save()): " + firstLine(e));
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".pt") ? name.substring(0, name.length() - 3) : name;
    }

    static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (String line : m.split("\n")) {
            if (line.startsWith("RuntimeError") || line.contains("Error:")) {
                return line.strip();
            }
        }
        return m.split("\n")[0].strip();
    }

    public boolean hasEncoder() {
        return encoder != null;
    }

    public NDManager manager() {
        return generator.getNDManager();
    }

    /**
     * G(z) in [0, 1] for z (N, zdim), in eval mode (batch norm statistics, no dropout); recording a
     * graph for z's gradient when {@code withGradient} (projection). Why not forward(training):
     * DJL runs a TorchScript module without autograd unless training, and training switches the
     * module to train mode, where batch norm on one image fails.
     */
    public NDArray generate(NDArray z, boolean withGradient) {
        NDArray y;
        if (withGradient) {
            PtSymbolBlock g = (PtSymbolBlock) generator.getBlock();
            JniUtils.enableInferenceMode(g); // module.eval(): the module's mode, not autograd's
            y = IValueUtils.forward(g, new NDList(z), true).head();
        } else {
            y = generator.getBlock().forward(new ParameterStore(z.getManager(), false), new NDList(z), false).head();
        }
        // Losses.scale, not div(Number): the backward pass of projection reads the divisor (Losses).
        return low == 0f && high == 1f ? y : Losses.scale(y.sub(low), 1f / (high - low));
    }

    /** Raw output of G for n latent vectors, in its own range: for the checks at import. */
    NDArray rawGenerate(NDManager m, float[] z, int n, int zdim) {
        return generator.getBlock().forward(new ParameterStore(m, false), new NDList(m.create(z, new Shape(n, zdim))),
                false).head();
    }

    /** Raw output of E for images in G's own range: for the checks at import. */
    NDArray rawEncode(NDArray images) {
        return encoder.getBlock().forward(new ParameterStore(images.getManager(), false), new NDList(images), false)
                .head();
    }

    /** G(z) for n latent vectors: n * C * H * W floats in [0, 1]. */
    public float[] generate(float[] z, int n, int zdim, Shape image) {
        float[] out = new float[(int) (n * image.size())];
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            try (NDManager m = manager().newSubManager()) {
                float[] chunk = Arrays.copyOfRange(z, start * zdim, (start + len) * zdim);
                NDArray y = generate(m.create(chunk, new Shape(len, zdim)), false).clip(0f, 1f);
                System.arraycopy(y.toFloatArray(), 0, out, (int) (start * image.size()), (int) (len * image.size()));
            }
        }
        return out;
    }

    /** E(x) for n images of {@code image}'s shape (C, H, W) with pixels in [0, 1]: n * zdim floats. */
    public float[] encode(float[] x, int n, int zdim, Shape image) {
        float[] out = new float[n * zdim];
        for (int start = 0; start < n; start += CHUNK) {
            int len = Math.min(CHUNK, n - start);
            try (NDManager m = manager().newSubManager()) {
                float[] chunk = Arrays.copyOfRange(x, (int) (start * image.size()),
                        (int) ((start + len) * image.size()));
                NDArray in = m.create(chunk, new Shape(len, image.get(0), image.get(1), image.get(2)));
                NDArray raw = low == 0f && high == 1f ? in : in.mul(high - low).add(low);
                System.arraycopy(rawEncode(raw).toFloatArray(), 0, out, start * zdim, len * zdim);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
        }
        generator.close();
    }
}
