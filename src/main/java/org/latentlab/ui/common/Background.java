package org.latentlab.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands the result back on it. View-models depend on this
 * interface only, so tests can run everything synchronously.
 */
public interface Background {
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (now, if already there). */
    void onUiThread(Runnable action);
}
