package org.latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark's latency samples: order kept, old ones dropped, quantiles over a stretch. */
class LatencyRecorderTest {
    @Test
    void keepsSamplesSinceAMarkInOrder() {
        LatencyRecorder r = new LatencyRecorder();
        r.record(5_000_000L);
        int mark = r.mark();
        r.record(3_000_000L);
        r.record(9_000_000L);
        r.record(1_000_000L);
        assertArrayEquals(new double[] {3, 9, 1}, r.since(mark));
        assertEquals(3, r.quantileSince(mark, 0.5));
        assertEquals(9, r.quantileSince(mark, 0.99));
        assertEquals(0, r.since(r.mark()).length);
        assertTrue(Double.isNaN(r.quantileSince(r.mark(), 0.5)));
    }

    @Test
    void dropsTheOldestWhenFull() {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 0; i < 5000; i++) {
            r.record(i * 1_000_000L);
        }
        double[] kept = r.since(0);
        assertEquals(4096, kept.length);
        assertEquals(5000 - 4096, kept[0]);
        assertEquals(4999, kept[kept.length - 1]);
    }
}
