package org.latentlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The linear probe: a multinomial logistic regression on standardised codes, fitted to its optimum
 * on the training codes, scored on the test codes.
 *
 * <p>Why full-batch and a falling rate: the probe measures how linearly separable the codes are, so
 * it must reach the regression's optimum, which is unique and needs no seed. The first probe took
 * the last of 5 epochs of mini-batch Adam at a constant rate: its weights jittered around the
 * optimum and its accuracy with them. Measured on the same codes against L-BFGS run to convergence
 * (2026-12-03): Fashion-MNIST z 128, 84.29–84.73 % over three shuffles against 85.29–85.32 %;
 * MNIST's bundled model, 91.16–91.23 % against 91.40 %. Full-batch Adam with the rate falling to 0
 * along a cosine over {@value #ITERATIONS} iterations gives L-BFGS's figure (85.34 %, 91.39 %) and
 * needs no seed; only libtorch's summation order, which depends on its thread count, moves it (by
 * 0.01-0.02 points: the window's 84.79 % against eval's 84.80 %, same codes). The gradient is
 * written out (softmax minus one-hot), so the probe records no autograd graph and needs no
 * gradient collector.
 */
public final class LinearProbe {
    /** Full-batch iterations; the cosine schedule ends at rate 0 on the last. */
    static final int ITERATIONS = 300;
    static final float LEARNING_RATE = 0.1f;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    /**
     * The fitted regression on standardised inputs: (classes, d + 1) row-major, the last column the
     * bias (the inputs carry a column of ones for it, see {@link #withOnes}).
     */
    record Fit(float[] weights, int classes) {}

    private LinearProbe() {}

    /** Accuracy on the test codes of the probe fitted to the training codes; codes row-major (n * d). */
    public static double accuracy(float[] trainZ, int[] trainY, float[] testZ, int[] testY, int d, int classes) {
        return accuracy(trainZ, trainY, testZ, testY, d, classes, () -> {});
    }

    /** As above, running {@code betweenIterations} before each iteration of the fit (it may throw to stop). */
    public static double accuracy(float[] trainZ, int[] trainY, float[] testZ, int[] testY, int d, int classes,
            Runnable betweenIterations) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray train = m.create(trainZ, new Shape(trainY.length, d));
            NDArray mean = train.mean(new int[] {0}, true);
            NDArray std = train.sub(mean).square().mean(new int[] {0}, true).sqrt().add(1e-6f);
            Fit fit = fit(withOnes(train.sub(mean).div(std)), trainY, classes, ITERATIONS, betweenIterations);
            NDArray test = withOnes(m.create(testZ, new Shape(testY.length, d)).sub(mean).div(std));
            long[] predicted = logits(m, test.transpose(), fit).argMax(0).toLongArray();
            int correct = 0;
            for (int i = 0; i < predicted.length; i++) {
                correct += predicted[i] == testY[i] ? 1 : 0;
            }
            return correct / (double) testY.length;
        }
    }

    /** (n, d) → (n, d + 1), the last column 1: the bias becomes the weights' last column. */
    static NDArray withOnes(NDArray x) {
        return x.concat(x.getManager().ones(new Shape(x.getShape().get(0), 1)), 1);
    }

    /**
     * Full-batch Adam on the mean cross-entropy of {@code x} (n, d + 1), {@link #withOnes}, against
     * labels {@code y}. Logits are laid out (classes, n): libtorch's softmax over the short first
     * axis and the two matrix products of that shape take 11 ms an iteration for MNIST's 60,000
     * codes, against 26 ms in the (n, classes) layout (2026-12-03, two training runs beside it).
     */
    static Fit fit(NDArray x, int[] y, int classes, int iterations, Runnable betweenIterations) {
        int n = y.length;
        Fit fit = new Fit(new float[(int) x.getShape().get(1) * classes], classes);
        float[] moments = new float[2 * fit.weights().length];
        try (NDManager m = x.getManager().newSubManager()) {
            NDArray oneHot = m.create(oneHot(y, classes), new Shape(classes, n));
            NDArray xt = x.transpose().duplicate();                        // (d + 1, n), contiguous
            for (int t = 1; t <= iterations; t++) {
                betweenIterations.run();
                try (NDManager s = m.newSubManager()) {
                    float[] grad = scaledGradient(s, x, xt, oneHot, fit).toFloatArray();
                    float rate = (float) (LEARNING_RATE * 0.5 * (1 + Math.cos(Math.PI * (t - 1) / iterations)));
                    adam(fit.weights(), grad, 1f / n, moments, t, rate);
                }
            }
        }
        return fit;
    }

    /** Mean cross-entropy gradient's largest entry at {@code fit}: about 0 at the optimum. */
    static double gradientMax(NDArray x, int[] y, Fit fit) {
        try (NDManager s = x.getManager().newSubManager()) {
            NDArray oneHot = s.create(oneHot(y, fit.classes()), new Shape(fit.classes(), y.length));
            return scaledGradient(s, x, x.transpose(), oneHot, fit).abs().max().getFloat() / y.length;
        }
    }

    /**
     * n times the mean cross-entropy's gradient at {@code fit}, (classes, d + 1), made in {@code s}:
     * (softmax of the logits minus one-hot) times x. {@code xt} is x laid out (d + 1, n).
     */
    private static NDArray scaledGradient(NDManager s, NDArray x, NDArray xt, NDArray oneHot, Fit fit) {
        return logits(s, xt, fit).softmax(0).sub(oneHot).matMul(x);
    }

    /**
     * (classes, n) logits of inputs laid out (d + 1, n), in {@code into}: the weights are made there,
     * so the product and what follows from it are freed with it, each iteration.
     */
    private static NDArray logits(NDManager into, NDArray xt, Fit fit) {
        return into.create(fit.weights(), new Shape(fit.classes(), xt.getShape().get(0))).matMul(xt);
    }

    /** (classes, n) row-major. */
    private static float[] oneHot(int[] y, int classes) {
        float[] out = new float[y.length * classes];
        for (int i = 0; i < y.length; i++) {
            out[y[i] * y.length + i] = 1f;
        }
        return out;
    }

    /** One Adam update of {@code weights} in place from {@code grad * scale}; moments: first, then second. */
    private static void adam(float[] weights, float[] grad, float scale, float[] moments, int t, float rate) {
        int half = weights.length;
        double correction1 = 1 - Math.pow(BETA1, t);
        double correction2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < weights.length; i++) {
            float g = grad[i] * scale;
            moments[i] = BETA1 * moments[i] + (1 - BETA1) * g;
            moments[half + i] = BETA2 * moments[half + i] + (1 - BETA2) * g * g;
            double step = (moments[i] / correction1) / (Math.sqrt(moments[half + i] / correction2) + EPSILON);
            weights[i] -= (float) (rate * step);
        }
    }
}
