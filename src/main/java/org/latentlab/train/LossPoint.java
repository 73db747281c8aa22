package org.latentlab.train;

/**
 * A run's losses at one step, as its loss history keeps them (averages over the steps since the
 * point before, as {@link TrainingProgress} reports them; one step each in a PyTorch run's).
 *
 * @param lossGE adversarial part of the G+E loss; @param lossCycle its weighted cycle terms
 * @param dReal mean D(x, E(x)); @param dFake mean D(G(z), z)
 */
public record LossPoint(long step, float lossD, float lossGE, float lossCycle, float dReal, float dFake) {
    public static LossPoint of(TrainingProgress p) {
        return new LossPoint(p.step(), p.lossD(), p.lossGE(), p.lossCycle(), p.dReal(), p.dFake());
    }
}
