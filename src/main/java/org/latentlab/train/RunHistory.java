package org.latentlab.train;

import java.util.List;

/**
 * What a run's folder kept of its course, oldest first: its losses and its reconstruction error.
 * Opening the run later draws the training tab's charts from it.
 */
public record RunHistory(List<LossPoint> losses, List<ReconstructionPoint> reconstructions) {
    public static final RunHistory NONE = new RunHistory(List.of(), List.of());

    public RunHistory {
        losses = List.copyOf(losses);
        reconstructions = List.copyOf(reconstructions);
    }
}
