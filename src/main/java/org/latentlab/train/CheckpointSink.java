package org.latentlab.train;

import java.io.IOException;
import java.nio.file.Path;
import org.latentlab.data.DataDescription;

/** Where a {@link TrainingLoop} writes its checkpoints (the checkpoint package's store implements it). */
public interface CheckpointSink {
    /** Saves the trainer's full state; returns the checkpoint written. */
    Path save(BiGanTrainer trainer, DataDescription data, String command) throws IOException;

    /**
     * Saves the trainer's full state into {@code target}, outside the run's folder and its
     * pruning (the user's "Save checkpoint as…"); returns the folder written.
     */
    Path saveCopy(BiGanTrainer trainer, DataDescription data, String command, Path target) throws IOException;

    /** Adds a point to the run's loss history; false when it could not be written (the run goes on). */
    default boolean recordLosses(LossPoint point) {
        return true;
    }

    /** Adds a reconstruction error to the run's history; false when it could not be written. */
    default boolean recordReconstruction(ReconstructionPoint point) {
        return true;
    }

    /** The folder checkpoints go to, for messages. */
    Path dir();

    /** The same run, writing to another folder from now on (after a failed save, the user's choice). */
    CheckpointSink elsewhere(Path dir) throws IOException;
}
