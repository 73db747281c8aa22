package org.latentlab.train;

/**
 * What one training step measured.
 *
 * @param lossGE the adversarial part of the G+E loss (comparable with lossD)
 * @param lossCycle the weighted cycle terms added to it (0 when both weights are 0)
 * @param dReal mean D(x, E(x)) as a probability
 * @param dFake mean D(G(z), z) as a probability
 */
public record StepStats(long step, float lossD, float lossGE, float lossCycle, float dReal, float dFake) {
    public boolean finite() {
        return Float.isFinite(lossD) && Float.isFinite(lossGE) && Float.isFinite(lossCycle);
    }
}
