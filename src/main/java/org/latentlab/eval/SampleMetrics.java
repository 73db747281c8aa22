package org.latentlab.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.latentlab.latent.GaussianMixture;

/**
 * Metrics judged by a classifier of the model's data set: reconstructions keeping their class, and
 * sample quality, each sample score also as a fraction of the real test set's under the same
 * classifier (the ceiling a generator can reach).
 */
final class SampleMetrics {
    private SampleMetrics() {}

    static Map<String, Object> compute(Generative model, GaussianMixture density, ImageClassifier classifier,
            float[] trainX, float[] testX, int[] testY, float[] testZ, float[] recon, int n, long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        ImageClassifier.Output rec = classifier.run(recon, n);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            kept += argmax(rec.probabilities(), i, rec.classes()) == testY[i] ? 1 : 0;
        }
        out.put("recon_classifier_accuracy", ModelEvaluator.round(kept / (double) n));
        out.put("classifier_score_reconstructions", ModelEvaluator.round(classifierScore(rec.probabilities(), n,
                rec.classes())));
        int d = model.config().zdim();
        ImageClassifier.Output shuffled = classifier.run(model.generate(shuffleEachDimension(testZ, n, d, seed), n), n);
        out.put("classifier_score_shuffled_codes", ModelEvaluator.round(classifierScore(shuffled.probabilities(), n,
                shuffled.classes())));
        int s = ModelEvaluator.SAMPLE_COUNT;
        float[] samples = model.generate(model.samplePrior(seed, 12345, s), s);
        ImageClassifier.Output gen = classifier.run(samples, s);
        ImageClassifier.Output real = classifier.run(testX, n);
        double realScore = classifierScore(real.probabilities(), n, real.classes());
        double score = classifierScore(gen.probabilities(), s, gen.classes());
        out.put("classifier_score", ModelEvaluator.round(score));
        out.put("classifier_score_test_set", ModelEvaluator.round(realScore));
        out.put("classifier_score_fraction_of_test_set", ModelEvaluator.round(score / realScore));
        out.put("frechet_distance", ModelEvaluator.round(FrechetDistance.between(gen.features(), s, real.features(), n,
                ImageClassifier.FEATURES)));
        int nt = Math.min(s, trainX.length / model.config().pixels());
        ImageClassifier.Output train = classifier.run(trainX, nt);
        out.put("frechet_distance_train_vs_test", ModelEvaluator.round(FrechetDistance.between(train.features(), nt,
                real.features(), n, ImageClassifier.FEATURES)));
        double[] shares = histogram(gen.probabilities(), s, gen.classes());
        out.put("class_histogram", shares);
        out.put("smallest_class_share", Arrays.stream(shares).min().orElse(0));
        if (density != null) {
            putDensityMetrics(out, model, density, classifier, real, realScore, n, seed);
        }
        return out;
    }

    /** The sample metrics again, for z drawn from the latent density fitted to E(x) instead of the prior. */
    private static void putDensityMetrics(Map<String, Object> out, Generative model, GaussianMixture density,
            ImageClassifier classifier, ImageClassifier.Output real, double realScore, int n, long seed) {
        int s = ModelEvaluator.SAMPLE_COUNT;
        ImageClassifier.Output fitted = classifier.run(model.generate(density.sample(s, seed), s), s);
        double score = classifierScore(fitted.probabilities(), s, fitted.classes());
        out.put("classifier_score_fitted_density", ModelEvaluator.round(score));
        out.put("classifier_score_fitted_density_fraction_of_test_set", ModelEvaluator.round(score / realScore));
        out.put("frechet_distance_fitted_density", ModelEvaluator.round(FrechetDistance.between(fitted.features(), s,
                real.features(), n, ImageClassifier.FEATURES)));
        double[] shares = histogram(fitted.probabilities(), s, fitted.classes());
        out.put("class_histogram_fitted_density", shares);
        out.put("smallest_class_share_fitted_density", Arrays.stream(shares).min().orElse(0));
    }

    /**
     * The codes with each dimension permuted on its own across images: the same per-dimension
     * distribution as E(x), without the dependence between dimensions. G on these codes tells
     * whether samples fail for want of G (low like the prior's score) or because the prior covers
     * codes E never produces (this score high, near the reconstructions').
     */
    static float[] shuffleEachDimension(float[] z, int n, int d, long seed) {
        float[] out = new float[z.length];
        Random rng = new Random(seed);
        for (int k = 0; k < d; k++) {
            int[] order = ImageClassifier.shuffled(n, rng);
            for (int i = 0; i < n; i++) {
                out[i * d + k] = z[order[i] * d + k];
            }
        }
        return out;
    }

    /** exp(E_x KL(p(y|x) || p(y))): the inception score computed with the data set's classifier. */
    static double classifierScore(float[] probs, int n, int classes) {
        double[] marginal = new double[classes];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                marginal[k] += probs[i * classes + k] / n;
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                double p = probs[i * classes + k];
                if (p > 1e-12) {
                    kl += p * (Math.log(p) - Math.log(marginal[k]));
                }
            }
        }
        return Math.exp(kl / n);
    }

    /** Fraction of samples the classifier puts in each class. */
    static double[] histogram(float[] probs, int n, int classes) {
        double[] h = new double[classes];
        for (int i = 0; i < n; i++) {
            h[argmax(probs, i, classes)] += 1.0 / n;
        }
        for (int k = 0; k < classes; k++) {
            h[k] = ModelEvaluator.round(h[k]);
        }
        return h;
    }

    static int argmax(float[] v, int row, int width) {
        int best = 0;
        for (int k = 1; k < width; k++) {
            if (v[row * width + k] > v[row * width + best]) {
                best = k;
            }
        }
        return best;
    }
}
