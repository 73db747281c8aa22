package org.latentlab.train;

/**
 * What one training step measured.
 *
 * @param dReal mean D(x, E(x)) as a probability
 * @param dFake mean D(G(z), z) as a probability
 */
public record StepStats(long step, float lossD, float lossGE, float dReal, float dFake) {
    public boolean finite() {
        return Float.isFinite(lossD) && Float.isFinite(lossGE);
    }
}
