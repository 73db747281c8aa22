package org.latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** An engine's result reaches the view-model on the UI thread, unwrapped, without a thread waiting for it. */
class BackgroundTest {
    @Test
    void aResultArrivesOnTheUiThread() {
        QueuedUi b = new QueuedUi();
        CompletableFuture<String> result = new CompletableFuture<>();
        List<String> got = new ArrayList<>();
        b.await(result, got::add, e -> got.add("failed"));
        assertTrue(b.ui.isEmpty(), "nothing happens before the engine answers");
        result.complete("z");
        assertEquals(List.of(), got, "the answer waits for the UI thread");
        b.runUi();
        assertEquals(List.of("z"), got);
    }

    @Test
    void aFailureArrivesAsItsOwnCause() {
        QueuedUi b = new QueuedUi();
        List<Throwable> got = new ArrayList<>();
        CompletableFuture<String> source = new CompletableFuture<>();
        b.await(source.thenApply(x -> x), v -> { }, got::add); // a dependent stage wraps the failure
        source.completeExceptionally(new IllegalStateException("no model"));
        b.runUi();
        assertEquals(1, got.size());
        assertTrue(got.get(0) instanceof IllegalStateException, got.get(0).toString());
        assertEquals("no model", got.get(0).getMessage());
        assertTrue(Background.cause(new ExecutionException(new IOException("disk")))
                instanceof IOException);
    }
}
