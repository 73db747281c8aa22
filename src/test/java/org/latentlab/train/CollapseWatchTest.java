package org.latentlab.train;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CollapseWatchTest {
    private static StepStats stats(long step, float dFake) {
        return new StepStats(step, 0.3f, 8f, 30f, 1 - dFake, dFake);
    }

    @Test
    void aHealthyRunIsNeverFlagged() {
        CollapseWatch w = new CollapseWatch();
        for (long s = 1; s <= 5000; s++) {
            // D's lead early on (fake score near 0.005 for the first few hundred steps) is normal.
            assertNull(w.observe(stats(s, s < 400 ? 0.005f : 0.11f)), "step " + s);
        }
    }

    @Test
    void aCollapseIsReportedOnceWithItsStep() {
        CollapseWatch w = new CollapseWatch();
        String warning = null;
        long at = 0;
        for (long s = 1; s <= 6000 && at == 0; s++) {
            warning = w.observe(stats(s, s < 2500 ? 0.11f : 0.004f));
            at = warning != null ? s : 0;
        }
        assertNotNull(warning, "a run whose D(G(z), z) stays at 0.004 is flagged");
        assertTrue(at > 2500 && at <= 2500 + CollapseWatch.WINDOW, "flagged within a window of the collapse: " + at);
        assertTrue(warning.contains("step " + String.format(Locale.ROOT, "%,d", at)), warning);
        assertTrue(warning.contains("collapsed"), warning);
        for (long s = at + 1; s < at + 2000; s++) {
            assertNull(w.observe(stats(s, 0.004f)), "reported once");
        }
    }
}
