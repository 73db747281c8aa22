package org.latentlab.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.latentlab.latent.GaussianMixture;
import org.latentlab.latent.Prior;
import org.latentlab.model.BiGan;

/** Metrics judged by the digit classifier: reconstructions keeping their digit, and sample quality. */
final class SampleMetrics {
    private SampleMetrics() {}

    static Map<String, Object> compute(BiGan model, GaussianMixture density, DigitClassifier classifier, float[] trainX,
            float[] testX, int[] testY, float[] testZ, float[] recon, int n, long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        DigitClassifier.Output rec = classifier.run(recon, n);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            kept += argmax(rec.probabilities(), i, 10) == testY[i] ? 1 : 0;
        }
        out.put("recon_classifier_accuracy", ModelEvaluator.round(kept / (double) n));
        out.put("classifier_score_reconstructions", ModelEvaluator.round(classifierScore(rec.probabilities(), n)));
        int d = model.config().zdim();
        DigitClassifier.Output shuffled = classifier.run(model.generate(shuffleEachDimension(testZ, n, d, seed), n), n);
        out.put("classifier_score_shuffled_codes", ModelEvaluator.round(classifierScore(shuffled.probabilities(), n)));
        int s = ModelEvaluator.SAMPLE_COUNT;
        float[] samples = model.generate(Prior.sample(seed, 12345, s, d), s);
        DigitClassifier.Output gen = classifier.run(samples, s);
        DigitClassifier.Output real = classifier.run(testX, n);
        out.put("classifier_score", ModelEvaluator.round(classifierScore(gen.probabilities(), s)));
        out.put("classifier_score_test_set", ModelEvaluator.round(classifierScore(real.probabilities(), n)));
        out.put("frechet_distance", ModelEvaluator.round(FrechetDistance.between(gen.features(), s, real.features(), n,
                DigitClassifier.FEATURES)));
        int nt = Math.min(s, trainX.length / 784);
        DigitClassifier.Output train = classifier.run(trainX, nt);
        out.put("frechet_distance_train_vs_test", ModelEvaluator.round(FrechetDistance.between(train.features(), nt,
                real.features(), n, DigitClassifier.FEATURES)));
        out.put("class_histogram", histogram(gen.probabilities(), s));
        if (density != null) {
            putDensityMetrics(out, model, density, classifier, real, n, seed);
        }
        return out;
    }

    /** The sample metrics again, for z drawn from the latent density fitted to E(x) instead of the prior. */
    private static void putDensityMetrics(Map<String, Object> out, BiGan model, GaussianMixture density,
            DigitClassifier classifier, DigitClassifier.Output real, int n, long seed) {
        int s = ModelEvaluator.SAMPLE_COUNT;
        DigitClassifier.Output fitted = classifier.run(model.generate(density.sample(s, seed), s), s);
        out.put("classifier_score_fitted_density", ModelEvaluator.round(classifierScore(fitted.probabilities(), s)));
        out.put("frechet_distance_fitted_density", ModelEvaluator.round(FrechetDistance.between(fitted.features(), s,
                real.features(), n, DigitClassifier.FEATURES)));
        out.put("class_histogram_fitted_density", histogram(fitted.probabilities(), s));
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
            int[] order = DigitClassifier.shuffled(n, rng);
            for (int i = 0; i < n; i++) {
                out[i * d + k] = z[order[i] * d + k];
            }
        }
        return out;
    }

    /** exp(E_x KL(p(y|x) || p(y))): the inception score computed with the digit classifier. */
    static double classifierScore(float[] probs, int n) {
        double[] marginal = new double[10];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 10; k++) {
                marginal[k] += probs[i * 10 + k] / n;
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 10; k++) {
                double p = probs[i * 10 + k];
                if (p > 1e-12) {
                    kl += p * (Math.log(p) - Math.log(marginal[k]));
                }
            }
        }
        return Math.exp(kl / n);
    }

    /** Fraction of samples the classifier puts in each class. */
    static double[] histogram(float[] probs, int n) {
        double[] h = new double[10];
        for (int i = 0; i < n; i++) {
            h[argmax(probs, i, 10)] += 1.0 / n;
        }
        for (int k = 0; k < 10; k++) {
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
