package org.latentlab.ui.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each evaluation figure is called in the Metrics tab and what it is compared with. The
 * comparisons come from the same evaluation where they can (the raw pixels' figures and the real test
 * set's score are measured on the model's own data); published figures are quoted for MNIST only.
 */
final class MetricLabels {
    /** Each figure's name, in the order the rows are shown: each next to what it is read against. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("one_nn_accuracy", "Encoder 1-NN accuracy (cosine)");
        NAMES.put("one_nn_accuracy_pixels", "1-NN accuracy of raw pixels");
        NAMES.put("linear_probe_accuracy", "Linear probe accuracy on E(x)");
        NAMES.put("linear_probe_accuracy_pixels", "Linear probe accuracy on raw pixels");
        NAMES.put("images_projected", "Test images encoded by projection (no encoder)");
        NAMES.put("codes_prior_mmd", "Distance of E(x) from the prior (MMD²)");
        NAMES.put("recon_mse", "Reconstruction MSE per pixel");
        NAMES.put("recon_distance_ratio", "‖x − G(E(x))‖ / random-pair distance");
        NAMES.put("recon_classifier_accuracy", "Classifier accuracy on G(E(x))");
        NAMES.put("classifier_test_accuracy", "Classifier accuracy on the test set");
        NAMES.put("classifier_score_reconstructions", "Classifier score of G(E(x))");
        NAMES.put("classifier_score_shuffled_codes", "Classifier score, E(x) shuffled per dimension");
        NAMES.put("classifier_score", "Classifier score of samples, z from the prior");
        NAMES.put("classifier_score_fraction_of_test_set", "… as a share of the test set's score");
        NAMES.put("smallest_class_share", "Smallest class share of samples, z from the prior");
        NAMES.put("frechet_distance", "Fréchet distance samples (prior) vs test");
        NAMES.put("classifier_score_fitted_density", "Classifier score of samples, z from the fitted density");
        NAMES.put("classifier_score_fitted_density_fraction_of_test_set",
                "… as a share of the test set's score (fitted density)");
        NAMES.put("smallest_class_share_fitted_density", "Smallest class share of samples, fitted density");
        NAMES.put("frechet_distance_fitted_density", "Fréchet distance samples (fitted density) vs test");
        NAMES.put("classifier_score_test_set", "Classifier score of the test set");
        NAMES.put("frechet_distance_train_vs_test", "Fréchet distance train vs test");
        NAMES.put("seconds", "Evaluation time (s)");
    }

    /** One line in plain words per figure: the table's tooltips. */
    private static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("one_nn_accuracy", "How often a test image's nearest training code (by angle) has its class:"
                    + " how well E(x) keeps what an image is"),
            Map.entry("one_nn_accuracy_pixels", "The same nearest-neighbour test on the raw pictures"),
            Map.entry("linear_probe_accuracy", "A linear classifier trained on E(x): are the classes separable in z?"),
            Map.entry("linear_probe_accuracy_pixels", "The same linear classifier trained on the raw pictures"),
            Map.entry("images_projected", "A generator without an encoder finds each code by gradient steps, so only"
                    + " these test images are encoded, and there are no encoder figures"),
            Map.entry("codes_prior_mmd", "How unlike the prior U(-1, 1) the codes of 2,000 test images are spread:"
                    + " the further, the less samples from the prior look like the data"),
            Map.entry("recon_mse", "Mean squared pixel error of the reconstructions G(E(x)) of test images"),
            Map.entry("recon_distance_ratio", "How far reconstructions are from their originals, relative to the"
                    + " distance between two random test images"),
            Map.entry("recon_classifier_accuracy", "How often the classifier still sees the right class in G(E(x))"),
            Map.entry("classifier_test_accuracy", "The judge's own accuracy on real test images"),
            Map.entry("classifier_score_reconstructions", "Inception-style score of G(E(x)): clear and varied is high"),
            Map.entry("classifier_score_shuffled_codes", "The score of G on codes mixed across images"),
            Map.entry("classifier_score", "Inception-style score of 10,000 samples with z from U(-1, 1): clear and"
                    + " varied is high"),
            Map.entry("classifier_score_fraction_of_test_set", "The samples' score divided by real images' score"),
            Map.entry("smallest_class_share", "The rarest class among the samples: low means mode collapse"),
            Map.entry("frechet_distance", "Distance between the classifier features of samples and of real images"),
            Map.entry("classifier_score_fitted_density", "The score of samples drawn where E puts real images"),
            Map.entry("classifier_score_fitted_density_fraction_of_test_set", "That score divided by real images'"),
            Map.entry("smallest_class_share_fitted_density", "The rarest class among those samples"),
            Map.entry("frechet_distance_fitted_density", "Feature distance of those samples from real images"),
            Map.entry("classifier_score_test_set", "The score of the real test images: what samples aim for"),
            Map.entry("frechet_distance_train_vs_test", "Feature distance of real training from real test images"),
            Map.entry("seconds", "How long this evaluation took"));

    /** The rows in the order they are shown. */
    static final List<String> ORDER = List.copyOf(NAMES.keySet());

    private MetricLabels() {}

    static String name(String key) {
        return NAMES.getOrDefault(key, key);
    }

    static String help(String key) {
        return HELP.getOrDefault(key, "");
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
            case "linear_probe_accuracy" -> percent(all.get("linear_probe_accuracy_pixels"), "raw pixels ",
                    " on these data");
            case "linear_probe_accuracy_pixels" -> "what a linear classifier of the pictures themselves reaches";
            case "recon_mse", "frechet_distance", "frechet_distance_fitted_density" -> "lower is better";
            case "codes_prior_mmd" -> "0 when E(x) is spread as the prior; lower is better";
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
