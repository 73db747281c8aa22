package org.latentlab.engine;

import java.nio.file.Path;
import org.latentlab.train.TrainingProgress;
import org.latentlab.train.TrainingSnapshot;

/** Training events for the UI, delivered on the training thread as plain values. */
public interface TrainingEvents {
    /** Images of the run's data decoded so far (an image folder the first time), before {@link #started}. */
    default void loadingData(int done, int total) {}

    /** The run has its model and data and writes its checkpoints to {@code outDir}. */
    default void started(Path outDir) {}

    void progress(TrainingProgress progress);

    void snapshot(TrainingSnapshot snapshot);

    void checkpoint(Path path, long step);

    /** The run's steps are done; a latent density is being fitted to its encoder (seconds) before it finishes. */
    default void fittingDensity() {}

    /** A warning while the run goes on (a collapse, for one), in words for the user. */
    default void warning(String message) {}

    /**
     * A checkpoint could not be saved; the run is paused with its model in memory and tries again
     * when resumed. The message is for the user.
     */
    default void checkpointFailed(String message) {}

    /** The run ended normally or by request; {@code checkpoint} is its last checkpoint (or null). */
    void finished(long step, boolean stopped, Path checkpoint);

    /** The run failed; the message is for the user. */
    void failed(String message);
}
