package org.latentlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.latentlab.ui.common.Background;

/** Runs background work and UI updates synchronously on the calling thread, for view-model tests. */
public final class DirectBackground implements Background {
    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(value);
    }

    /** Waits for the result, so a test sees the view-model's state right after the call. */
    @Override
    public <T> void await(CompletionStage<T> result, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T value;
        try {
            value = result.toCompletableFuture().join();
        } catch (RuntimeException e) {
            onFailure.accept(Background.cause(e));
            return;
        }
        onSuccess.accept(value);
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
