package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A thread whose libtorch cannot be prepared still runs its tasks, so each ends instead of waiting forever. */
@Tag("slow")
class TorchThreadsTest {
    @Test
    void aFailedPreparationStillRunsEveryTask() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor(TorchThreads.factory("broken", () -> {
            throw new UnsatisfiedLinkError("libtorch_cpu.so: cannot open shared object file");
        }));
        try {
            assertEquals(42, CompletableFuture.supplyAsync(() -> 42, thread).get(5, TimeUnit.SECONDS));
            var failed = CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("the engine is not loaded");
            }, thread);
            var e = assertThrows(ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void aRunThatEndsInAnyErrorIsDescribedInWords() {
        assertEquals("The PyTorch library could not be loaded (libtorch_cpu.so: not found).",
                TrainingRunner.describe(new UnsatisfiedLinkError("libtorch_cpu.so: not found")));
        assertEquals("Training failed (StackOverflowError).", TrainingRunner.describe(new StackOverflowError()));
    }
}
