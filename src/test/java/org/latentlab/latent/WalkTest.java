package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkTest {
    private static final float[] A = {0, 0};
    private static final float[] B = {1, 0};
    private static final float[] C = {1, 1};

    private static float[] frame(float[] path, int f) {
        return Arrays.copyOfRange(path, 2 * f, 2 * f + 2);
    }

    @Test
    void eachKeyframeIsAFrameAndLegsHaveTheirFrames() {
        var s = new Walk.Settings(4, Walk.Easing.LINEAR, false);
        float[] path = Walk.path(List.of(A, B, C), s);
        assertEquals(9, Walk.frames(3, s));
        assertEquals(9 * 2, path.length);
        assertArrayEquals(A, frame(path, 0));
        assertArrayEquals(B, frame(path, 4));
        assertArrayEquals(C, frame(path, 8));
        assertArrayEquals(new float[] {0.25f, 0}, frame(path, 1), 1e-6f);
        assertArrayEquals(new float[] {1, 0.75f}, frame(path, 7), 1e-6f);
    }

    @Test
    void smoothEasingRestsNearTheKeyframesAndMeetsLinearHalfway() {
        var smooth = Walk.path(List.of(A, B), new Walk.Settings(10, Walk.Easing.SMOOTH, false));
        var linear = Walk.path(List.of(A, B), new Walk.Settings(10, Walk.Easing.LINEAR, false));
        assertTrue(frame(smooth, 1)[0] < frame(linear, 1)[0] / 2, "slow at the start");
        assertEquals(0.5f, frame(smooth, 5)[0], 1e-6f);
        for (int f = 1; f <= 10; f++) {
            assertTrue(frame(smooth, f)[0] > frame(smooth, f - 1)[0], "always forward");
        }
    }

    @Test
    void slerpKeepsTheNormBetweenTheKeyframes() {
        float[] a = {2, 0};
        float[] b = {0, 2};
        float[] mid = frame(Walk.path(List.of(a, b), new Walk.Settings(2, Walk.Easing.LINEAR, true)), 1);
        assertEquals(2, Math.hypot(mid[0], mid[1]), 1e-5);
    }

    @Test
    void badWalksAreRefusedInWords() {
        var s = new Walk.Settings(3, Walk.Easing.SMOOTH, false);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Walk.path(List.of(A), s)).getMessage()
                .contains("2 to 64 keyframes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Walk.path(List.of(A, new float[3]), s))
                .getMessage().contains("same size"));
        assertThrows(IllegalArgumentException.class, () -> new Walk.Settings(0, Walk.Easing.LINEAR, false));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Walk.Easing.parse("bouncy")).getMessage()
                .contains("linear or smooth"));
        assertEquals(Walk.Easing.SMOOTH, Walk.Easing.parse(" Smooth "));
    }
}
