package org.latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** An engine's result reaches the view-model on the UI thread, unwrapped, without a thread waiting for it. */
class BackgroundTest {
    /** Queues UI actions, as the FX thread would run them later. */
    private static final class QueuedUi implements Background {
        final List<Runnable> ui = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            throw new AssertionError("await must not take a worker thread");
        }

        @Override
        public void onUiThread(Runnable action) {
            ui.add(action);
        }
    }

    @Test
    void aResultArrivesOnTheUiThread() {
        QueuedUi b = new QueuedUi();
        CompletableFuture<String> result = new CompletableFuture<>();
        List<String> got = new ArrayList<>();
        b.await(result, got::add, e -> got.add("failed"));
        assertTrue(b.ui.isEmpty(), "nothing happens before the engine answers");
        result.complete("z");
        assertEquals(List.of(), got, "the answer waits for the UI thread");
        b.ui.forEach(Runnable::run);
        assertEquals(List.of("z"), got);
    }

    @Test
    void aFailureArrivesAsItsOwnCause() {
        QueuedUi b = new QueuedUi();
        List<Throwable> got = new ArrayList<>();
        b.await(CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException("no model");
        }).thenApply(x -> x), v -> { }, got::add);
        CompletableFuture.runAsync(() -> { }).join();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (b.ui.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        b.ui.forEach(Runnable::run);
        assertEquals(1, got.size());
        assertTrue(got.get(0) instanceof IllegalStateException, got.get(0).toString());
        assertEquals("no model", got.get(0).getMessage());
        assertTrue(Background.cause(new ExecutionException(new IOException("disk")))
                instanceof IOException);
    }
}
