package org.latentlab.ui.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.ModelInfo;
import org.latentlab.eval.EvaluationProgress;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.UserMessages;

/** Runs the evaluation of the loaded (or training) model in the background and lists the figures. */
public final class MetricsViewModel {
    /** One metric as shown: its name, value, what it is compared with, and a line of help. */
    public record Row(String name, String value, String reference, String help) {}

    /** A class histogram of samples: which latent source they came from, and each class's share. */
    public record Histogram(String source, double[] shares) {}

    /** Not a row of its own: it names the temperature in the fitted density's rows and histogram. */
    private static final String TEMPERATURE_KEY = "density_temperature";
    /** Why there are no classifier scores, when there are none: shown with the message. */
    private static final String NOTE_KEY = "classifier_note";
    private static final String CLASS_NAMES_KEY = "class_names";

    private final LatentEngine engine;
    private final Background background;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Histogram> histograms = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(
            "Run the evaluation to measure the current model.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final ObservableList<String> classNames = FXCollections.observableArrayList();
    private boolean mnist;

    public MetricsViewModel(LatentEngine engine, Background background) {
        this.engine = engine;
        this.background = background;
        if (engine != null) {
            engine.subscribe(change -> background.onUiThread(() -> modelChanged(change.info())));
        }
    }

    /** A model of other data: published MNIST figures no longer apply. */
    void modelChanged(ModelInfo info) {
        mnist = info.data().isMnist();
    }

    public void evaluate() {
        if (running.get()) {
            return;
        }
        running.set(true);
        cancelRequested.set(false);
        progress.set(0);
        message.set("Evaluating on the test set (about a minute)…");
        background.await(engine.evaluate(stages()), this::show, e -> {
            running.set(false);
            progress.set(0);
            message.set(cancelled(e) ? "Evaluation cancelled." : UserMessages.of(e));
        });
    }

    /** Stops the evaluation at its next check ({@link EvaluationProgress}); the figures shown stay. */
    public void cancel() {
        if (running.get()) {
            cancelRequested.set(true);
            message.set("Cancelling…");
        }
    }

    private EvaluationProgress stages() {
        return new EvaluationProgress() {
            @Override
            public void started(String what, int index, int count) {
                background.onUiThread(() -> {
                    if (!cancelRequested.get()) {
                        progress.set((index - 1) / (double) count);
                        message.set("Stage " + index + " of " + count + ": " + what + "…");
                    }
                });
            }

            @Override
            public boolean cancelled() {
                return cancelRequested.get();
            }
        };
    }

    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    void show(Map<String, Object> m) {
        rows.clear();
        histograms.clear();
        Object note = m.get(NOTE_KEY);
        // The evaluated data's class names (the model's recorded ones where the data only number theirs).
        classNames.setAll(m.get(CLASS_NAMES_KEY) instanceof String[] names ? names : new String[0]);
        String fitted = m.get(TEMPERATURE_KEY) instanceof Number t
                ? "fitted density at temperature "
                + BigDecimal.valueOf(t.doubleValue()).stripTrailingZeros().toPlainString() : "fitted density";
        m.forEach((k, v) -> {
            if (v instanceof double[] h) {
                histograms.add(new Histogram(k.endsWith("fitted_density") ? "z from the "
                        + fitted : "z from the prior", h));
            }
        });
        m.keySet().stream().filter(k -> m.get(k) instanceof Number && !k.equals(TEMPERATURE_KEY))
                .sorted(Comparator.comparingInt(MetricsViewModel::rank))
                .forEach(k -> rows.add(new Row(MetricLabels.name(k).replace("fitted density", fitted),
                        format(k, ((Number) m.get(k)).doubleValue()),
                        MetricLabels.reference(k, m, classNames.size(), mnist), MetricLabels.help(k))));
        running.set(false);
        progress.set(1);
        message.set(note instanceof String s ? "Evaluated. Note: " + s : "Evaluated.");
    }

    /** Where a figure goes in the table: in {@link MetricLabels#ORDER}, unknown ones last. */
    private static int rank(String key) {
        int i = MetricLabels.ORDER.indexOf(key);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /**
     * One format for every figure: shares and accuracies as percentages with two decimals, every
     * other number to three significant digits (0.0111, 7.37, 27.9, 0.182: a distance of 0.18 no
     * longer reads "0.2" beside one of 27.9).
     */
    static String format(String key, double v) {
        if (key.contains("accuracy") || key.contains("share") || key.contains("fraction")) {
            return String.format(Locale.ROOT, "%.2f%%", 100 * v);
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** How far the evaluation is: 0 to 1, by stage. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The evaluated data's class names, for the histogram's bars (empty: the bars are numbered). */
    public ObservableList<String> classNames() {
        return classNames;
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
