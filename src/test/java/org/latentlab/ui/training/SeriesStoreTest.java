package org.latentlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeriesStoreTest {
    @Test
    void aLongRunIsDecimatedToThePointsAChartCanShow() {
        SeriesStore s = new SeriesStore();
        for (int i = 1; i <= 100_000; i++) {
            s.add(i, i % 2 == 0 ? 1f : 3f);
        }
        var pts = s.decimated(400);
        assertEquals(400, pts.size());
        assertEquals(2f, pts.get(10)[1], 1e-3f);
        assertTrue(pts.get(399)[0] > 99_000);
    }

    @Test
    void aShortRunIsShownAsItIs() {
        SeriesStore few = new SeriesStore();
        few.add(1, 0.5f);
        assertEquals(1, few.decimated(400).size());
    }
}
