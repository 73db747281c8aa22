package org.latentlab.ui.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The explorer image is scaled in whole pixels to fit its frame, 1:1 for MNIST. */
class ImageScaleTest {
    @Test
    void fillsTheFrameInWholePixels() {
        assertEquals(ExplorerImage.IMAGE_PIXELS, 28 * ExplorerImage.imageScale(28), "MNIST drawn 1:1");
        assertEquals(10, ExplorerImage.imageScale(32));
        assertEquals(5, ExplorerImage.imageScale(64));
        assertEquals(1, ExplorerImage.imageScale(500), "never below one pixel per pixel");
    }
}
