package org.latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LatestOnlyTest {
    /** The engine's computations still to finish, completed only when the test says so. */
    private final Deque<Runnable> work = new ArrayDeque<>();

    private final QueuedUi background = new QueuedUi();
    private final List<String> computed = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final LatestOnly<String, String> latest = new LatestOnly<>(background, in -> {
        computed.add(in);
        CompletableFuture<String> result = new CompletableFuture<>();
        work.add(() -> {
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
        assertEquals(1, work.size(), "one computation at a time");
        work.poll().run();
        work.poll().run();
        background.runUi();
        assertEquals(List.of("a", "c"), computed, "b was replaced by c before it started");
        assertEquals(List.of("A", "C"), shown);
        assertTrue(work.isEmpty());
    }

    @Test
    void theNextComputationStartsBeforeThePreviousResultReachesTheUi() {
        latest.submit("a");
        latest.submit("b");
        work.poll().run();
        assertEquals(List.of(), shown, "a's result is still on its way to the UI thread");
        assertEquals(1, work.size(), "b already started");
        work.poll().run();
        background.runUi();
        assertEquals(List.of("A", "B"), shown);
    }

    @Test
    void aFailureIsReportedAndTheWaitingRequestStillRuns() {
        latest.submit("bad input");
        latest.submit("b");
        work.poll().run();
        background.runUi();
        assertEquals(List.of("bad input"), failures);
        work.poll().run();
        background.runUi();
        assertEquals(List.of("B"), shown);
        latest.submit("c");
        work.poll().run();
        background.runUi();
        assertEquals(List.of("B", "C"), shown, "still accepting requests");
    }
}
