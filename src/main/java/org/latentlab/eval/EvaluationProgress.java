package org.latentlab.eval;

import java.util.concurrent.CancellationException;

/**
 * Where an evaluation is, stage by stage, and a way to stop it between stages. {@link #stage}
 * throws {@link CancellationException} once {@link #cancelled()} is true, so the evaluation stops
 * at the next stage boundary; the long computations inside a stage (the nearest neighbours' chunks,
 * the probe's iterations) call {@link #stopIfCancelled} between their pieces (the raw pixels' figures,
 * one stage of 35 s on MNIST, now stop within a chunk or an iteration).
 */
public interface EvaluationProgress {
    /** No one watching, nothing to cancel (the CLI). */
    EvaluationProgress NONE = (what, index, count) -> {};

    /** Stage {@code index} of {@code count} (from 1) begins; {@code what} says what it computes. */
    void started(String what, int index, int count);

    default boolean cancelled() {
        return false;
    }

    /** Reports the stage, or stops the evaluation when it was cancelled. */
    default void stage(String what, int index, int count) {
        stopIfCancelled();
        started(what, index, count);
    }

    /** Stops the evaluation when it was cancelled: called between the pieces of a long stage as well. */
    default void stopIfCancelled() {
        if (cancelled()) {
            throw new CancellationException("The evaluation was cancelled.");
        }
    }
}
