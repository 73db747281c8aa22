package org.latentlab.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands the result back on it. View-models depend on this
 * interface only, so tests can run everything synchronously.
 */
public interface Background {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Hands a result the engine computes on its own thread back on the UI thread. No thread
     * waits for it: the engine's future calls back when it completes.
     */
    default <T> void await(CompletionStage<T> result, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        result.whenComplete((value, error) -> onUiThread(() -> {
            if (error == null) {
                onSuccess.accept(value);
            } else {
                onFailure.accept(cause(error));
            }
        }));
    }

    /** The failure itself, not the wrapper a future puts around it. */
    static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Runs {@code action} on the UI thread (now, if already there). */
    void onUiThread(Runnable action);
}
