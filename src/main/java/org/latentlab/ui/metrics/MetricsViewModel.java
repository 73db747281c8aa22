package org.latentlab.ui.metrics;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.engine.LatentEngine;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.UserMessages;

/** Runs the evaluation of the loaded (or training) model in the background and lists the figures. */
public final class MetricsViewModel {
    /** One metric as shown: its name, value and what it is compared with. */
    public record Row(String name, String value, String reference) {}

    /** A class histogram of samples: which latent source they came from, and each class's share. */
    public record Histogram(String source, double[] shares) {}

    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("one_nn_accuracy", new String[] {"Encoder 1-NN accuracy (cosine)",
                    "on MNIST: the BiGAN paper 97.39% (50-d), raw pixels 97.23%"}),
            Map.entry("linear_probe_accuracy", new String[] {"Linear probe accuracy on E(x)", ""}),
            Map.entry("recon_mse", new String[] {"Reconstruction MSE per pixel", "lower is better"}),
            Map.entry("recon_distance_ratio", new String[] {"‖x − G(E(x))‖ / random-pair distance",
                    "1 = no better than a random image"}),
            Map.entry("recon_classifier_accuracy", new String[] {"Classifier accuracy on G(E(x))",
                    "how often a reconstruction keeps its class"}),
            Map.entry("classifier_score", new String[] {"Classifier score of samples, z from the prior",
                    "on MNIST: ALI 8.75, ALICE 9.28; higher is better"}),
            Map.entry("classifier_score_fitted_density",
                    new String[] {"Classifier score of samples, z from the fitted density",
                    "higher is better; 10 is the most for ten classes"}),
            Map.entry("frechet_distance_fitted_density",
                    new String[] {"Fréchet distance samples (fitted density) vs test",
                    "lower is better"}),
            Map.entry("classifier_score_reconstructions", new String[] {"Classifier score of G(E(x))",
                    "what G draws from real images' codes"}),
            Map.entry("classifier_score_shuffled_codes", new String[] {"Classifier score, E(x) shuffled per dimension",
                    "if as low as the samples', the prior reaches codes E never makes"}),
            Map.entry("classifier_score_test_set", new String[] {"Classifier score of the test set",
                    "real data ≈ 9.88"}),
            Map.entry("frechet_distance",
                    new String[] {"Fréchet distance samples (prior) vs test", "lower is better"}),
            Map.entry("frechet_distance_train_vs_test", new String[] {"Fréchet distance train vs test", "the floor"}),
            Map.entry("seconds", new String[] {"Evaluation time (s)", ""}));

    /** Not a row of its own: it names the temperature in the fitted density's rows and histogram. */
    private static final String TEMPERATURE_KEY = "density_temperature";

    private final LatentEngine engine;
    private final Background background;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Histogram> histograms = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(
            "Run the evaluation to measure the current model.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    public MetricsViewModel(LatentEngine engine, Background background) {
        this.engine = engine;
        this.background = background;
    }

    public void evaluate() {
        if (running.get()) {
            return;
        }
        running.set(true);
        message.set("Evaluating on the test set (about a minute)…");
        background.await(engine.evaluate(), this::show, e -> {
            running.set(false);
            message.set(UserMessages.of(e));
        });
    }

    void show(Map<String, Object> m) {
        rows.clear();
        histograms.clear();
        String fitted = m.get(TEMPERATURE_KEY) instanceof Number t
                ? "fitted density at temperature "
                + BigDecimal.valueOf(t.doubleValue()).stripTrailingZeros().toPlainString() : "fitted density";
        m.forEach((k, v) -> {
            if (v instanceof double[] h) {
                histograms.add(new Histogram(k.endsWith("fitted_density") ? "z from the "
                        + fitted : "z from the prior", h));
            } else if (v instanceof Number n && !k.equals(TEMPERATURE_KEY)) {
                String[] label = LABELS.getOrDefault(k, new String[] {k, ""});
                rows.add(new Row(label[0].replace("fitted density", fitted), format(k, n.doubleValue()), label[1]));
            }
        });
        running.set(false);
        message.set("Evaluated.");
    }

    static String format(String key, double v) {
        if (key.endsWith("accuracy")) {
            return String.format(Locale.ROOT, "%.2f%%", 100 * v);
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.1f" : "%.4f", v);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /**
     * One histogram per latent source the evaluation sampled: the prior, and the fitted density if
     * the model has one.
     */
    public ObservableList<Histogram> histograms() {
        return histograms;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
