package org.latentlab.ui.training;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.latentlab.engine.LatentEngine;
import org.latentlab.ui.common.Background;

/**
 * "Save checkpoint as…": which model the window shows (loaded, or the run's newest), at which
 * step, and saving it as it is now, from the running trainer or from its checkpoint on disk.
 */
final class CheckpointSaving {
    private final LatentEngine engine;
    private final Background background;
    private final ReadOnlyObjectWrapper<Path> lastCheckpoint = new ReadOnlyObjectWrapper<>();
    private long modelStep; // FX thread: the step of the model shown

    /** {@code idle} says whether no run is going: a model opened then is the one to save. */
    CheckpointSaving(LatentEngine engine, Background background, BooleanSupplier idle) {
        this.engine = engine;
        this.background = background;
        engine.subscribe(change -> background.onUiThread(() -> {
            modelStep = change.info().step();
            if (change.loaded() && change.info().source() != null && idle.getAsBoolean()) {
                lastCheckpoint.set(change.info().source());
            }
        }));
    }

    void shown(Path checkpoint) {
        lastCheckpoint.set(checkpoint);
    }

    void stepReached(long step) {
        modelStep = step;
    }

    ReadOnlyObjectProperty<Path> lastCheckpointProperty() {
        return lastCheckpoint.getReadOnlyProperty();
    }

    /**
     * Saves into {@code target}: the running trainer's weights after its current step when
     * {@code running}, else the checkpoint shown. {@code saved} and {@code failed} run on the UI thread.
     */
    void save(boolean running, Path target, Consumer<String> working, Consumer<Path> saved,
            Consumer<Throwable> failed) {
        if (running) {
            working.accept("Saving the model at step " + modelStep + " to " + target + "…");
            background.await(engine.training().saveRunningModel(target), saved, failed);
            return;
        }
        Path source = lastCheckpoint.get();
        if (source == null) {
            failed.accept(new IllegalStateException("There is no model to save yet: open one or start training."));
            return;
        }
        background.run(() -> {
            engine.training().copyCheckpoint(source, target);
            return target;
        }, saved, failed);
    }

    /** The run's (or model's) name and the step it is at, for the save dialog. */
    String suggestedName(Path outDir) {
        Path run = lastCheckpoint.get() != null ? lastCheckpoint.get() : outDir;
        String name = run == null || run.getFileName() == null ? "model" : run.getFileName().toString();
        if (name.startsWith("step-") && run.getParent() != null && run.getParent().getFileName() != null) {
            name = run.getParent().getFileName().toString();
        }
        return name + "-step-" + modelStep;
    }
}
