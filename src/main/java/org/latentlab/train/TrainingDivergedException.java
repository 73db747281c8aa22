package org.latentlab.train;

/** Training produced a non-finite loss; the model after this step is unusable. */
public final class TrainingDivergedException extends RuntimeException {
    private final long step;

    public TrainingDivergedException(long step, StepStats stats) {
        super(String.format("Training diverged at step %d (D loss %s, G+E loss %s, cycle loss %s). Try a lower"
                + " learning rate; the last good checkpoint was kept.", step, stats.lossD(), stats.lossGE(),
                        stats.lossCycle()));
        this.step = step;
    }

    public long step() {
        return step;
    }
}
