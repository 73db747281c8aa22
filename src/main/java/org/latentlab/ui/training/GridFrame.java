package org.latentlab.ui.training;

import javafx.scene.image.Image;

/**
 * The progress grids recorded at one step: G(z) of fixed noise from the prior, G(z) from the
 * running density of E(x) (null when none could be fitted), and x | G(E(x)) pairs (null, and
 * the error NaN, for an opened model whose data are not at hand).
 */
public record GridFrame(long step, Image samples, Image densitySamples, Image reconstructions,
        float reconstructionError) {
    /** The memory its images take (4 bytes a pixel). */
    public long bytes() {
        return 4L * (pixels(samples) + pixels(densitySamples) + pixels(reconstructions));
    }

    private static long pixels(Image image) {
        return image == null ? 0 : (long) (image.getWidth() * image.getHeight());
    }
}
