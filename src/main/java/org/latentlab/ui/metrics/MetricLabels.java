package org.latentlab.ui.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each evaluation figure is called in the Metrics tab and what it is compared with. The
 * comparisons come from the same evaluation where they can (the raw-pixel floor and the real test
 * set's score are measured on the model's own data); published figures are quoted for MNIST only.
 */
final class MetricLabels {
    /** The rows in the order they are shown: each figure next to what it is read against. */
    static final List<String> ORDER = List.of("one_nn_accuracy", "one_nn_accuracy_pixels", "linear_probe_accuracy",
            "recon_mse", "recon_distance_ratio", "recon_classifier_accuracy", "classifier_test_accuracy",
            "classifier_score_reconstructions", "classifier_score_shuffled_codes", "classifier_score",
            "classifier_score_fraction_of_test_set", "smallest_class_share", "frechet_distance",
            "classifier_score_fitted_density", "classifier_score_fitted_density_fraction_of_test_set",
            "smallest_class_share_fitted_density", "frechet_distance_fitted_density", "classifier_score_test_set",
            "frechet_distance_train_vs_test", "seconds");
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("one_nn_accuracy", "Encoder 1-NN accuracy (cosine)"),
            Map.entry("one_nn_accuracy_pixels", "1-NN accuracy of raw pixels"),
            Map.entry("linear_probe_accuracy", "Linear probe accuracy on E(x)"),
            Map.entry("recon_mse", "Reconstruction MSE per pixel"),
            Map.entry("recon_distance_ratio", "‖x − G(E(x))‖ / random-pair distance"),
            Map.entry("recon_classifier_accuracy", "Classifier accuracy on G(E(x))"),
            Map.entry("classifier_test_accuracy", "Classifier accuracy on the test set"),
            Map.entry("classifier_score", "Classifier score of samples, z from the prior"),
            Map.entry("classifier_score_fraction_of_test_set", "… as a share of the test set's score"),
            Map.entry("smallest_class_share", "Smallest class share of samples, z from the prior"),
            Map.entry("classifier_score_fitted_density", "Classifier score of samples, z from the fitted density"),
            Map.entry("classifier_score_fitted_density_fraction_of_test_set",
                    "… as a share of the test set's score (fitted density)"),
            Map.entry("smallest_class_share_fitted_density", "Smallest class share of samples, fitted density"),
            Map.entry("frechet_distance_fitted_density", "Fréchet distance samples (fitted density) vs test"),
            Map.entry("classifier_score_reconstructions", "Classifier score of G(E(x))"),
            Map.entry("classifier_score_shuffled_codes", "Classifier score, E(x) shuffled per dimension"),
            Map.entry("classifier_score_test_set", "Classifier score of the test set"),
            Map.entry("frechet_distance", "Fréchet distance samples (prior) vs test"),
            Map.entry("frechet_distance_train_vs_test", "Fréchet distance train vs test"),
            Map.entry("seconds", "Evaluation time (s)"));

    private MetricLabels() {}

    static String name(String key) {
        return NAMES.getOrDefault(key, key);
    }

    /**
     * The comparison for {@code key}, from the other figures of the same evaluation ({@code all}),
     * the number of classes, and whether the model is of MNIST (then published figures are quoted).
     */
    static String reference(String key, Map<String, Object> all, int classes, boolean mnist) {
        return switch (key) {
            case "one_nn_accuracy" -> percent(all.get("one_nn_accuracy_pixels"), "raw pixels ", " on these data")
                    + (mnist ? "; BiGAN paper on MNIST 97.39% (50-d)" : "");
            case "one_nn_accuracy_pixels" -> "the floor the encoder must rise above";
            case "recon_mse", "frechet_distance", "frechet_distance_fitted_density" -> "lower is better";
            case "recon_distance_ratio" -> "1 = no better than a random image";
            case "recon_classifier_accuracy" -> percent(all.get("classifier_test_accuracy"), "real test images ", "");
            case "classifier_score", "classifier_score_fitted_density" -> number(all.get("classifier_score_test_set"),
                    "the real test set ") + (mnist && key.equals("classifier_score") ? "; on MNIST ALI 8.75, ALICE 9.28"
                    : "");
            case "classifier_score_fraction_of_test_set", "classifier_score_fitted_density_fraction_of_test_set" ->
                    "1 = as varied and clear as real images";
            case "smallest_class_share", "smallest_class_share_fitted_density" -> classes > 0
                    ? String.format(Locale.ROOT, "%.1f%% if every class were drawn equally", 100.0 / classes) : "";
            case "classifier_score_test_set" -> classes > 0 ? classes + " is the most for " + classes + " classes" : "";
            case "classifier_score_reconstructions" -> "what G draws from real images' codes";
            case "classifier_score_shuffled_codes" ->
                    "if as low as the samples', the prior reaches codes E never makes";
            case "frechet_distance_train_vs_test" -> "the floor";
            default -> "";
        };
    }

    private static String percent(Object v, String before, String after) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%s%.2f%%%s", before, 100 * n.doubleValue(), after)
                : "";
    }

    private static String number(Object v, String before) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%s%.2f", before, n.doubleValue()) : "";
    }
}
