package org.latentlab.train;

import java.nio.file.Path;

/** Pause, resume and cancel requests from any thread to a running {@link TrainingLoop}. */
public final class TrainingControl {
    private boolean paused;
    private boolean cancelled;
    private Path redirect;

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

    /** Blocks while paused; returns false if cancelled. */
    synchronized boolean awaitRunnable() throws InterruptedException {
        while (paused && !cancelled) {
            wait();
        }
        return !cancelled;
    }
}
