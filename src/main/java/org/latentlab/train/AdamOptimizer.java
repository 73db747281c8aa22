package org.latentlab.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Predicate;

/**
 * Adam over a fixed list of parameters, with its moments owned here so that they can be saved,
 * restored and freed (DJL's own Adam keeps them private and never frees them). The update also
 * zeroes each weight's gradient. It runs as one vectorised pass in Java ({@link VectorAdam}) where
 * the JDK's vector module is present, else as DJL's libtorch Adam kernel: same arithmetic, which
 * {@code tools/latentlab_train.py} (JavaAdam) repeats for the PyTorch trainer.
 */
public final class AdamOptimizer implements AutoCloseable {
    private static final float EPSILON = 1e-8f;

    /** How the update is computed. */
    public enum Kernel {
        /** One pass over libtorch's memory with the JDK's vector API (needs jdk.incubator.vector). */
        VECTOR,
        /** DJL's adamUpdate: about twelve libtorch kernels per weight. */
        LIBTORCH;

        /** VECTOR where the module was added to the JVM ({@code --add-modules jdk.incubator.vector}). */
        public static Kernel best() {
            return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? VECTOR : LIBTORCH;
        }
    }

    private final Kernel kernel;
    private final List<Parameter> parameters;
    private final NDManager stateManager;
    private final NDList means = new NDList();
    private final NDList variances = new NDList();
    private final Boolean[] vectorEligible; // per parameter, decided at its first update
    private float learningRate;
    private final float beta1;
    private final float beta2;
    private long updates;

    public AdamOptimizer(List<Parameter> parameters, NDManager parent, float learningRate, float beta1, float beta2) {
        this(parameters, parent, learningRate, beta1, beta2, Kernel.best());
    }

    public AdamOptimizer(List<Parameter> parameters, NDManager parent, float learningRate, float beta1, float beta2,
                         Kernel kernel) {
        this.kernel = kernel;
        this.parameters = List.copyOf(parameters);
        this.vectorEligible = new Boolean[this.parameters.size()];
        this.stateManager = parent.newSubManager();
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        for (Parameter p : this.parameters) {
            means.add(stateManager.zeros(p.getArray().getShape()));
            variances.add(stateManager.zeros(p.getArray().getShape()));
        }
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Changes the learning rate from the next update on (schedules). */
    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** How many parameters the one-pass Java update writes (the others take libtorch's kernel); known after a step. */
    int vectorUpdated() {
        int n = 0;
        for (Boolean b : vectorEligible) {
            n += Boolean.TRUE.equals(b) ? 1 : 0;
        }
        return n;
    }

    public long updates() {
        return updates;
    }

    /** One Adam update of every parameter from its current gradient. */
    public void step() {
        step(p -> true);
    }

    /**
     * One Adam update of the parameters {@code which} accepts; the others, whose gradients were not
     * computed, keep their weights and moments (the update count, shared, still advances).
     */
    public void step(Predicate<Parameter> which) {
        updates++;
        double coef1 = 1.0 - Math.pow(beta1, updates);
        double coef2 = 1.0 - Math.pow(beta2, updates);
        float biasCorrected = (float) (learningRate * Math.sqrt(coef2) / coef1);
        for (int i = 0; i < parameters.size(); i++) {
            if (!which.test(parameters.get(i))) {
                continue;
            }
            NDArray weight = parameters.get(i).getArray();
            try (NDArray grad = weight.getGradient()) {
                if (kernel == Kernel.VECTOR && vectorUpdatable(i, weight, grad)) {
                    VectorAdam.update(weight.toByteBuffer(true), grad.toByteBuffer(true),
                            means.get(i).toByteBuffer(true),
                            variances.get(i).toByteBuffer(true), biasCorrected, beta1, beta2, EPSILON);
                } else {
                    NDList inputs = new NDList(weight, grad, means.get(i), variances.get(i));
                    weight.getNDArrayInternal().adamUpdate(inputs, new NDList(weight), learningRate, biasCorrected,
                            0f, 1f, -1f, beta1, beta2, EPSILON, false, false);
                }
            }
        }
    }

    /**
     * Whether the one-pass Java update may write this parameter: float32 tensors on the CPU whose
     * memory the byte buffers alias. A GPU or strided tensor's buffer is a copy, and an update
     * written there would be lost without a word (and a gradient not zeroed would pile up), so
     * such a parameter takes libtorch's kernel. Decided at the parameter's first update: libtorch
     * keeps a parameter's gradient in the same tensor from step to step.
     */
    private boolean vectorUpdatable(int i, NDArray weight, NDArray grad) {
        if (vectorEligible[i] == null) {
            vectorEligible[i] = isAliasedCpuFloat(weight) && isAliasedCpuFloat(grad) && isAliasedCpuFloat(means.get(i))
                    && isAliasedCpuFloat(variances.get(i));
        }
        return vectorEligible[i];
    }

    /**
     * True when {@code toByteBuffer(true)} gives the tensor's own memory (a write through one
     * buffer shows in another).
     */
    static boolean isAliasedCpuFloat(NDArray a) {
        if (a.getDataType() != DataType.FLOAT32 || !Device.Type.CPU.equals(a.getDevice().getDeviceType())
                || a.size() == 0) {
            return false;
        }
        ByteBuffer one = a.toByteBuffer(true);
        ByteBuffer two = a.toByteBuffer(true);
        if (!one.isDirect() || one.capacity() < 4) {
            return false;
        }
        float before = one.getFloat(0);
        one.putFloat(0, before == 1f ? 2f : 1f);
        boolean aliased = two.getFloat(0) != before;
        one.putFloat(0, before);
        return aliased;
    }

    /** Moments as one list: all means, then all variances, in parameter order. */
    public NDList state() {
        NDList all = new NDList();
        all.addAll(means);
        all.addAll(variances);
        return all;
    }

    /** Restores moments saved by {@link #state()} and the update count; checks every shape. */
    public void restore(NDList saved, long updateCount) {
        int n = parameters.size();
        if (saved.size() != 2 * n) {
            throw new IllegalArgumentException("optimizer state holds " + saved.size() + " arrays, expected " + 2 * n);
        }
        for (int i = 0; i < 2 * n; i++) {
            NDArray target = i < n ? means.get(i) : variances.get(i - n);
            NDArray source = saved.get(i);
            if (!source.getShape().equals(target.getShape())) {
                throw new IllegalArgumentException("optimizer state array " + i + " has shape " + source.getShape()
                        + ", expected " + target.getShape());
            }
            source.copyTo(target);
        }
        this.updates = updateCount;
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
