package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.latentlab.engine.LatentMap;
import org.latentlab.ui.common.Palette;

/** The map's dots, drawn as pixels. */
class LatentMapViewTest {
    private static final int SIZE = 20;

    @Test
    void dotsSitWhereTheirPointsAreInTheirClassColour() {
        // Two points: class 0 at pixel (5, 5), unlabelled at (19, 0) on the edge (clipped, no error).
        LatentMap map = new LatentMap(new float[] {5, 5, 19, 0}, new int[] {0, -1}, new int[] {0, 1},
                new String[] {"0"}, new float[2]);
        int[] argb = LatentMapView.dotPixels(map, SIZE, x -> x, y -> y);
        int blue = LatentMapView.rgb(Palette.of(0));
        int bg = LatentMapView.BACKGROUND;
        assertEquals(LatentMapView.blend(bg, blue, 0.75), argb[5 * SIZE + 5], "the centre");
        assertEquals(LatentMapView.blend(bg, blue, 0.75), argb[4 * SIZE + 5], "the centre's neighbours");
        assertEquals(LatentMapView.blend(bg, blue, 0.35), argb[4 * SIZE + 4], "fainter corners");
        assertEquals(bg, argb[5 * SIZE + 7], "two pixels away: background");
        assertEquals(LatentMapView.blend(bg, LatentMapView.rgb(Palette.of(-1)), 0.75), argb[19], "the edge point");
        assertEquals(bg, argb[10 * SIZE + 10]);
    }

    @Test
    void overlappingDotsBlendOverEachOther() {
        LatentMap map = new LatentMap(new float[] {5, 5, 5, 5}, new int[] {0, 1}, new int[] {0, 1}, new String[] {"0",
                "1"}, new float[2]);
        int[] argb = LatentMapView.dotPixels(map, SIZE, x -> x, y -> y);
        int first = LatentMapView.blend(LatentMapView.BACKGROUND, LatentMapView.rgb(Palette.of(0)), 0.75);
        assertEquals(LatentMapView.blend(first, LatentMapView.rgb(Palette.of(1)), 0.75), argb[5 * SIZE + 5]);
        assertEquals(0xff808080, LatentMapView.blend(0xff000000, 0xffffff, 128 / 255.0),
                "about half of white over black");
    }
}
