package org.latentlab.ui.training;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import org.latentlab.engine.TrainingService;

/**
 * The window closing while a run goes on: the run stops after its step, its last checkpoint is
 * saved (no density fit), and the window closes once the run has ended. FX thread only.
 */
final class RunClosing {
    private boolean asked; // the window waits for the run's last checkpoint

    /** Returns true when nothing runs (close at once); else stops the run and runs {@code closeNow} when it ends. */
    boolean request(ReadOnlyObjectWrapper<TrainingState> state, TrainingService training, StringProperty status,
            Runnable closeNow) {
        if (state.get() == TrainingState.IDLE) {
            return true;
        }
        if (asked) {
            return false; // asked again while the last checkpoint is being saved
        }
        asked = true;
        state.addListener((obs, old, now) -> {
            if (now == TrainingState.IDLE) {
                closeNow.run();
            }
        });
        if (state.get() != TrainingState.STOPPING) {
            training.stopForExit();
            training.resume();
            state.set(TrainingState.STOPPING);
        }
        status.set("Saving the last checkpoint before closing…");
        return false;
    }
}
