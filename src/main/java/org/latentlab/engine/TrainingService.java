package org.latentlab.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Starts and steers a training run on its own thread; events come back through {@link TrainingEvents}. */
public interface TrainingService {
    /** Starts a run; refuses while one is running. */
    void start(TrainingRequest request, TrainingEvents events);

    void pause();

    void resume();

    /** Ends the run after its current step; the last checkpoint is saved and the density fitted. */
    void stop();

    /** Ends the run for closing the window: the last checkpoint is saved, the density fit skipped. */
    void stopForExit();

    /** After a failed save: the run's next checkpoints go to {@code dir}, from when it is resumed. */
    void redirectCheckpoints(Path dir);

    /**
     * Copies a checkpoint folder (the window's "Save checkpoint as…" while no run is going);
     * refuses a target that exists and is not a checkpoint.
     */
    void copyCheckpoint(Path source, Path target) throws IOException;

    /**
     * Saves the running model as it is now (after its current step; also while paused) into
     * {@code target}; fails when no run is going or the target is refused.
     */
    CompletableFuture<Path> saveRunningModel(Path target);
}
