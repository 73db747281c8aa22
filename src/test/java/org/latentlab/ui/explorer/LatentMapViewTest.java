package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.latentlab.engine.LatentMap;
import org.latentlab.ui.common.Palette;

/** The map's dots, drawn as pixels, and where the viewport puts them. */
class LatentMapViewTest {
    private static final int SIZE = 20;

    private static int[] paint(float[] xy, int[] labels) {
        LatentMap map = new LatentMap(xy, labels, new int[labels.length], new String[] {"0", "1"},
                new float[labels.length]);
        float[] sx = new float[labels.length];
        float[] sy = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            sx[i] = xy[2 * i];
            sy[i] = xy[2 * i + 1];
        }
        int[] argb = new int[SIZE * SIZE];
        MapDots.paint(sx, sy, MapColours.of(map, -1).rgb(), SIZE, SIZE, argb);
        return argb;
    }

    @Test
    void dotsSitWhereTheirPointsAreInTheirClassColour() {
        // Two points: class 0 at pixel (5, 5), unlabelled at (19, 0) on the edge (clipped, no error).
        int[] argb = paint(new float[] {5, 5, 19, 0}, new int[] {0, -1});
        int blue = MapDots.rgb(Palette.of(0));
        int bg = MapDots.BACKGROUND;
        assertEquals(MapDots.blend(bg, blue, 0.75), argb[5 * SIZE + 5], "the centre");
        assertEquals(MapDots.blend(bg, blue, 0.75), argb[4 * SIZE + 5], "the centre's neighbours");
        assertEquals(MapDots.blend(bg, blue, 0.35), argb[4 * SIZE + 4], "fainter corners");
        assertEquals(bg, argb[5 * SIZE + 7], "two pixels away: background");
        assertEquals(MapDots.blend(bg, MapDots.rgb(Palette.of(-1)), 0.75), argb[19], "the edge point");
        assertEquals(bg, argb[10 * SIZE + 10]);
    }

    @Test
    void overlappingDotsBlendOverEachOther() {
        int[] argb = paint(new float[] {5, 5, 5, 5}, new int[] {0, 1});
        int first = MapDots.blend(MapDots.BACKGROUND, MapDots.rgb(Palette.of(0)), 0.75);
        assertEquals(MapDots.blend(first, MapDots.rgb(Palette.of(1)), 0.75), argb[5 * SIZE + 5]);
        assertEquals(0xff808080, MapDots.blend(0xff000000, 0xffffff, 128 / 255.0), "about half of white over black");
    }

    @Test
    void zoomKeepsThePointUnderThePointerAndFitsBack() {
        MapViewport view = new MapViewport(100, 100, 0);
        view.fit(new float[] {0, 0, 10, 10});
        assertEquals(50, view.x(5), 1e-9);
        view.zoomAt(4, 25, 75);
        assertEquals(25, view.x(2.5f), 1e-9, "the point under the pointer stays");
        assertEquals(75, view.y(7.5f), 1e-9);
        assertEquals(125, view.x(5), 1e-9);
        view.pan(-10, 0);
        assertEquals(115, view.x(5), 1e-9);
        view.zoomAt(1e-3, 0, 0);
        assertEquals(50, view.x(5), 1e-9, "zoomed all the way out: everything in view as it began");
    }

    @Test
    void aLatentDimensionColoursFromItsLowestToItsHighestValue() {
        LatentMap map = new LatentMap(new float[6], new int[] {0, 1, 1}, new int[3], new String[] {"a", "b"},
                new float[] {0, -2, 0, 0, 0, 2}); // two dimensions; the second runs -2, 0, 2
        MapColours.Result r = MapColours.of(map, 1);
        assertEquals(-2, r.low());
        assertEquals(2, r.high());
        assertEquals(MapDots.rgb(MapColours.LOW), r.rgb()[0]);
        assertEquals(MapDots.rgb(MapColours.MID), r.rgb()[1]);
        assertEquals(MapDots.rgb(MapColours.HIGH), r.rgb()[2]);
    }
}
