package org.latentlab.ui.training;

import javafx.beans.binding.BooleanBinding;

/**
 * What the run's controls may do now, for the training tab's buttons and the Training menu alike:
 * one rule for when Start, Pause/Resume and Stop apply.
 */
public final class RunActions {
    private final TrainingViewModel vm;
    private final BooleanBinding canStart;
    private final BooleanBinding runGoing;

    public RunActions(TrainingViewModel vm) {
        this.vm = vm;
        var state = vm.stateProperty();
        canStart = state.isEqualTo(TrainingState.IDLE).and(vm.settings().problemProperty().isEmpty());
        runGoing = state.isEqualTo(TrainingState.RUNNING).or(state.isEqualTo(TrainingState.PAUSED));
    }

    /** Nothing runs and the settings have no problem. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** A run is going or paused: Pause/Resume and Stop apply. */
    public BooleanBinding runGoingProperty() {
        return runGoing;
    }

    /** Pause while running, resume while paused. */
    public void pauseOrResume() {
        if (vm.stateProperty().get() == TrainingState.PAUSED) {
            vm.resume();
        } else {
            vm.pause();
        }
    }
}
