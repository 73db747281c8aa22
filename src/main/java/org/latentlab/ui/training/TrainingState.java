package org.latentlab.ui.training;

/** What the training worker is doing, as the window shows it. */
public enum TrainingState {
    IDLE, RUNNING, PAUSED, STOPPING
}
