package org.latentlab.ui.common;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;

/** Conversions between AWT and JavaFX images, without the javafx-swing module. */
public final class AwtImages {
    private AwtImages() {}

    /** A JavaFX copy of {@code img}, shrunk (never enlarged) to fit in max x max for display. */
    public static WritableImage toFx(BufferedImage img, int max) {
        BufferedImage src = img;
        double scale = Math.min(1.0, max / (double) Math.max(img.getWidth(), img.getHeight()));
        if (scale < 1.0) {
            int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
            src = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            var g = src.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, w, h, null);
            g.dispose();
        }
        int w = src.getWidth();
        int h = src.getHeight();
        return FxImages.of(src.getRGB(0, 0, w, h, null, 0, w), w, h, 1);
    }

    public static BufferedImage toAwt(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = FxImages.argb(image);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }
}
