package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageShiftTest {
    private static final float[] IMAGE = {
        1, 2, 3,
        4, 5, 6,
        7, 8, 9};

    @Test
    void aPlaneMovesByWholePixelsAndTheEdgeIsZero() {
        assertArrayEquals(new float[] {0, 1, 2, 0, 4, 5, 0, 7, 8}, shifted(1, 0), "right");
        assertArrayEquals(new float[] {4, 5, 6, 7, 8, 9, 0, 0, 0}, shifted(0, -1), "up");
        assertArrayEquals(new float[] {0, 0, 0, 2, 3, 0, 5, 6, 0}, shifted(-1, 1), "left and down");
        assertArrayEquals(IMAGE, shifted(0, 0));
    }

    @Test
    void everyImageMovesWithinTheLimitAndTheMovesVary() {
        int n = 200;
        float[] src = new float[n * 9];
        for (int i = 0; i < n; i++) {
            System.arraycopy(IMAGE, 0, src, i * 9, 9);
        }
        float[] dst = new float[src.length];
        ImageShift.randomShift(src, dst, 1, 3, 1, new Random(3));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            float[] one = Arrays.copyOfRange(dst, i * 9, i * 9 + 9);
            String move = moveOf(one);
            assertTrue(move != null, "image " + i + " is no shift of at most 1 px: " + Arrays.toString(one));
            seen.add(move);
        }
        assertTrue(seen.size() == 9, "all nine moves of up to 1 px occur in 200 images: " + seen);
    }

    @Test
    void theChannelsOfAnImageMoveTogether() {
        float[] src = new float[18];
        System.arraycopy(IMAGE, 0, src, 0, 9);
        System.arraycopy(IMAGE, 0, src, 9, 9);
        float[] dst = new float[18];
        for (int seed = 0; seed < 20; seed++) {
            ImageShift.randomShift(src, dst, 2, 3, 1, new Random(seed));
            assertArrayEquals(Arrays.copyOfRange(dst, 0, 9), Arrays.copyOfRange(dst, 9, 18), "seed " + seed);
        }
    }

    @Test
    void arraysOfOtherSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ImageShift.randomShift(new float[9], new float[8], 1, 3, 1,
                new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> ImageShift.randomShift(new float[10], new float[10], 1, 3,
                1, new Random(1)));
    }

    private static float[] shifted(int dx, int dy) {
        float[] dst = new float[9];
        ImageShift.shiftPlane(IMAGE, dst, 0, 3, dx, dy);
        return dst;
    }

    private static String moveOf(float[] image) {
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                if (Arrays.equals(image, shifted(dx, dy))) {
                    return dx + "," + dy;
                }
            }
        }
        return null;
    }
}
