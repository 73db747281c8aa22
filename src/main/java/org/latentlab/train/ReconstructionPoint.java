package org.latentlab.train;

/**
 * The reconstruction error of a run's fixed real batch at one step, as its history keeps it: the
 * mean squared error per pixel between x and G(E(x)), measured with each progress grid.
 */
public record ReconstructionPoint(long step, float mse) {}
