package org.latentlab.eval;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.data.ImageDataset;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.train.PriorMatch;

/**
 * Runs every metric of a BiGAN on a labelled train/test pair and returns them as named numbers.
 * The digit classifier is optional: without it, the classifier-based metrics are left out.
 */
public final class ModelEvaluator {
    /** Samples drawn for the sample metrics; the protocol of the issue uses 10,000. */
    public static final int SAMPLE_COUNT = 10_000;

    /** Test images a model without an encoder projects for its evaluation. */
    public static final int PROJECTED_TEST = 300;

    /** Stages an evaluation reports: four here, and the raw pixels' figures, which the caller measures last. */
    public static final int STAGES = 5;

    private ModelEvaluator() {}

    /**
     * Every metric of {@code model} on these data. One that encodes by projection (no encoder) projects the first
     * {@link #PROJECTED_TEST} test images only, and has no encoder figures (1-NN, linear probe):
     * projecting a training set would take hours.
     *
     * @param density the model's fitted latent density, or null: when given, the sample metrics are
     *     also computed for samples drawn from it
     */
    public static Map<String, Object> evaluate(Generative model, GaussianMixture density, ImageDataset train,
            ImageDataset test, ImageClassifier classifier, long seed, EvaluationProgress progress) {
        Map<String, Object> out = new LinkedHashMap<>();
        int d = model.config().zdim();
        long t0 = System.nanoTime();
        ImageDataset encoded = model.hasEncoder() ? test : test.head(Math.min(PROJECTED_TEST, test.count()));
        progress.stage(model.hasEncoder() ? "Encoding the training and test images"
                : "Projecting " + encoded.count() + " test images", 1, STAGES);
        float[] trainX = train.floats();
        float[] testX = encoded.floats();
        float[] testZ = model.encode(testX, encoded.count());
        progress.stage("Encoder: nearest neighbour and linear probe", 2, STAGES);
        if (model.hasEncoder()) {
            float[] trainZ = model.encode(trainX, train.count());
            out.put("one_nn_accuracy", round(EncoderMetrics.oneNearestNeighbour(trainZ, train.labels(), testZ,
                    test.labels(), d, progress::stopIfCancelled)));
            out.put("linear_probe_accuracy", round(LinearProbe.accuracy(trainZ, train.labels(), testZ,
                    test.labels(), d, train.classNames().length, progress::stopIfCancelled)));
        } else {
            out.put("images_projected", encoded.count());
        }
        out.put("codes_prior_mmd", round(codesFromPrior(model, testZ, seed)));
        progress.stage("Reconstructions G(E(x))", 3, STAGES);
        float[] recon = model.generate(testZ, encoded.count());
        out.putAll(ReconstructionMetrics.compute(testX, recon, encoded.count(), test.imageSize(), seed));
        if (classifier != null) {
            progress.stage("Samples: classifier score, Fréchet distance, class histogram", 4, STAGES);
            out.putAll(SampleMetrics.compute(model, density, classifier, trainX, testX, encoded.labels(), testZ,
                    recon, encoded.count(), seed));
        }
        out.put("seconds", round((System.nanoTime() - t0) / 1e9));
        return out;
    }

    /**
     * The encoder's two protocols on the raw pixels instead of E(x), what its figures are read
     * against: {@code one_nn_accuracy_pixels}, the floor an encoder must rise above to have learned
     * more than a compressed copy of the image (a full matrix product of test by train pixels,
     * MNIST ~15 s on two cores), and {@code linear_probe_accuracy_pixels}, what a linear classifier
     * of the pictures themselves reaches (784 inputs against the codes' 32: ~20 s). Needs no model;
     * properties of the data, so {@code eval} computes them only when asked and the window once per
     * data set. {@code progress} may stop it between chunks and iterations.
     */
    public static Map<String, Double> pixelFigures(ImageDataset train, ImageDataset test,
            EvaluationProgress progress) {
        float[] trainX = train.floats();
        float[] testX = test.floats();
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("one_nn_accuracy_pixels", round(EncoderMetrics.oneNearestNeighbour(trainX, train.labels(), testX,
                test.labels(), train.imageSize(), progress::stopIfCancelled)));
        out.put("linear_probe_accuracy_pixels", round(LinearProbe.accuracy(trainX, train.labels(), testX,
                test.labels(), train.imageSize(), train.classNames().length, progress::stopIfCancelled)));
        return Collections.unmodifiableMap(out); // in this order in eval's output
    }

    /** Codes compared with the prior: enough for MMD's noise floor to sit near 0.001. */
    static final int PRIOR_CODES = 2000;

    /**
     * MMD² of the first test codes from as many prior draws: 0 when E(x) is distributed as the
     * prior, which samples from the prior need to look like the data.
     */
    static double codesFromPrior(Generative model, float[] testZ, long seed) {
        int d = model.config().zdim();
        int n = Math.min(PRIOR_CODES, testZ.length / d);
        return PriorMatch.mmd(Arrays.copyOf(testZ, n * d), model.samplePrior(seed, -1, n), d);
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
