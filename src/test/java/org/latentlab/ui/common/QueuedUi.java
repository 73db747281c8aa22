package org.latentlab.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link Background} whose UI actions wait until the test runs them, as the FX thread would run
 * them later, and which has no worker: code under test must hand the engine's future over instead.
 */
public final class QueuedUi implements Background {
    final Deque<Runnable> ui = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        throw new AssertionError("no worker thread: the engine's future calls back");
    }

    @Override
    public void onUiThread(Runnable action) {
        ui.add(action);
    }

    /** Runs the UI actions queued so far, in order. */
    public void runUi() {
        while (!ui.isEmpty()) {
            ui.poll().run();
        }
    }
}
