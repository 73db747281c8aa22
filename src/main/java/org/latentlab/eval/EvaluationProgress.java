package org.latentlab.eval;

import java.util.concurrent.CancellationException;

/**
 * Where an evaluation is, stage by stage, and a way to stop it between stages. {@link #stage}
 * throws {@link CancellationException} once {@link #cancelled()} is true, so the evaluation stops
 * at the next stage boundary (a stage itself takes at most seconds).
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
        if (cancelled()) {
            throw new CancellationException("The evaluation was cancelled.");
        }
        started(what, index, count);
    }
}
