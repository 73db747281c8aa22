package org.latentlab.train;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/** Pause, resume, cancel and save-now requests from any thread to a running {@link TrainingLoop}. */
public final class TrainingControl {
    private boolean paused;
    private boolean cancelled;
    private Path redirect;
    private final Queue<SaveRequest> saves = new ArrayDeque<>();

    /** A checkpoint of the model as it is now, asked for by the user ("Save checkpoint as…"). */
    record SaveRequest(Path target, CompletableFuture<Path> done) {}

    /**
     * Asks the loop to save the model as it is after its current step (also while paused) into
     * {@code target}; the future completes with the folder written, or with what went wrong.
     */
    public synchronized CompletableFuture<Path> requestSave(Path target) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        saves.add(new SaveRequest(target, done));
        notifyAll();
        return done;
    }

    /** The oldest save request not yet served, or null. */
    synchronized SaveRequest takeSave() {
        return saves.poll();
    }

    /** The run has ended: save requests it did not serve fail with {@code why}. */
    public synchronized void failPendingSaves(String why) {
        for (SaveRequest r = saves.poll(); r != null; r = saves.poll()) {
            r.done().completeExceptionally(new IllegalStateException(why));
        }
    }

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    /** After a failed save: the next try writes the run's checkpoints to this folder instead (a new run folder). */
    public synchronized void redirectCheckpoints(Path dir) {
        redirect = dir;
    }

    /** The folder asked for by {@link #redirectCheckpoints}, once; null if none. */
    synchronized Path takeRedirect() {
        Path d = redirect;
        redirect = null;
        return d;
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Blocks while paused, until resumed, cancelled or asked to save. */
    synchronized void awaitRunnableOrSave() throws InterruptedException {
        while (paused && !cancelled && saves.isEmpty()) {
            wait();
        }
    }

    /** Blocks while paused; returns false if cancelled. */
    synchronized boolean awaitRunnable() throws InterruptedException {
        while (paused && !cancelled) {
            wait();
        }
        return !cancelled;
    }
}
