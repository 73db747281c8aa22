package org.latentlab.ui.training;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.engine.LatentEngine;
import org.latentlab.engine.ModelInfo;
import org.latentlab.engine.TrainingEvents;
import org.latentlab.engine.TrainingRequest;
import org.latentlab.train.SampleGrids;
import org.latentlab.train.TrainingProgress;
import org.latentlab.train.TrainingSnapshot;
import org.latentlab.ui.common.Background;
import org.latentlab.ui.common.UserMessages;

/** The training dashboard: settings, start/pause/stop, checkpoints, live charts (redrawn at most 10 times a second). */
public final class TrainingViewModel {
    static final int SNAPSHOT_EVERY = 100;
    static final int CHECKPOINT_EVERY = 1000;

    private final LatentEngine engine;
    private final Background background;
    private final TrainingSettings settings = new TrainingSettings();
    private final RunClosing closing = new RunClosing();
    private boolean saveFailed; // FX thread: paused because a checkpoint could not be written
    private final ReadOnlyObjectWrapper<TrainingState> state = new ReadOnlyObjectWrapper<>(TrainingState.IDLE);
    private final RunProgress progress = new RunProgress();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final TrainingHistory history = new TrainingHistory();
    private final ObjectProperty<Path> resumeFrom = new SimpleObjectProperty<>();
    private final CheckpointSaving saving;

    public TrainingViewModel(LatentEngine engine, Background background) {
        this.engine = engine;
        this.background = background;
        this.saving = new CheckpointSaving(engine, background, () -> state.get() == TrainingState.IDLE);
        settings.outDir.addListener((obs, old, dir) -> {
            if (saveFailed && dir != null && !dir.equals(old)) {
                engine.training().redirectCheckpoints(dir);
                status.set("Paused: Resume saves this run's checkpoints to " + dir + ".");
            }
        });
    }

    public TrainingSettings settings() {
        return settings;
    }

    public void start() {
        if (state.get() != TrainingState.IDLE) {
            return;
        }
        TrainingRequest request;
        try {
            request = settings.request(resumeFrom.get(), SNAPSHOT_EVERY, CHECKPOINT_EVERY);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            status.set("Cannot start: " + e.getMessage());
            return;
        }
        clearRun(resumeFrom.get() != null); // a continued run's charts go on from its history
        state.set(TrainingState.RUNNING);
        status.set(resumeFrom.get() != null ? "Resuming training from " + resumeFrom.get().getFileName() + "…"
                : "Starting training on " + settings.data.get() + "…");
        try {
            engine.training().start(request, new Events());
        } catch (IllegalStateException e) {
            state.set(TrainingState.IDLE);
            error.set(e.getMessage());
        }
    }

    public void pause() {
        if (state.get() == TrainingState.RUNNING) {
            engine.training().pause();
            state.set(TrainingState.PAUSED);
            status.set("Paused.");
        }
    }

    public void resume() {
        if (state.get() == TrainingState.PAUSED) {
            saveFailed = false;
            engine.training().resume();
            state.set(TrainingState.RUNNING);
            status.set("Training…");
        }
    }

    public void stop() {
        if (state.get() == TrainingState.RUNNING || state.get() == TrainingState.PAUSED) {
            engine.training().stop();
            engine.training().resume();
            state.set(TrainingState.STOPPING);
            status.set("Stopping after this step and saving a checkpoint…");
        }
    }

    /**
     * The window is closing: a run is stopped after its step, its last checkpoint saved (no density
     * fit) and {@code closeNow} run once it has ended; returns true when nothing runs (close at once).
     */
    public boolean closeRequested(Runnable closeNow) {
        return closing.request(state, engine.training(), status, closeNow);
    }

    /** Loads a checkpoint for exploring, and as the starting point of the next run. */
    public void loadCheckpoint(Path dir) {
        status.set("Loading " + dir.getFileName() + "…");
        background.await(engine.loadModel(dir), this::modelOpened, this::fail);
    }

    /** A model opened to explore (here, File menu, dropped folder): when no run goes on, Start continues it. */
    public void modelOpened(ModelInfo info) {
        if (state.get() != TrainingState.IDLE) {
            return;
        }
        if (info.trainable()) { // an imported generator is explored, not trained: the settings stay
            clearRun(false); // the previous run's charts and grids are not this model's
            history.show(info.history()); // its own, where its run kept them
            settings.show(info);
            resumeFrom.set(info.source());
            saving.shown(info.source());
            background.await(engine.openedGrids(), grids -> showOpenedGrids(info.source(), grids), this::fail);
        }
        status.set("Loaded " + info.describe() + (info.trainable()
                ? ". Start in the Training tab continues training it."
                : " for exploring: an imported generator is not trained here."));
    }

    /** The grids of a model opened from disk, unless a run started or another model came meanwhile. */
    private void showOpenedGrids(Path source, SampleGrids grids) {
        if (state.get() == TrainingState.IDLE && source.equals(resumeFrom.get()) && history.frames().isEmpty()) {
            history.addFrame(history.frameOf(grids));
        }
    }

    /** Saves the model into {@code target}: a run's weights after this step, else the checkpoint shown. */
    public void saveCheckpointAs(Path target) {
        boolean running = state.get() == TrainingState.RUNNING || state.get() == TrainingState.PAUSED;
        saving.save(running, target, status::set, t -> {
            error.set("");
            status.set("Saved the checkpoint to " + t + ".");
        }, this::fail);
    }

    /** A name for "Save checkpoint as…": the run's (or model's) name and the step it is at. */
    public String suggestedCheckpointName() {
        return saving.suggestedName(settings.outDir.get());
    }

    /** The next run starts from scratch, not from the loaded checkpoint. */
    public void forgetResume() {
        resumeFrom.set(null);
    }

    private void fail(Throwable t) {
        error.set(UserMessages.of(t));
        status.set(UserMessages.of(t));
    }

    private void clearRun(boolean keepCharts) {
        history.clear(keepCharts);
        error.set("");
        progress.clear();
    }

    private final class Events implements TrainingEvents {
        @Override
        public void loadingData(int done, int total) {
            if (done < total) { // an image folder's first time at this size; then it is cached
                background.onUiThread(() -> status.set(progress.showLoading(done, total)));
            }
        }

        @Override
        public void started(Path outDir) {
            background.onUiThread(() -> settings.outDir.set(outDir)); // a fresh run gets a folder of its own
        }

        @Override
        public void progress(TrainingProgress p) {
            history.record(p);
            if (progress.due(p)) {
                background.onUiThread(() -> showProgress(p));
            }
        }

        @Override
        public void snapshot(TrainingSnapshot s) {
            GridFrame f = history.frameOf(s.grids());
            background.onUiThread(() -> history.addFrame(f));
        }

        @Override
        public void checkpoint(Path path, long step) {
            background.onUiThread(() -> saving.shown(path));
        }

        @Override
        public void warning(String message) {
            background.onUiThread(() -> error.set(message));
        }

        @Override
        public void checkpointFailed(String message) {
            background.onUiThread(() -> {
                error.set(message);
                saveFailed = true;
                status.set("Paused: the checkpoint could not be saved. Free some disk space or choose another folder"
                        + " (Change folder…), then Resume to save again.");
                if (state.get() == TrainingState.RUNNING) {
                    state.set(TrainingState.PAUSED);
                }
            });
        }

        @Override
        public void fittingDensity() {
            background.onUiThread(
                    () -> status.set("Fitting the latent density to the encoder's codes, for sampling…"));
        }

        @Override
        public void finished(long step, boolean stopped, Path checkpoint) {
            background.onUiThread(() -> {
                if (checkpoint != null) {
                    saving.shown(checkpoint);
                    resumeFrom.set(checkpoint);
                }
                progress.ended(step, stopped);
                status.set((stopped ? "Stopped at step " : "Finished at step ") + step
                        + (checkpoint != null ? "; checkpoint " + checkpoint : "") + ".");
                state.set(TrainingState.IDLE); // last: whoever watches the state sees the final status
            });
        }

        @Override
        public void failed(String message) {
            background.onUiThread(() -> {
                error.set(message);
                status.set("Training stopped: " + message);
                state.set(TrainingState.IDLE);
            });
        }
    }

    private void showProgress(TrainingProgress p) {
        saving.stepReached(p.step());
        String losses = progress.show(p);
        if (state.get() == TrainingState.RUNNING) {
            status.set(losses);
        }
    }

    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.fractionProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progress.textProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty chartVersionProperty() {
        return progress.chartVersionProperty();
    }

    /** The run's loss series and progress grids (its charts and scrubber). */
    public TrainingHistory history() {
        return history;
    }

    public ObjectProperty<Path> resumeFromProperty() {
        return resumeFrom;
    }

    public ReadOnlyObjectProperty<Path> lastCheckpointProperty() {
        return saving.lastCheckpointProperty();
    }
}
