package org.latentlab.ui.training;

import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.train.TrainingProgress;

/**
 * How far a run is, for the training tab: the progress bar, its text, and the version the charts
 * redraw on. Progress events come many times a second; {@link #due} lets at most 10 a second
 * through to the UI.
 */
final class RunProgress {
    static final long UI_INTERVAL_NANOS = 100_000_000L;

    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper chartVersion = new ReadOnlyIntegerWrapper(0);
    private volatile long lastUiUpdate;

    /** Training thread: whether this event should reach the UI (the last step always does). */
    boolean due(TrainingProgress p) {
        long now = System.nanoTime();
        if (now - lastUiUpdate >= UI_INTERVAL_NANOS || p.step() == p.totalSteps()) {
            lastUiUpdate = now;
            return true;
        }
        return false;
    }

    /** UI thread: shows {@code p}; returns the line of losses for the status. */
    String show(TrainingProgress p) {
        fraction.set(p.step() / (double) p.totalSteps());
        double left = p.secondsLeft();
        text.set(String.format(Locale.ROOT, "step %,d / %,d · %.1f steps/s · %s left",
                p.step(), p.totalSteps(), p.stepsPerSecond(), Double.isFinite(left) ? duration(left) : "?"));
        chartsChanged();
        return String.format(Locale.ROOT,
                "Training: D loss %.3f, G+E loss %.3f, cycle %.2f, D(x,E(x)) %.2f, D(G(z),z) %.2f",
                p.lossD(), p.lossGE(), p.lossCycle(), p.dReal(), p.dFake());
    }

    /** UI thread: the run's images are being decoded, {@code done} of {@code total} so far; returns the status. */
    String showLoading(int done, int total) {
        fraction.set(done / (double) total);
        text.set(String.format(Locale.ROOT, "decoding images · %.0f %%", 100.0 * done / total));
        return String.format(Locale.ROOT, "Decoding the images: %,d of %,d (once per image size)…", done, total);
    }

    /** UI thread: a new run starts from nothing. */
    void clear() {
        fraction.set(0);
        text.set("");
        chartsChanged();
    }

    /** UI thread: the run ended; its time estimate is no longer true. */
    void ended(long step, boolean stopped) {
        text.set(String.format(Locale.ROOT, "%s at step %,d", stopped ? "stopped" : "finished", step));
        chartsChanged();
    }

    void chartsChanged() {
        chartVersion.set(chartVersion.get() + 1);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty chartVersionProperty() {
        return chartVersion.getReadOnlyProperty();
    }
}
