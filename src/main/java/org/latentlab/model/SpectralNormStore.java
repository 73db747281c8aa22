package org.latentlab.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves D's weights divided by their largest singular value (spectral normalisation, Miyato et
 * al. 2018), so that D is 1-Lipschitz per layer and cannot win outright by sharpening its weights.
 * sigma(W) comes from one power iteration a training forward pass, from the u vector kept per
 * weight; the gradient reaches W through sigma too (u and v are constants), as in PyTorch's
 * {@code torch.nn.utils.spectral_norm}.
 *
 * <p>On when the model's {@link ModelConfig#spectralNorm()} is (docs/BENCHMARKS.md, "Spectral
 * normalisation in D", has what it measured). Each u starts as the unit vector of equal entries,
 * which {@code tools/latentlab_train.py} starts from too, and travels in checkpoints, so a resumed
 * run goes on from the vectors it had.
 */
final class SpectralNormStore extends ParameterStore {
    private final Map<Parameter, float[]> leftVectors = new HashMap<>();
    private final Map<Parameter, NDArray> served = new HashMap<>();
    private NDManager step;

    SpectralNormStore(NDManager model) {
        super(model, false);
    }

    /** A store for replaced weights (the old one would serve released arrays) that keeps the u vectors. */
    SpectralNormStore renewed(NDManager model) {
        SpectralNormStore next = new SpectralNormStore(model);
        next.leftVectors.putAll(leftVectors);
        return next;
    }

    /** The u vector of each weight normalised so far (one float per output row), for checkpoints. */
    Map<Parameter, float[]> leftVectors() {
        return Map.copyOf(leftVectors);
    }

    /** Sets a weight's u vector, as a checkpoint kept it. */
    void restoreLeftVector(Parameter weight, float[] u) {
        leftVectors.put(weight, u.clone());
    }

    /** Starts one forward pass (or a group of them) whose arrays live in {@code stepManager}. */
    void begin(NDManager stepManager) {
        step = stepManager;
        served.clear();
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        NDArray w = super.getValue(parameter, device, training);
        if (step == null || parameter.getType() != Parameter.Type.WEIGHT || w.getShape().dimension() < 2) {
            return w;
        }
        NDArray cached = served.get(parameter);
        if (cached != null) {
            return cached;
        }
        NDArray normalised = normalise(parameter, w, training);
        served.put(parameter, normalised);
        return normalised;
    }

    private NDArray normalise(Parameter parameter, NDArray w, boolean training) {
        long rows = w.getShape().get(0);
        NDArray matrix = w.reshape(rows, -1);                               // (out, in*k*k)
        matrix.attach(step);
        float[] u0 = leftVectors.computeIfAbsent(parameter, p -> firstVector((int) rows));
        NDArray u = step.create(u0, new Shape(rows, 1));                    // (out, 1)
        NDArray fixed = matrix.stopGradient();
        NDArray v = unit(fixed.transpose().matMul(u));                      // (in, 1)
        if (training) {
            u = unit(fixed.matMul(v));                                      // (out, 1)
            leftVectors.put(parameter, u.toFloatArray());
            v = unit(fixed.transpose().matMul(u));
        }
        NDArray sigma = u.transpose().matMul(matrix.matMul(v)).reshape(new Shape()); // () with W's gradient
        NDArray out = w.div(sigma);                                         // W's shape
        out.attach(step); // made in W's manager, it would live as long as the model
        return out;
    }

    private static NDArray unit(NDArray a) {
        return a.div(a.norm().add(1e-12f));
    }

    /**
     * The unit vector of equal entries: reproducible in any trainer, and not orthogonal to the top
     * singular vector of a freshly drawn W except by chance.
     */
    private static float[] firstVector(int n) {
        float[] u = new float[n];
        Arrays.fill(u, (float) (1 / Math.sqrt(n)));
        return u;
    }
}
