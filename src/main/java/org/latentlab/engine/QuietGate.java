package org.latentlab.engine;

import java.util.function.LongSupplier;

/**
 * Lets background analysis wait while the user is dragging. Interactive work (a slider's render)
 * calls {@link #interacted}; the analysis thread calls {@link #awaitQuiet} between chunks and goes
 * on once no interaction came for {@link #QUIET_NANOS}. On two cores, encoding beside a drag
 * raised the slider's 99th-percentile latency from 15-16 ms to 28-47 ms (ui-bench).
 */
class QuietGate {
    /**
     * How long the user must pause before the analysis goes on. Not one frame's worth: at 60 ms a
     * chunk slipped in whenever the FX thread stalled for a few frames (the window's first paints),
     * and the directions then arrived mid-drag (their rows cost the FX thread ~45 ms). A pause of
     * 300 ms is a user letting go, and the analysis needs well under a second once it may run.
     */
    static final long QUIET_NANOS = 300_000_000L;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private volatile long lastInteraction = Long.MIN_VALUE;

    /** How the waiting thread sleeps (tests pass one that advances a fake clock). */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    QuietGate() {
        this(System::nanoTime, nanos -> Thread.sleep(Math.max(1, nanos / 1_000_000L)));
    }

    QuietGate(LongSupplier nanoClock, Sleeper sleeper) {
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    void interacted() {
        lastInteraction = nanoClock.getAsLong();
    }

    /** Returns once no interaction came for {@link #QUIET_NANOS}. */
    void awaitQuiet() throws InterruptedException {
        while (true) {
            long last = lastInteraction;
            if (last == Long.MIN_VALUE) {
                return;
            }
            long waited = nanoClock.getAsLong() - last;
            if (waited >= QUIET_NANOS) {
                return;
            }
            sleeper.sleepNanos(QUIET_NANOS - waited);
        }
    }
}
