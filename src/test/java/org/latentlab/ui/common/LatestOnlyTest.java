package org.latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestOnlyTest {
    /** The engine's computations and the UI actions, run only when the test says so. */
    private static final class Stepped implements Background {
        final Deque<Runnable> work = new ArrayDeque<>();
        final Deque<Runnable> ui = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            throw new AssertionError("LatestOnly takes no worker thread: the engine's future calls back");
        }

        @Override
        public void onUiThread(Runnable action) {
            ui.add(action);
        }

        void runWork() {
            work.poll().run();
        }

        void runUi() {
            while (!ui.isEmpty()) {
                ui.poll().run();
            }
        }
    }

    private final Stepped background = new Stepped();
    private final List<String> computed = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final LatestOnly<String, String> latest = new LatestOnly<>(background, in -> {
        computed.add(in);
        CompletableFuture<String> result = new CompletableFuture<>();
        background.work.add(() -> {
            if (in.startsWith("bad")) {
                result.completeExceptionally(new IllegalArgumentException(in));
            } else {
                result.complete(in.toUpperCase());
            }
        });
        return result;
    }, r -> shown.add(r.value()), e -> failures.add(e.getMessage()));

    @Test
    void onlyTheNewestWaitingRequestRunsAndResultsArriveInOrder() {
        latest.submit("a");
        latest.submit("b");
        latest.submit("c");
        assertEquals(1, background.work.size(), "one computation at a time");
        background.runWork();
        background.runWork();
        background.runUi();
        assertEquals(List.of("a", "c"), computed, "b was replaced by c before it started");
        assertEquals(List.of("A", "C"), shown);
        assertTrue(background.work.isEmpty());
    }

    @Test
    void theNextComputationStartsBeforeThePreviousResultReachesTheUi() {
        latest.submit("a");
        latest.submit("b");
        background.runWork();
        assertEquals(List.of(), shown, "a's result is still on its way to the UI thread");
        assertEquals(1, background.work.size(), "b already started");
        background.runWork();
        background.runUi();
        assertEquals(List.of("A", "B"), shown);
    }

    @Test
    void aFailureIsReportedAndTheWaitingRequestStillRuns() {
        latest.submit("bad input");
        latest.submit("b");
        background.runWork();
        background.runUi();
        assertEquals(List.of("bad input"), failures);
        background.runWork();
        background.runUi();
        assertEquals(List.of("B"), shown);
        latest.submit("c");
        background.runWork();
        background.runUi();
        assertEquals(List.of("B", "C"), shown, "still accepting requests");
    }
}
