package org.latentlab.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Runs the newest request on the engine, one at a time, with no thread waiting for it: a request
 * made while one runs waits, and a newer one replaces it. Results reach the UI thread in order,
 * with the time of the oldest request they answer (for latency figures).
 *
 * <p>Why not a Task per request: a Task's next request could start only after its result had
 * reached the UI thread, so a request that came during a render waited for that render's hop to
 * the UI thread too (10–25 ms while the software pipeline paints). Here the next computation
 * starts as soon as the previous one is computed, and its hand-over runs beside it.
 *
 * @param <I> a request, built on the UI thread
 * @param <O> its result, computed by the engine
 */
public final class LatestOnly<I, O> {
    /** Starts one request's computation; its stage completes on the engine's thread. */
    @FunctionalInterface
    public interface Work<I, O> {
        CompletionStage<O> compute(I input);
    }

    /** A result and the time, from {@link System#nanoTime()}, of the oldest request it answers. */
    public record Result<O>(O value, long requestedAt) {}

    private record Request<I>(I input, long requestedAt) {}

    private final Background background;
    private final Work<I, O> work;
    private final Consumer<Result<O>> onResult;
    private final Consumer<Throwable> onFailure;
    private final Object lock = new Object();
    private Request<I> waiting;
    private boolean running;

    /** {@code onResult} and {@code onFailure} run on the UI thread. */
    public LatestOnly(Background background, Work<I, O> work, Consumer<Result<O>> onResult,
                      Consumer<Throwable> onFailure) {
        this.background = background;
        this.work = work;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    /** Asks for {@code input}'s result; replaces a request that has not started yet. */
    public void submit(I input) {
        synchronized (lock) {
            long since = waiting != null ? waiting.requestedAt() : System.nanoTime();
            waiting = new Request<>(input, since);
            if (running) {
                return;
            }
            running = true;
        }
        startNext();
    }

    /** Starts the waiting request, if any; called with {@code running} set. */
    private void startNext() {
        Request<I> next;
        synchronized (lock) {
            next = waiting;
            waiting = null;
            if (next == null) {
                running = false;
                return;
            }
        }
        CompletionStage<O> result;
        try {
            result = work.compute(next.input());
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        // The next computation starts as soon as this one is done; the hand-over runs beside it.
        result.whenComplete((value, error) -> {
            if (error == null) {
                background.onUiThread(() -> onResult.accept(new Result<>(value, next.requestedAt())));
            } else {
                background.onUiThread(() -> onFailure.accept(Background.cause(error)));
            }
            startNext();
        });
    }
}
