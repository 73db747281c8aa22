package org.latentlab.train;

import java.nio.file.Path;

/** Receives events from a {@link TrainingLoop}, on the training thread. Keep handlers short. */
public interface TrainingListener {
    default void onProgress(TrainingProgress progress) {}

    default void onSnapshot(TrainingSnapshot snapshot) {}

    default void onCheckpoint(Path checkpoint, long step) {}
}
