package org.latentlab.train;

import java.util.Locale;

/**
 * Averages over the steps since the previous progress event.
 *
 * @param lossGE adversarial part of the G+E loss; @param lossCycle its weighted cycle terms
 * @param dReal mean D(x, E(x)); @param dFake mean D(G(z), z)
 */
public record TrainingProgress(long step, long totalSteps, float lossD, float lossGE, float lossCycle, float dReal,
        float dFake,
        double stepsPerSecond, double elapsedSeconds) {

    public double secondsLeft() {
        return stepsPerSecond > 0 ? (totalSteps - step) / stepsPerSecond : Double.NaN;
    }

    public String line() {
        return String.format(Locale.ROOT,
                "step %d/%d  lossD %.4f  lossGE %.4f  cycle %.3f  D(x,E(x)) %.3f  D(G(z),z) %.3f  %.1f steps/s",
                step, totalSteps, lossD, lossGE, lossCycle, dReal, dFake, stepsPerSecond);
    }
}
