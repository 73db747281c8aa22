package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** How a picture becomes a model input: crop, letterbox, invert, and digit centring where it fits. */
class PreparationTest {
    /** 40 wide, 20 high: white on the left half, red on the right half. */
    private static BufferedImage wide() {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 20, 20);
        g.setColor(Color.RED);
        g.fillRect(20, 0, 20, 20);
        g.dispose();
        return img;
    }

    @Test
    void letterboxKeepsTheWholePictureOnBlackAndCropKeepsTheMiddle() throws Exception {
        float[] box = Preparation.LETTERBOX.apply(wide(), 8, 3, false);
        assertEquals(0f, box[0], 1e-6, "the top row is border");
        assertEquals(1f, box[4 * 8 + 1], 0.05, "white on the left, red channel");
        assertEquals(0f, box[64 + 4 * 8 + 6], 0.05, "red on the right: no green");
        float[] crop = Preparation.CROP.apply(wide(), 8, 3, false);
        assertTrue(crop[0] > 0.9f, "the crop fills the square: no border");
    }

    @Test
    void invertSwapsLightAndDarkBeforeTheBordersAreAdded() throws Exception {
        float[] box = Preparation.LETTERBOX.apply(wide(), 8, 1, true);
        assertEquals(0f, box[0], 1e-6, "the border stays black");
        assertEquals(0f, box[4 * 8 + 1], 0.05, "white became black");
    }

    @Test
    void digitCentringOnlyFitsGrayTwentyEightPixelModels() {
        assertTrue(Preparation.CENTRE_DIGIT.fits(1, 28));
        assertFalse(Preparation.CENTRE_DIGIT.fits(3, 32));
        assertThrows(DataFormatException.class, () -> Preparation.CENTRE_DIGIT.apply(wide(), 32, 3, false));
        assertEquals(Preparation.CROP, Preparation.fromId("crop"));
    }
}
