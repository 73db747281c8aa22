package org.latentlab.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.latentlab.train.LossPoint;
import org.latentlab.train.RunHistory;
import org.latentlab.train.TrainingProgress;
import org.latentlab.train.SampleGrids;
import org.latentlab.ui.common.FxImages;

/**
 * What the training tab draws of a run: the chart series, filled on the training thread (each
 * store is synchronised), and the recorded sample and reconstruction grids with the scrubber's
 * selection, changed on the FX thread only.
 */
public final class TrainingHistory {
    /**
     * The memory the recorded grids may take. Counting frames (200 once) took about 350 MB at
     * 28 px, 1.7 GB at 64 px and more than the heap at 256 px; a byte budget holds at every size.
     */
    static final long GRID_BUDGET_BYTES = 256L << 20;
    private final SeriesStore lossD = new SeriesStore();
    private final SeriesStore lossGE = new SeriesStore();
    private final SeriesStore dReal = new SeriesStore();
    private final SeriesStore dFake = new SeriesStore();
    private final SeriesStore reconError = new SeriesStore();
    private final ObservableList<GridFrame> frames = FXCollections.observableArrayList();
    private final IntegerProperty selectedFrame = new SimpleIntegerProperty(-1);
    private final DoubleBinding selectedStep = Bindings.createDoubleBinding(() -> selectedFrame.get() >= 0
            && selectedFrame.get() < frames.size() ? frames.get(selectedFrame.get()).step() : Double.NaN,
            selectedFrame, frames);
    private boolean followLatest = true; // FX thread
    private long frameBytes; // FX thread

    TrainingHistory() {
        selectedFrame.addListener((o, a, b) -> followLatest = b.intValue() == frames.size() - 1);
    }

    /** Training thread. */
    void record(TrainingProgress p) {
        add(LossPoint.of(p));
    }

    /** A run's losses and reconstruction errors as its history kept them (an opened model's), after {@link #clear}. */
    void show(RunHistory kept) {
        kept.losses().forEach(this::add);
        kept.reconstructions().forEach(p -> reconError.add(p.step(), p.mse()));
    }

    private void add(LossPoint p) {
        lossD.add(p.step(), p.lossD());
        lossGE.add(p.step(), p.lossGE());
        dReal.add(p.step(), p.dReal());
        dFake.add(p.step(), p.dFake());
    }

    /**
     * Training thread (or the FX thread for an opened model's grids): records the reconstruction
     * error and builds the grids' images.
     */
    GridFrame frameOf(SampleGrids s) {
        var c = s.config();
        Image pairGrid = null;
        if (s.hasReals()) {
            reconError.addAfter(s.step(), s.reconstructionMse()); // an opened run's history may hold this step
            int n = s.realCount();
            float[] pairs = new float[2 * n * c.pixels()]; // real x and G(E(x)) side by side
            for (int i = 0; i < n; i++) {
                System.arraycopy(s.reals(), i * c.pixels(), pairs, 2 * i * c.pixels(), c.pixels());
                System.arraycopy(s.reconstructions(), i * c.pixels(), pairs, (2 * i + 1) * c.pixels(), c.pixels());
            }
            pairGrid = FxImages.grid(pairs, 2 * n, 8, c.channels(), c.imageSize(), 2);
        }
        return new GridFrame(s.step(), FxImages.grid(s.samples(), s.sampleCount(), 8, c.channels(), c.imageSize(), 2),
                s.densitySamples() == null ? null
                        : FxImages.grid(s.densitySamples(), s.sampleCount(), 8, c.channels(), c.imageSize(), 2),
                pairGrid, s.reconstructionMse());
    }

    /**
     * FX thread: records a frame within {@link #GRID_BUDGET_BYTES}; when full, every second older
     * frame is dropped, so the history thins out evenly over the whole run rather than forgetting
     * its start. The scrubber follows the newest unless moved back.
     */
    void addFrame(GridFrame f) {
        while (frameBytes + f.bytes() > GRID_BUDGET_BYTES && frames.size() > 1) {
            thin();
        }
        if (frameBytes + f.bytes() > GRID_BUDGET_BYTES && !frames.isEmpty()) {
            frameBytes -= frames.remove(0).bytes(); // one frame alone over budget: keep only the newest
        }
        frames.add(f);
        frameBytes += f.bytes();
        if (followLatest) {
            selectedFrame.set(frames.size() - 1);
        }
    }

    /**
     * Drops frames 1, 3, 5, … (the first and the newest stay); the selection stays on its frame or
     * the one before.
     */
    private void thin() {
        GridFrame selected = selectedFrame.get() >= 0
                && selectedFrame.get() < frames.size() ? frames.get(selectedFrame.get()) : null;
        List<GridFrame> kept = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (i % 2 == 0 || i == frames.size() - 1) {
                kept.add(frames.get(i));
            }
        }
        frames.setAll(kept);
        frameBytes = kept.stream().mapToLong(GridFrame::bytes).sum();
        if (!followLatest && selected != null) {
            int at = kept.indexOf(selected);
            selectedFrame.set(at >= 0 ? at : Math.max(0, Math.min(kept.size() - 1, selectedFrame.get() / 2)));
        }
    }

    /** FX thread, before a new run; a continued run keeps the charts drawn so far (its history). */
    void clear(boolean keepCharts) {
        if (!keepCharts) {
            for (SeriesStore s : new SeriesStore[] {lossD, lossGE, dReal, dFake, reconError}) {
                s.clear();
            }
        }
        frames.clear();
        frameBytes = 0;
        selectedFrame.set(-1);
        followLatest = true;
    }

    /**
     * {first, last} step over every chart's series, the step axis they share; NaNs when all are
     * empty. The four loss series share their steps (one {@link LossPoint} each), so lossD stands
     * for them.
     */
    public double[] stepSpan() {
        double first = Double.NaN;
        double last = Double.NaN;
        for (SeriesStore s : new SeriesStore[] {lossD, reconError}) {
            double[] span = s.stepSpan();
            if (!Double.isNaN(span[0])) {
                first = Double.isNaN(first) ? span[0] : Math.min(first, span[0]);
                last = Double.isNaN(last) ? span[1] : Math.max(last, span[1]);
            }
        }
        return new double[] {first, last};
    }

    public SeriesStore series(String name) {
        return switch (name) {
            case "lossD" -> lossD;
            case "lossGE" -> lossGE;
            case "dReal" -> dReal;
            case "dFake" -> dFake;
            case "recon" -> reconError;
            default -> throw new IllegalArgumentException(name);
        };
    }

    public ObservableList<GridFrame> frames() {
        return frames;
    }

    public IntegerProperty selectedFrameProperty() {
        return selectedFrame;
    }

    /** The step of the grids shown (the charts' cursor), or NaN before the first grids. */
    public DoubleBinding selectedStepProperty() {
        return selectedStep;
    }

    /**
     * Shows the recorded grids nearest {@code step} (typed, or clicked on a chart); returns their
     * step, or -1 when nothing is recorded yet.
     */
    public long selectStep(double step) {
        int best = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (best < 0 || Math.abs(frames.get(i).step() - step) < Math.abs(frames.get(best).step() - step)) {
                best = i;
            }
        }
        selectedFrame.set(best);
        return best < 0 ? -1 : frames.get(best).step();
    }

    /** Shows the next recorded grids (Play); false, and nothing moves, at the newest. */
    public boolean next() {
        if (selectedFrame.get() + 1 >= frames.size()) {
            return false;
        }
        selectedFrame.set(selectedFrame.get() + 1);
        return true;
    }
}
