package org.latentlab.train;

import java.nio.file.Path;

/** Receives events from a {@link TrainingLoop}, on the training thread. Keep handlers short. */
public interface TrainingListener {
    default void onProgress(TrainingProgress progress) {}

    default void onSnapshot(TrainingSnapshot snapshot) {}

    default void onCheckpoint(Path checkpoint, long step) {}

    /** Something the user should know while the run goes on, in words (a collapse, for one). */
    default void onWarning(String message) {}

    /**
     * A checkpoint could not be written (a full disk, say); the previous one is intact and the
     * model is still in memory. Return true to pause the run and try again when it is resumed
     * (the window), false to end it with this message (the command line).
     */
    default boolean onCheckpointFailed(String message) {
        return false;
    }
}
