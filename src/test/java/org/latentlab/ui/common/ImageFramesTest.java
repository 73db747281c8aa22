package org.latentlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Two reused images take turns, each frame scaled up pixel by pixel. */
class ImageFramesTest {
    private static final int A = 0xFF102030;
    private static final int B = 0xFFA0B0C0;
    private static final int C = 0xFFFFFFFF;
    private static final int D = 0xFF000000;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void framesAreScaledIntoTwoImagesThatTakeTurns() throws Exception {
        WaitForAsyncUtils.asyncFx(ImageFramesTest::takeTurns).get(10, TimeUnit.SECONDS);
    }

    private static void takeTurns() {
        ImageFrames frames = new ImageFrames(2, 2, 3);
        Image first = frames.next(new int[] {A, B, C, D});
        assertEquals(6, first.getWidth());
        assertEquals(6, first.getHeight());
        PixelReader r = first.getPixelReader();
        assertEquals(A, r.getArgb(0, 0));
        assertEquals(A, r.getArgb(2, 2));
        assertEquals(B, r.getArgb(3, 0));
        assertEquals(C, r.getArgb(0, 3));
        assertEquals(D, r.getArgb(5, 5));
        Image second = frames.next(new int[] {D, D, D, D});
        assertNotSame(first, second, "a new frame changes the image shown");
        assertEquals(A, first.getPixelReader().getArgb(0, 0), "the image shown last is not touched");
        assertEquals(D, second.getPixelReader().getArgb(0, 0));
        Image third = frames.next(new int[] {C, C, C, C});
        assertSame(first, third, "no new image per frame");
        assertEquals(C, third.getPixelReader().getArgb(4, 1));
    }

    @Test
    void refusesFramesOfAnotherSize() { // nothing is written, so any thread will do
        ImageFrames frames = new ImageFrames(2, 2, 3);
        assertTrue(frames.fits(2, 2, 3));
        assertTrue(!frames.fits(3, 3, 3) && !frames.fits(2, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> frames.next(new int[9]));
        assertThrows(IllegalArgumentException.class, () -> new ImageFrames(0, 2, 1));
    }
}
