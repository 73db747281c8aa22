package org.latentlab.ui.training;

import javafx.scene.image.Image;

/** The progress grids recorded at one step: samples of the fixed noise, and x | G(E(x)) pairs. */
public record GridFrame(long step, Image samples, Image reconstructions, float reconstructionError) {
    /** The memory its two images take (4 bytes a pixel). */
    public long bytes() {
        return 4L * (long) (samples.getWidth() * samples.getHeight()
                + reconstructions.getWidth() * reconstructions.getHeight());
    }
}
