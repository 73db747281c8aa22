package org.latentlab.ui.training;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.train.TrainingProgress;
import org.latentlab.train.TrainingSnapshot;
import org.latentlab.ui.common.FxImages;

/**
 * What the training tab draws of a run: the chart series, filled on the training thread (each
 * store is synchronised), and the recorded sample and reconstruction grids with the scrubber's
 * selection, changed on the FX thread only.
 */
final class TrainingHistory {
    static final int GRID_HISTORY = 200;
    private final SeriesStore lossD = new SeriesStore();
    private final SeriesStore lossGE = new SeriesStore();
    private final SeriesStore dReal = new SeriesStore();
    private final SeriesStore dFake = new SeriesStore();
    private final SeriesStore reconError = new SeriesStore();
    private final ObservableList<GridFrame> frames = FXCollections.observableArrayList();
    private final IntegerProperty selectedFrame = new SimpleIntegerProperty(-1);
    private boolean followLatest = true; // FX thread

    TrainingHistory() {
        selectedFrame.addListener((o, a, b) -> followLatest = b.intValue() == frames.size() - 1);
    }

    /** Training thread. */
    void record(TrainingProgress p) {
        lossD.add(p.step(), p.lossD());
        lossGE.add(p.step(), p.lossGE());
        dReal.add(p.step(), p.dReal());
        dFake.add(p.step(), p.dFake());
    }

    /** Training thread: records the reconstruction error and builds the grids' images off the FX thread. */
    GridFrame frameOf(TrainingSnapshot s) {
        var c = s.config();
        reconError.add(s.step(), s.reconstructionMse());
        int n = s.realCount();
        float[] pairs = new float[2 * n * c.pixels()]; // real x and G(E(x)) side by side
        for (int i = 0; i < n; i++) {
            System.arraycopy(s.reals(), i * c.pixels(), pairs, 2 * i * c.pixels(), c.pixels());
            System.arraycopy(s.reconstructions(), i * c.pixels(), pairs, (2 * i + 1) * c.pixels(), c.pixels());
        }
        return new GridFrame(s.step(), FxImages.grid(s.samples(), s.sampleCount(), 8, c.channels(), c.imageSize(), 2),
                FxImages.grid(pairs, 2 * n, 8, c.channels(), c.imageSize(), 2), s.reconstructionMse());
    }

    /** FX thread: keeps the newest GRID_HISTORY frames; the scrubber follows the newest unless moved back. */
    void addFrame(GridFrame f) {
        if (frames.size() >= GRID_HISTORY) {
            frames.remove(0);
        }
        frames.add(f);
        if (followLatest) {
            selectedFrame.set(frames.size() - 1);
        }
    }

    /** FX thread, before a new run. */
    void clear() {
        for (SeriesStore s : new SeriesStore[] {lossD, lossGE, dReal, dFake, reconError}) {
            s.clear();
        }
        frames.clear();
        selectedFrame.set(-1);
        followLatest = true;
    }

    SeriesStore series(String name) {
        return switch (name) {
            case "lossD" -> lossD;
            case "lossGE" -> lossGE;
            case "dReal" -> dReal;
            case "dFake" -> dFake;
            case "recon" -> reconError;
            default -> throw new IllegalArgumentException(name);
        };
    }

    ObservableList<GridFrame> frames() {
        return frames;
    }

    IntegerProperty selectedFrameProperty() {
        return selectedFrame;
    }
}
