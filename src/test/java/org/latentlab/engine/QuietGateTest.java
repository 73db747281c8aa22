package org.latentlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The analysis waits until interaction has paused. */
class QuietGateTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicLong slept = new AtomicLong();
    private final QuietGate gate = new QuietGate(now::get, nanos -> {
        slept.addAndGet(nanos);
        now.addAndGet(nanos);
    });

    @Test
    void passesAtOnceWithoutInteraction() throws Exception {
        gate.awaitQuiet();
        assertEquals(0, slept.get());
    }

    @Test
    void waitsUntilTheQuietPeriodAfterTheLastInteraction() throws Exception {
        gate.interacted();
        now.addAndGet(20_000_000L);
        gate.awaitQuiet();
        assertEquals(QuietGate.QUIET_NANOS - 20_000_000L, slept.get());
        slept.set(0);
        gate.awaitQuiet();
        assertEquals(0, slept.get(), "quiet already");
    }

    @Test
    void anInteractionDuringTheWaitExtendsIt() throws Exception {
        QuietGate[] self = new QuietGate[1];
        boolean[] interactedOnce = {false};
        self[0] = new QuietGate(now::get, nanos -> {
            slept.addAndGet(nanos);
            now.addAndGet(nanos);
            if (!interactedOnce[0]) {
                interactedOnce[0] = true;
                self[0].interacted(); // a drag goes on while the analysis sleeps
            }
        });
        self[0].interacted();
        self[0].awaitQuiet();
        assertEquals(2 * QuietGate.QUIET_NANOS, slept.get());
    }
}
